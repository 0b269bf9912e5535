// Roles, groups, domains and the company: the other objects MSOnline's cmdlets return.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Online.Administration
{
    /// <summary>An administrator role. For built-in roles ObjectId is the role template id.</summary>
    [DataContract(Name = "Role", Namespace = Wire.Namespace)]
    public class Role
    {
        [DataMember] public string Description { get; set; }
        [DataMember] public bool? IsEnabled { get; set; }
        [DataMember] public bool? IsSystem { get; set; }
        [DataMember] public string Name { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
    }

    /// <summary>A role's member. For a user, EmailAddress is its user principal name.</summary>
    [DataContract(Name = "RoleMember", Namespace = Wire.Namespace)]
    public class RoleMember
    {
        public RoleMember() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            StrongAuthenticationRequirements = new List<StrongAuthenticationRequirement>();
        }

        [DataMember(Name = "OverallProvisioningStatus")] private string overallProvisioningStatus;
        [DataMember(Name = "RoleMemberType")] private string roleMemberType;
        [DataMember(Name = "ValidationStatus")] private string validationStatus;

        [DataMember] public string DisplayName { get; set; }
        [DataMember] public string EmailAddress { get; set; }
        [DataMember] public bool? IsLicensed { get; set; }
        [DataMember] public DateTime? LastDirSyncTime { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        public ProvisioningStatus? OverallProvisioningStatus
        {
            get { return WireEnum.Parse<ProvisioningStatus>(overallProvisioningStatus); }
            set { overallProvisioningStatus = WireEnum.Name(value); }
        }
        public RoleMemberType RoleMemberType
        {
            get { return WireEnum.Parse<RoleMemberType>(roleMemberType) ?? RoleMemberType.Other; }
            set { roleMemberType = value.ToString(); }
        }
        [DataMember] public List<StrongAuthenticationRequirement> StrongAuthenticationRequirements { get; set; }
        public ValidationStatus? ValidationStatus
        {
            get { return WireEnum.Parse<ValidationStatus>(validationStatus); }
            set { validationStatus = WireEnum.Name(value); }
        }
    }

    [DataContract(Name = "Group", Namespace = Wire.Namespace)]
    public class Group
    {
        public Group() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            Errors = new List<ValidationError>();
            ProxyAddresses = new List<string>();
        }

        [DataMember(Name = "GroupType")] private string groupType;
        [DataMember(Name = "ValidationStatus")] private string validationStatus;

        [DataMember] public string CommonName { get; set; }
        [DataMember] public string Description { get; set; }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public string EmailAddress { get; set; }
        [DataMember] public List<ValidationError> Errors { get; set; }
        public GroupType? GroupType
        {
            get { return WireEnum.Parse<GroupType>(groupType); }
            set { groupType = WireEnum.Name(value); }
        }
        [DataMember] public bool? IsSystem { get; set; }
        [DataMember] public DateTime? LastDirSyncTime { get; set; }
        [DataMember] public string ManagedBy { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public List<string> ProxyAddresses { get; set; }
        public ValidationStatus? ValidationStatus
        {
            get { return WireEnum.Parse<ValidationStatus>(validationStatus); }
            set { validationStatus = WireEnum.Name(value); }
        }
    }

    /// <summary>A mail contact: someone outside the organization in its address book.</summary>
    [DataContract(Name = "Contact", Namespace = Wire.Namespace)]
    public class Contact
    {
        public Contact() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            Errors = new List<ValidationError>();
            ProxyAddresses = new List<string>();
        }

        [DataMember(Name = "ValidationStatus")] private string validationStatus;

        [DataMember] public string City { get; set; }
        [DataMember] public string Country { get; set; }
        [DataMember] public string Department { get; set; }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public string EmailAddress { get; set; }
        [DataMember] public List<ValidationError> Errors { get; set; }
        [DataMember] public string Fax { get; set; }
        [DataMember] public string FirstName { get; set; }
        [DataMember] public DateTime? LastDirSyncTime { get; set; }
        [DataMember] public string LastName { get; set; }
        [DataMember] public string MobilePhone { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public string Office { get; set; }
        [DataMember] public string PhoneNumber { get; set; }
        [DataMember] public string PostalCode { get; set; }
        [DataMember] public List<string> ProxyAddresses { get; set; }
        [DataMember] public string State { get; set; }
        [DataMember] public string StreetAddress { get; set; }
        [DataMember] public string Title { get; set; }
        [DataMember] public string UserPrincipalName { get; set; }
        public ValidationStatus? ValidationStatus
        {
            get { return WireEnum.Parse<ValidationStatus>(validationStatus); }
            set { validationStatus = WireEnum.Name(value); }
        }
    }

    /// <summary>A device registered in the directory. DeviceTrustType is "Workplace Joined",
    /// "AzureAD Joined" or "Domain Joined"; DeviceTrustLevel "Authenticated", "Compliant" or
    /// "Managed". RegisteredOwners holds user principal names, filled by -ReturnRegisteredOwners.</summary>
    [DataContract(Name = "Device", Namespace = Wire.Namespace)]
    public class Device
    {
        public Device() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            AlternativeSecurityIds = new List<string>();
            DevicePhysicalIds = new List<string>();
            RegisteredOwners = new List<string>();
        }

        [DataMember] public List<string> AlternativeSecurityIds { get; set; }
        [DataMember] public DateTime? ApproximateLastLogonTimestamp { get; set; }
        [DataMember] public Guid? DeviceId { get; set; }
        [DataMember] public int DeviceObjectVersion { get; set; }
        [DataMember] public string DeviceOsType { get; set; }
        [DataMember] public string DeviceOsVersion { get; set; }
        [DataMember] public List<string> DevicePhysicalIds { get; set; }
        [DataMember] public string DeviceTrustLevel { get; set; }
        [DataMember] public string DeviceTrustType { get; set; }
        [DataMember] public bool? DirSyncEnabled { get; set; }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public bool Enabled { get; set; }
        [DataMember] public DateTime? LastDirSyncTime { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public List<string> RegisteredOwners { get; set; }

        /// <summary>The name Get-MsolDevice's documentation gives Enabled; scripts use both.</summary>
        public bool AccountEnabled { get { return Enabled; } }
    }

    /// <summary>One directory synchronization feature and whether it is on (Get-MsolDirSyncFeatures).</summary>
    [DataContract(Name = "DirSyncFeatureStatus", Namespace = Wire.Namespace)]
    public class DirSyncFeatureStatus
    {
        [DataMember] public string DirSyncFeature { get; set; }
        [DataMember] public bool Enabled { get; set; }
    }

    /// <summary>The accidental deletion guard of directory synchronization (Get-MsolDirSyncConfiguration).</summary>
    [DataContract(Name = "DirSyncConfiguration", Namespace = Wire.Namespace)]
    public class DirSyncConfiguration
    {
        [DataMember(Name = "DeletionPreventionType")] private string deletionPreventionType;

        [DataMember] public uint AccidentalDeletionThreshold { get; set; }
        public DeletionPreventionType? DeletionPreventionType
        {
            get { return WireEnum.Parse<DeletionPreventionType>(deletionPreventionType); }
            set { deletionPreventionType = WireEnum.Name(value); }
        }
    }

    /// <summary>The device registration settings (Get-MsolDeviceRegistrationServicePolicy); Users and
    /// Groups are those allowed to join devices when AllowedToAzureAdJoin is Selected.</summary>
    [DataContract(Name = "DeviceRegistrationServicePolicy", Namespace = Wire.Namespace)]
    public class DeviceRegistrationServicePolicy
    {
        public DeviceRegistrationServicePolicy() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            Users = new List<Guid>();
            Groups = new List<Guid>();
        }

        [DataMember(Name = "AllowedToAzureAdJoin")] private string allowedToAzureAdJoin;
        [DataMember(Name = "AllowedToWorkplaceJoin")] private string allowedToWorkplaceJoin;

        public Scope? AllowedToAzureAdJoin
        {
            get { return WireEnum.Parse<Scope>(allowedToAzureAdJoin); }
            set { allowedToAzureAdJoin = WireEnum.Name(value); }
        }
        public Scope? AllowedToWorkplaceJoin
        {
            get { return WireEnum.Parse<Scope>(allowedToWorkplaceJoin); }
            set { allowedToWorkplaceJoin = WireEnum.Name(value); }
        }
        [DataMember] public List<Guid> Groups { get; set; }
        [DataMember] public int MaximumDevicesPerUser { get; set; }
        [DataMember] public bool RequireMultiFactorAuth { get; set; }
        [DataMember] public List<Guid> Users { get; set; }
    }

    [DataContract(Name = "GroupMember", Namespace = Wire.Namespace)]
    public class GroupMember
    {
        [DataMember(Name = "GroupMemberType")] private string groupMemberType;

        [DataMember] public string CommonName { get; set; }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public string EmailAddress { get; set; }
        public GroupMemberType GroupMemberType
        {
            get { return WireEnum.Parse<GroupMemberType>(groupMemberType) ?? GroupMemberType.User; }
            set { groupMemberType = value.ToString(); }
        }
        [DataMember] public Guid? ObjectId { get; set; }
    }

    /// <summary>A federated domain's federation settings (Graph's internalDomainFederation).</summary>
    [DataContract(Name = "DomainFederationSettings", Namespace = Wire.Namespace)]
    public class DomainFederationSettings
    {
        [DataMember(Name = "PreferredAuthenticationProtocol")] private string preferredAuthenticationProtocol;
        [DataMember(Name = "PromptLoginBehavior")] private string promptLoginBehavior;

        [DataMember] public string ActiveLogOnUri { get; set; }
        [DataMember] public string FederationBrandName { get; set; }
        [DataMember] public string IssuerUri { get; set; }
        [DataMember] public string LogOffUri { get; set; }
        [DataMember] public string MetadataExchangeUri { get; set; }
        [DataMember] public string NextSigningCertificate { get; set; }
        [DataMember] public string PassiveLogOnUri { get; set; }
        public AuthenticationProtocol? PreferredAuthenticationProtocol
        {
            get { return WireEnum.Parse<AuthenticationProtocol>(preferredAuthenticationProtocol); }
            set { preferredAuthenticationProtocol = value.HasValue ? value.Value.ToString() : null; }
        }
        public PromptLoginBehavior? PromptLoginBehavior
        {
            get { return WireEnum.Parse<PromptLoginBehavior>(promptLoginBehavior); }
            set { promptLoginBehavior = value.HasValue ? value.Value.ToString() : null; }
        }
        [DataMember] public string SigningCertificate { get; set; }
        [DataMember] public string SigningCertificateUpdateStatus { get; set; }
        [DataMember] public bool? SupportsMfa { get; set; }
    }

    /// <summary>One value a setting template defines: its name, .NET type, default and meaning.</summary>
    [DataContract(Name = "SettingTemplateValue", Namespace = Wire.Namespace)]
    public class SettingTemplateValue
    {
        [DataMember] public string DefaultValue { get; set; }
        [DataMember] public string Description { get; set; }
        [DataMember] public string Name { get; set; }
        [DataMember] public string Type { get; set; }
    }

    /// <summary>A Microsoft-defined template of directory settings; CreateSettingsObject makes a
    /// Settings object with its defaults, to change by name and pass to New-MsolSettings.</summary>
    [DataContract(Name = "SettingTemplate", Namespace = Wire.Namespace)]
    public class SettingTemplate
    {
        [DataMember(Name = "Values")] private List<SettingTemplateValue> values;

        [DataMember] public string Description { get; set; }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public Guid? Id { get; set; }
        public List<SettingTemplateValue> Values
        {
            get { return values ?? (values = new List<SettingTemplateValue>()); }
            set { values = value; }
        }

        public Settings CreateSettingsObject()
        {
            Settings settings = new Settings { DisplayName = DisplayName, TemplateId = Id };
            foreach (SettingTemplateValue value in Values) settings[value.Name] = value.DefaultValue;
            return settings;
        }
    }

    /// <summary>A name and its value, as text.</summary>
    [DataContract(Name = "SettingValue", Namespace = Wire.Namespace)]
    public class SettingValue
    {
        [DataMember] public string Name { get; set; }
        [DataMember] public string Value { get; set; }
    }

    /// <summary>A directory setting's values by name (in any case), as text: what
    /// Settings.GetSettingsValue() gives and Set-MsolSettings takes.</summary>
    public class SettingsValue : Dictionary<string, string>
    {
        public SettingsValue() : base(StringComparer.OrdinalIgnoreCase) { }
    }

    /// <summary>A directory setting made from a template: its values read and written by name
    /// ($setting["UsageGuidelinesUrl"] = "..."), or copied with GetSettingsValue().</summary>
    [DataContract(Name = "Settings", Namespace = Wire.Namespace)]
    public class Settings
    {
        [DataMember(Name = "Values")] private List<SettingValue> values;

        [DataMember] public string DisplayName { get; set; }
        [DataMember] public Guid? Id { get; set; }
        [DataMember] public Guid? TemplateId { get; set; }
        public List<SettingValue> Values
        {
            get { return values ?? (values = new List<SettingValue>()); }
            set { values = value; }
        }

        public string this[string name]
        {
            get
            {
                SettingValue found = Find(name);
                return found == null ? null : found.Value;
            }
            set
            {
                SettingValue found = Find(name);
                if (found == null) Values.Add(new SettingValue { Name = name, Value = value });
                else found.Value = value;
            }
        }

        public SettingsValue GetSettingsValue()
        {
            SettingsValue copy = new SettingsValue();
            foreach (SettingValue value in Values) copy[value.Name] = value.Value;
            return copy;
        }

        private SettingValue Find(string name)
        {
            foreach (SettingValue value in Values)
            {
                if (string.Equals(value.Name, name, StringComparison.OrdinalIgnoreCase)) return value;
            }
            return null;
        }
    }

    [DataContract(Name = "AdministrativeUnit", Namespace = Wire.Namespace)]
    public class AdministrativeUnit
    {
        [DataMember] public string Description { get; set; }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
    }

    /// <summary>MSOnline's documentation lists DisplayName, EmailAddress and ObjectId; the member's
    /// type is the bridge's addition, as units now hold groups and devices too.</summary>
    [DataContract(Name = "AdministrativeUnitMember", Namespace = Wire.Namespace)]
    public class AdministrativeUnitMember
    {
        [DataMember(Name = "AdministrativeUnitMemberType")] private string memberType;

        public AdministrativeUnitMemberType AdministrativeUnitMemberType
        {
            get { return WireEnum.Parse<AdministrativeUnitMemberType>(memberType) ?? AdministrativeUnitMemberType.User; }
            set { memberType = value.ToString(); }
        }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public string EmailAddress { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
    }

    /// <summary>MSOnline's documentation lists DisplayName, UserPrincipalName and ObjectId; the role
    /// and the unit are the bridge's additions, so that a listing over every unit says which
    /// assignment a row is and a row piped to Remove-MsolScopedRoleMember names it whole.</summary>
    [DataContract(Name = "RoleScopedMember", Namespace = Wire.Namespace)]
    public class RoleScopedMember
    {
        [DataMember] public Guid? AdministrativeUnitObjectId { get; set; }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public Guid? RoleObjectId { get; set; }
        [DataMember] public string UserPrincipalName { get; set; }
    }

    [DataContract(Name = "Domain", Namespace = Wire.Namespace)]
    public class Domain
    {
        [DataMember(Name = "Authentication")] private string authentication;
        // The bridge lists capability names; MSOnline's property is a flags enum.
        [DataMember(Name = "Capabilities")] private List<string> capabilities;
        [DataMember(Name = "Status")] private string status;
        [DataMember(Name = "VerificationMethod")] private string verificationMethod;

        public DomainAuthenticationType Authentication
        {
            get { return WireEnum.Parse<DomainAuthenticationType>(authentication) ?? DomainAuthenticationType.Managed; }
            set { authentication = value.ToString(); }
        }
        public DomainCapabilities Capabilities
        {
            get
            {
                DomainCapabilities all = DomainCapabilities.None;
                if (capabilities == null) return all;
                foreach (string name in capabilities)
                {
                    DomainCapabilities? one = WireEnum.Parse<DomainCapabilities>(name);
                    if (one.HasValue) all |= one.Value;
                }
                return all;
            }
            set
            {
                capabilities = new List<string>();
                foreach (DomainCapabilities one in Enum.GetValues(typeof(DomainCapabilities)))
                {
                    if (one != DomainCapabilities.None && one != DomainCapabilities.All && (value & one) == one)
                        capabilities.Add(one.ToString());
                }
            }
        }
        [DataMember] public bool IsDefault { get; set; }
        [DataMember] public bool IsInitial { get; set; }
        [DataMember] public string Name { get; set; }
        [DataMember] public string RootDomain { get; set; }
        public DomainStatus Status
        {
            get { return WireEnum.Parse<DomainStatus>(status) ?? DomainStatus.Unverified; }
            set { status = value.ToString(); }
        }
        public DomainVerificationMethod VerificationMethod
        {
            get { return WireEnum.Parse<DomainVerificationMethod>(verificationMethod) ?? DomainVerificationMethod.None; }
            set { verificationMethod = value.ToString(); }
        }
    }

    /// <summary>A verified domain's password expiry. Null is the service default (90 days valid,
    /// notice 14 days before). UInt32, as Set-MsolPasswordPolicy takes them (MSOnline's own
    /// property type is UNCONFIRMED).</summary>
    [DataContract(Name = "PasswordPolicy", Namespace = Wire.Namespace)]
    public class PasswordPolicy
    {
        [DataMember] public uint? NotificationDays { get; set; }
        [DataMember] public uint? ValidityPeriod { get; set; }
    }

    /// <summary>A DNS record to publish so that Confirm-MsolDomain can verify a domain: Text for a
    /// TXT record, MailExchange and Preference for an MX record.</summary>
    [DataContract(Name = "DomainRecord", Namespace = Wire.Namespace)]
    public class DomainRecord
    {
        [DataMember(Name = "Capability")] private string capability;

        public DomainCapabilities Capability
        {
            get { return WireEnum.Parse<DomainCapabilities>(capability) ?? DomainCapabilities.None; }
            set { capability = value.ToString(); }
        }
        [DataMember] public bool IsOptional { get; set; }
        [DataMember] public string Label { get; set; }
        [DataMember] public string MailExchange { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public int? Preference { get; set; }
        [DataMember] public string Text { get; set; }
        [DataMember] public int Ttl { get; set; }
    }

    [DataContract(Name = "CompanyInformation", Namespace = Wire.Namespace)]
    public class CompanyInformation
    {
        public CompanyInformation() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            AuthorizedServiceInstances = new List<string>();
            MarketingNotificationEmails = new List<string>();
            SecurityComplianceNotificationEmails = new List<string>();
            SecurityComplianceNotificationPhones = new List<string>();
            TechnicalNotificationEmails = new List<string>();
        }

        [DataMember(Name = "CompanyType")] private string companyType;
        [DataMember(Name = "DirectorySynchronizationStatus")] private string directorySynchronizationStatus;

        /// <summary>Users may sign up for email-based subscriptions; null where the backend cannot read it.</summary>
        [DataMember] public bool? AllowAdHocSubscriptions { get; set; }
        /// <summary>Users may join the tenant by verifying an email address in one of its domains.</summary>
        [DataMember] public bool? AllowEmailVerifiedUsers { get; set; }
        [DataMember] public List<string> AuthorizedServiceInstances { get; set; }
        [DataMember] public string City { get; set; }
        public CompanyType CompanyType
        {
            get { return WireEnum.Parse<CompanyType>(companyType) ?? CompanyType.CompanyTenant; }
            set { companyType = value.ToString(); }
        }
        [DataMember] public string Country { get; set; }
        [DataMember] public string CountryLetterCode { get; set; }
        [DataMember] public string DefaultUsageLocation { get; set; }
        [DataMember] public bool DirectorySynchronizationEnabled { get; set; }
        public DirectorySynchronizationStatus DirectorySynchronizationStatus
        {
            get { return WireEnum.Parse<DirectorySynchronizationStatus>(directorySynchronizationStatus) ?? DirectorySynchronizationStatus.Other; }
            set { directorySynchronizationStatus = value.ToString(); }
        }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public string InitialDomain { get; set; }
        [DataMember] public DateTime? LastDirSyncTime { get; set; }
        [DataMember] public DateTime? LastPasswordSyncTime { get; set; }
        [DataMember] public List<string> MarketingNotificationEmails { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public bool PasswordSynchronizationEnabled { get; set; }
        [DataMember] public string PostalCode { get; set; }
        [DataMember] public string PreferredLanguage { get; set; }
        [DataMember] public List<string> SecurityComplianceNotificationEmails { get; set; }
        [DataMember] public List<string> SecurityComplianceNotificationPhones { get; set; }
        [DataMember] public bool? SelfServePasswordResetEnabled { get; set; }
        [DataMember] public string State { get; set; }
        [DataMember] public string Street { get; set; }
        [DataMember] public List<string> TechnicalNotificationEmails { get; set; }
        [DataMember] public string TelephoneNumber { get; set; }
        [DataMember] public bool? UsersPermissionToCreateGroupsEnabled { get; set; }
        [DataMember(Name = "UsersPermissionToCreateLobAppsEnabled")] public bool? UsersPermissionToCreateLOBAppsEnabled { get; set; }
        [DataMember] public bool? UsersPermissionToReadOtherUsersEnabled { get; set; }
        [DataMember] public bool? UsersPermissionToUserConsentToAppEnabled { get; set; }
        [DataMember] public DateTime? WhenCreated { get; set; }
    }

    /// <summary>A service principal's address; MSOnline's reply addresses (Graph's replyUrls).</summary>
    [DataContract(Name = "RedirectUri", Namespace = Wire.Namespace)]
    public class RedirectUri
    {
        public RedirectUri() { AddressType = AddressType.Reply; }
        [DataMember] public string Address { get; set; }
        [DataMember] public AddressType AddressType { get; set; }
    }

    /// <summary>An application's identity in the tenant.</summary>
    [DataContract(Name = "ServicePrincipal", Namespace = Wire.Namespace)]
    public class ServicePrincipal
    {
        public ServicePrincipal() { Initialize(default(StreamingContext)); }

        [OnDeserializing]
        private void Initialize(StreamingContext context)
        {
            addresses = new List<string>();
            ServicePrincipalNames = new List<string>();
        }

        // The bridge lists the addresses; MSOnline's property holds RedirectUri objects.
        [DataMember(Name = "Addresses")] private List<string> addresses;

        [DataMember] public bool AccountEnabled { get; set; }
        public List<RedirectUri> Addresses
        {
            get
            {
                List<RedirectUri> all = new List<RedirectUri>();
                if (addresses != null) foreach (string address in addresses) all.Add(new RedirectUri { Address = address });
                return all;
            }
            set
            {
                addresses = new List<string>();
                if (value != null) foreach (RedirectUri uri in value) addresses.Add(uri.Address);
            }
        }
        [DataMember] public Guid AppPrincipalId { get; set; }
        [DataMember] public string DisplayName { get; set; }
        [DataMember] public Guid? ObjectId { get; set; }
        [DataMember] public List<string> ServicePrincipalNames { get; set; }
        [DataMember] public bool TrustedForDelegation { get; set; }
    }

    /// <summary>New-MsolServicePrincipal's answer: the service principal with the credentials added
    /// (no secret among them). Warnings says what the backend could not do as MSOnline did.</summary>
    [DataContract(Name = "ServicePrincipalExtended", Namespace = Wire.Namespace)]
    public class ServicePrincipalExtended : ServicePrincipal
    {
        public ServicePrincipalExtended() { InitializeExtended(default(StreamingContext)); }

        [OnDeserializing]
        private void InitializeExtended(StreamingContext context)
        {
            Credentials = new List<ServicePrincipalCredential>();
        }

        [DataMember] public List<ServicePrincipalCredential> Credentials { get; set; }
        /// <summary>What the backend could not do as MSOnline did (the cmdlet writes them as warnings).</summary>
        [DataMember(EmitDefaultValue = false)] public List<string> Warnings { get; set; }
    }

    /// <summary>A service principal's credential key. Value is a certificate's (base64), with
    /// -ReturnKeyValues $true; secrets are never kept, so a password's or symmetric key's is null.</summary>
    [DataContract(Name = "ServicePrincipalCredential", Namespace = Wire.Namespace)]
    public class ServicePrincipalCredential
    {
        [DataMember(Name = "Type")] private string type;
        [DataMember(Name = "Usage")] private string usage;

        [DataMember] public DateTime? EndDate { get; set; }
        [DataMember] public Guid? KeyGroupId { get; set; }
        [DataMember] public Guid? KeyId { get; set; }
        [DataMember] public DateTime? StartDate { get; set; }
        public ServicePrincipalCredentialType? Type
        {
            get { return WireEnum.Parse<ServicePrincipalCredentialType>(type); }
            set { type = WireEnum.Name(value); }
        }
        public ServicePrincipalCredentialUsage? Usage
        {
            get { return WireEnum.Parse<ServicePrincipalCredentialUsage>(usage); }
            set { usage = WireEnum.Name(value); }
        }
        [DataMember] public string Value { get; set; }
    }
}
