// Microsoft.Online.Administration.User: every property MSOnline's User had, with its types.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Xml;

namespace Microsoft.Online.Administration
{
    [DataContract(Name = "User", Namespace = Wire.Namespace)]
    public class User
    {
        public User() { Initialize(default(StreamingContext)); }

        // Collections read as empty lists, never $null, whether the object came from the bridge or New-Object.
        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            AlternateEmailAddresses = new List<string>();
            AlternateMobilePhones = new List<string>();
            AlternativeSecurityIds = new List<AlternativeSecurityId>();
            DirSyncProvisioningErrors = new List<DirSyncProvisioningError>();
            Errors = new List<ValidationError>();
            IndirectLicenseErrors = new List<IndirectLicenseError>();
            LicenseAssignmentDetails = new List<LicenseAssignmentDetail>();
            Licenses = new List<UserLicense>();
            ProxyAddresses = new List<string>();
            ServiceInformation = new List<ServiceInformation>();
            StrongAuthenticationMethods = new List<StrongAuthenticationMethod>();
            StrongAuthenticationPhoneAppDetails = new List<StrongAuthenticationPhoneAppDetail>();
            StrongAuthenticationRequirements = new List<StrongAuthenticationRequirement>();
        }

        [DataMember(Name = "OverallProvisioningStatus")] private string overallProvisioningStatus;
        [DataMember(Name = "ReleaseTrack")] private string releaseTrack;
        [DataMember(Name = "UserType")] private string userType;
        [DataMember(Name = "ValidationStatus")] private string validationStatus;

        [DataMember] public List<string> AlternateEmailAddresses { get; set; }
        [DataMember] public List<string> AlternateMobilePhones { get; set; }
        [DataMember] public List<AlternativeSecurityId> AlternativeSecurityIds { get; set; }
        [DataMember] public bool? BlockCredential { get; set; }
        [DataMember] public string City { get; set; }
        [DataMember] public int? CloudExchangeRecipientDisplayType { get; set; }
        [DataMember] public string Country { get; set; }
        [DataMember] public string Department { get; set; }
        [DataMember] public List<DirSyncProvisioningError> DirSyncProvisioningErrors { get; set; }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public List<ValidationError> Errors { get; set; }
        [DataMember] public string Fax { get; set; }
        [DataMember] public string FirstName { get; set; }
        [DataMember] public string ImmutableId { get; set; }
        [DataMember] public List<IndirectLicenseError> IndirectLicenseErrors { get; set; }
        [DataMember] public bool? IsBlackberryUser { get; set; }
        [DataMember] public bool? IsLicensed { get; set; }
        [DataMember] public DateTime? LastDirSyncTime { get; set; }
        [DataMember] public string LastName { get; set; }
        [DataMember] public DateTime? LastPasswordChangeTimestamp { get; set; }
        [DataMember] public List<LicenseAssignmentDetail> LicenseAssignmentDetails { get; set; }
        [DataMember] public bool? LicenseReconciliationNeeded { get; set; }
        [DataMember] public List<UserLicense> Licenses { get; set; }
        [DataMember] public string LiveId { get; set; }
        [DataMember] public long? MSExchRecipientTypeDetails { get; set; }
        [DataMember] public string MSRtcSipDeploymentLocator { get; set; }
        [DataMember] public string MSRtcSipPrimaryUserAddress { get; set; }
        [DataMember] public string MobilePhone { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public string Office { get; set; }
        public ProvisioningStatus OverallProvisioningStatus
        {
            get { return WireEnum.Parse<ProvisioningStatus>(overallProvisioningStatus) ?? ProvisioningStatus.None; }
            set { overallProvisioningStatus = value.ToString(); }
        }
        [DataMember] public bool? PasswordNeverExpires { get; set; }
        [DataMember] public bool? PasswordResetNotRequiredDuringActivate { get; set; }
        [DataMember] public string PhoneNumber { get; set; }
        /// <summary>Portal settings are not kept by the bridge: always $null.</summary>
        public XmlElement PortalSettings { get; set; }
        [DataMember] public string PostalCode { get; set; }
        [DataMember] public string PreferredDataLocation { get; set; }
        [DataMember] public string PreferredLanguage { get; set; }
        [DataMember] public List<string> ProxyAddresses { get; set; }
        public O365UserReleaseTrack? ReleaseTrack
        {
            get { return WireEnum.Parse<O365UserReleaseTrack>(releaseTrack); }
            set { releaseTrack = WireEnum.Name(value); }
        }
        [DataMember] public List<ServiceInformation> ServiceInformation { get; set; }
        [DataMember] public string SignInName { get; set; }
        [DataMember] public DateTime? SoftDeletionTimestamp { get; set; }
        [DataMember] public string State { get; set; }
        [DataMember] public string StreetAddress { get; set; }
        [DataMember] public List<StrongAuthenticationMethod> StrongAuthenticationMethods { get; set; }
        [DataMember] public List<StrongAuthenticationPhoneAppDetail> StrongAuthenticationPhoneAppDetails { get; set; }
        [DataMember] public long? StrongAuthenticationProofupTime { get; set; }
        [DataMember] public List<StrongAuthenticationRequirement> StrongAuthenticationRequirements { get; set; }
        [DataMember] public StrongAuthenticationUserDetails StrongAuthenticationUserDetails { get; set; }
        [DataMember] public bool? StrongPasswordRequired { get; set; }
        [DataMember] public DateTime? StsRefreshTokensValidFrom { get; set; }
        [DataMember] public string Title { get; set; }
        [DataMember] public string UsageLocation { get; set; }
        [DataMember] public string UserLandingPageIdentifierForO365Shell { get; set; }
        [DataMember] public string UserPrincipalName { get; set; }
        [DataMember] public string UserThemeIdentifierForO365Shell { get; set; }
        public UserType? UserType
        {
            get { return WireEnum.Parse<UserType>(userType); }
            set { userType = WireEnum.Name(value); }
        }
        public ValidationStatus? ValidationStatus
        {
            get { return WireEnum.Parse<ValidationStatus>(validationStatus); }
            set { validationStatus = WireEnum.Name(value); }
        }
        [DataMember] public DateTime? WhenCreated { get; set; }
    }

