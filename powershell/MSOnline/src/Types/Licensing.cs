// Licences: what a user holds and what the tenant has bought.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Online.Administration
{
    [DataContract(Name = "AccountSkuIdentifier", Namespace = Wire.Namespace)]
    public class AccountSkuIdentifier
    {
        [DataMember] public string AccountName { get; set; }
        [DataMember] public string SkuPartNumber { get; set; }
    }

    [DataContract(Name = "ServicePlan", Namespace = Wire.Namespace)]
    public class ServicePlan
    {
        [DataMember(Name = "TargetClass")] private string targetClass;

        [DataMember] public string ServiceName { get; set; }
        [DataMember] public Guid? ServicePlanId { get; set; }
        [DataMember] public string ServiceType { get; set; }
        public SkuTargetClass TargetClass
        {
            get { return WireEnum.Parse<SkuTargetClass>(targetClass) ?? SkuTargetClass.NotAvailable; }
            set { targetClass = value.ToString(); }
        }
    }

    [DataContract(Name = "ServiceStatus", Namespace = Wire.Namespace)]
    public class ServiceStatus
    {
        [DataMember(Name = "ProvisioningStatus")] private string provisioningStatus;

        public ProvisioningStatus ProvisioningStatus
        {
            get { return WireEnum.Parse<ProvisioningStatus>(provisioningStatus) ?? ProvisioningStatus.None; }
            set { provisioningStatus = value.ToString(); }
        }
        [DataMember] public ServicePlan ServicePlan { get; set; }
    }

    /// <summary>One licence of a user; AccountSkuId is "accountName:SkuPartNumber".</summary>
    [DataContract(Name = "UserLicense", Namespace = Wire.Namespace)]
    public class UserLicense
    {
        public UserLicense() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            GroupsAssigningLicense = new List<Guid>();
            ServiceStatus = new List<ServiceStatus>();
        }

        [DataMember] public AccountSkuIdentifier AccountSku { get; set; }
        [DataMember] public string AccountSkuId { get; set; }
        [DataMember] public List<Guid> GroupsAssigningLicense { get; set; }
        [DataMember] public List<ServiceStatus> ServiceStatus { get; set; }
    }

    [DataContract(Name = "LicenseAssignment", Namespace = Wire.Namespace)]
    public class LicenseAssignment
    {
        [DataMember(Name = "Status")] private string status;

        [DataMember] public List<string> DisabledServicePlans { get; set; }
        [DataMember] public string Error { get; set; }
        [DataMember] public Guid? ReferencedObjectId { get; set; }
        public LicenseAssignmentStatus Status
        {
            get { return WireEnum.Parse<LicenseAssignmentStatus>(status) ?? LicenseAssignmentStatus.Active; }
            set { status = value.ToString(); }
        }
    }

    [DataContract(Name = "LicenseAssignmentDetail", Namespace = Wire.Namespace)]
    public class LicenseAssignmentDetail
    {
        [DataMember] public AccountSkuIdentifier AccountSku { get; set; }
        [DataMember] public List<LicenseAssignment> Assignments { get; set; }
    }

    /// <summary>Service plans to turn off within one licence (New-MsolLicenseOptions' object).</summary>
    [DataContract(Name = "LicenseOption", Namespace = Wire.Namespace)]
    public class LicenseOption
    {
        public LicenseOption() { DisabledServicePlans = new List<string>(); }

        [DataMember] public AccountSkuIdentifier AccountSkuId { get; set; }
        [DataMember] public List<string> DisabledServicePlans { get; set; }
    }

    [DataContract(Name = "IndirectLicenseError", Namespace = Wire.Namespace)]
    public class IndirectLicenseError
    {
        [DataMember] public AccountSkuIdentifier AccountSku { get; set; }
        [DataMember] public string Error { get; set; }
        [DataMember] public Guid? ReferencedObjectId { get; set; }
    }

    /// <summary>Microsoft.Online.Administration.AccountSKU: one subscribed SKU with its units.</summary>
    [DataContract(Name = "AccountSKU", Namespace = Wire.Namespace)]
    public class AccountSKU
    {
        public AccountSKU() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            ServiceStatus = new List<ServiceStatus>();
            SubscriptionIds = new List<Guid>();
        }

        [DataMember(Name = "TargetClass")] private string targetClass;

        [DataMember] public string AccountName { get; set; }
        [DataMember] public Guid? AccountObjectId { get; set; }
        [DataMember] public string AccountSkuId { get; set; }
        [DataMember] public int ActiveUnits { get; set; }
        [DataMember] public int ConsumedUnits { get; set; }
        [DataMember] public int LockedOutUnits { get; set; }
        [DataMember] public List<ServiceStatus> ServiceStatus { get; set; }
        [DataMember] public Guid SkuId { get; set; }
        [DataMember] public string SkuPartNumber { get; set; }
        [DataMember] public List<Guid> SubscriptionIds { get; set; }
        [DataMember] public int SuspendedUnits { get; set; }
        public SkuTargetClass? TargetClass
        {
            get { return WireEnum.Parse<SkuTargetClass>(targetClass); }
            set { targetClass = WireEnum.Name(value); }
        }
        [DataMember] public int WarningUnits { get; set; }
    }

    /// <summary>One commercial subscription behind a licence (Get-MsolSubscription). OwnerType is a
    /// string here: MSOnline's own type for it is UNCONFIRMED.</summary>
    [DataContract(Name = "Subscription", Namespace = Wire.Namespace)]
    public class Subscription
    {
        public Subscription() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            ServiceStatus = new List<ServiceStatus>();
        }

        [DataMember(Name = "Status")] private string status;

        [DataMember] public DateTime? DateCreated { get; set; }
        [DataMember] public bool? IsTrial { get; set; }
        [DataMember] public DateTime? NextLifecycleDate { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public Guid? OcpSubscriptionId { get; set; }
        [DataMember] public Guid? OwnerContextId { get; set; }
        [DataMember] public Guid? OwnerObjectId { get; set; }
        [DataMember] public string OwnerType { get; set; }
        [DataMember] public List<ServiceStatus> ServiceStatus { get; set; }
        [DataMember] public Guid SkuId { get; set; }
        [DataMember] public string SkuPartNumber { get; set; }
        public SubscriptionStatus Status
        {
            get { return WireEnum.Parse<SubscriptionStatus>(status) ?? SubscriptionStatus.Enabled; }
            set { status = value.ToString(); }
        }
        [DataMember] public int? TotalLicenses { get; set; }
    }
}
