// Per-user MFA objects: what scripts build with New-Object and read from a User.
using System;
using System.Runtime.Serialization;

namespace Microsoft.Online.Administration
{
    /// <summary>One registered MFA method. MethodType is one of OneWaySMS, TwoWayVoiceMobile,
    /// TwoWayVoiceOffice, TwoWayVoiceAlternateMobile, PhoneAppOTP, PhoneAppNotification.</summary>
    [DataContract(Name = "StrongAuthenticationMethod", Namespace = Wire.Namespace)]
    public class StrongAuthenticationMethod
    {
        [DataMember] public bool IsDefault { get; set; }
        [DataMember] public string MethodType { get; set; }
    }

    /// <summary>Per-user MFA: RelyingParty "*", State Enabled or Enforced. An empty list is "Disabled".</summary>
    [DataContract(Name = "StrongAuthenticationRequirement", Namespace = Wire.Namespace)]
    public class StrongAuthenticationRequirement
    {
        [DataMember] public string RelyingParty { get; set; }
        [DataMember] public string State { get; set; }
        /// <summary>DateTime.MinValue (the default of a new object) means "not given".</summary>
        [DataMember] public DateTime RememberDevicesNotIssuedBefore { get; set; }
    }

    /// <summary>The phone and email the user registered for MFA (read-only for admins).</summary>
    [DataContract(Name = "StrongAuthenticationUserDetails", Namespace = Wire.Namespace)]
    public class StrongAuthenticationUserDetails
    {
        [DataMember] public string AlternativePhoneNumber { get; set; }
        [DataMember] public string Email { get; set; }
        [DataMember] public string OldPin { get; set; }
        [DataMember] public string PhoneNumber { get; set; }
        [DataMember] public string Pin { get; set; }
    }

    /// <summary>A registered Microsoft Authenticator (or other OATH) app.</summary>
    [DataContract(Name = "StrongAuthenticationPhoneAppDetail", Namespace = Wire.Namespace)]
    public class StrongAuthenticationPhoneAppDetail
    {
        [DataMember(Name = "AuthenticationType")] private string authenticationType;
        [DataMember(Name = "NotificationType")] private string notificationType;

        public StrongAuthenticationPhoneAppAuthType AuthenticationType
        {
            get { return WireEnum.Parse<StrongAuthenticationPhoneAppAuthType>(authenticationType) ?? StrongAuthenticationPhoneAppAuthType.Notification; }
            set { authenticationType = value.ToString(); }
        }
        [DataMember] public string DeviceName { get; set; }
        [DataMember] public string DeviceTag { get; set; }
        [DataMember] public string DeviceToken { get; set; }
        [DataMember] public Guid? Id { get; set; }
        public StrongAuthenticationPhoneAppNotificationType NotificationType
        {
            get { return WireEnum.Parse<StrongAuthenticationPhoneAppNotificationType>(notificationType) ?? StrongAuthenticationPhoneAppNotificationType.Unspecified; }
            set { notificationType = value.ToString(); }
        }
        [DataMember] public string OathSecretKey { get; set; }
        [DataMember] public int OathTokenTimeDrift { get; set; }
        [DataMember] public string PhoneAppVersion { get; set; }
        [DataMember] public int? TimeInterval { get; set; }
    }
}