    /// <summary>New-MsolUser's output: the new user and its temporary password.</summary>
    [DataContract(Name = "UserExtended", Namespace = Wire.Namespace)]
    public class UserExtended : User
    {
        [DataMember] public string Password { get; set; }
    }

    [DataContract(Name = "AlternativeSecurityId", Namespace = Wire.Namespace)]
    public class AlternativeSecurityId
    {
        [DataMember] public string IdentityProvider { get; set; }
        [DataMember] public byte[] Key { get; set; }
        [DataMember] public int Type { get; set; }
    }

    [DataContract(Name = "DirSyncProvisioningError", Namespace = Wire.Namespace)]
    public class DirSyncProvisioningError
    {
        [DataMember] public string ErrorCategory { get; set; }
        [DataMember] public string PropertyName { get; set; }
        [DataMember] public string PropertyValue { get; set; }
        [DataMember] public DateTime WhenStarted { get; set; }
    }

    /// <summary>Get-MsolDirSyncProvisioningError's answer: a user, group or contact with its
    /// synchronization conflicts. The type name is the module's own: MSOnline's was not found.</summary>
    [DataContract(Name = "DirSyncProvisioningErrorObject", Namespace = Wire.Namespace)]
    public class DirSyncProvisioningErrorObject
    {
        public DirSyncProvisioningErrorObject() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            ProvisioningErrors = new List<DirSyncProvisioningError>();
            ProxyAddresses = new List<string>();
        }

        [DataMember] public string DisplayName { get; set; }
        [DataMember] public string ImmutableId { get; set; }
        [DataMember] public DateTime? LastDirSyncTime { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        /// <summary>User, Group or Contact.</summary>
        [DataMember] public string ObjectType { get; set; }
        [DataMember] public List<DirSyncProvisioningError> ProvisioningErrors { get; set; }
        [DataMember] public List<string> ProxyAddresses { get; set; }
        [DataMember] public string UserPrincipalName { get; set; }
    }

    /// <summary>A service-side validation error recorded on an object (-HasErrorsOnly finds these).</summary>
    [DataContract(Name = "ValidationError", Namespace = Wire.Namespace)]
    public class ValidationError
    {
        [DataMember] public string ErrorDetail { get; set; }
        [DataMember] public bool Resolved { get; set; }
        [DataMember] public string ServiceInstance { get; set; }
        [DataMember] public DateTime Timestamp { get; set; }
    }

    [DataContract(Name = "ServiceInformation", Namespace = Wire.Namespace)]
    public class ServiceInformation
    {
        [DataMember] public string ServiceInstance { get; set; }
        public List<XmlElement> ServiceElements { get; set; }
    }
}
