// The enums of Microsoft.Online.Administration, with MSOnline's member names and order.
// On the wire they travel as their names (see WireEnum), never as numbers.
using System;

namespace Microsoft.Online.Administration
{
    public enum UserType { Other, Member, Guest, Viral }

    public enum ProvisioningStatus { None, Success, Error, PendingInput, Disabled, PendingActivation, PendingProvisioning }

    public enum ValidationStatus { NotAvailable, Healthy, Error }

    public enum DeletionPreventionType { Disabled, EnabledForCount, EnabledForPercentage }

    /// <summary>Who may register or join devices.</summary>
    public enum Scope { All, None, Selected }

    public enum O365UserReleaseTrack { Other, StagedRolloutOne, StagedRolloutTwo, Compass, Dogfood }

    public enum UserEnabledFilter { All, EnabledOnly, DisabledOnly }

    public enum SkuTargetClass { NotAvailable, User, Tenant }

    public enum SubscriptionStatus { Enabled, Warning, Suspended, Deleted, LockedOut }

    public enum ServicePrincipalCredentialType { Symmetric, Asymmetric, Password }

    public enum ServicePrincipalCredentialUsage { Sign, Verify }

    public enum AddressType { Reply, Realm, Error, Other, SamlMetadata, SamlLogout }

    public enum RoleMemberType { User, Group, ServicePrincipal, Other }

    public enum GroupType { DistributionList, Security, MailEnabledSecurity }

    public enum GroupMemberType { User, ServicePrincipal, Contact, Group }

    // How a federated domain's identity provider is reached (Graph's wsFed and saml).
    public enum AuthenticationProtocol { WsFed, Samlp }

    // What Entra sends the identity provider for prompt=login.
    public enum PromptLoginBehavior { TranslateToFreshPasswordAuth, NativeSupport, Disabled }

    // What a directory setting belongs to besides the tenant (-TargetType); Entra keeps settings
    // for the tenant and groups only, so the bridge refuses the others.
    public enum TargetType { Groups, Users, ServicePrincipals, Applications, Devices }

    // What an administrative unit's member is; MSOnline added users, Entra also takes groups and devices.
    public enum AdministrativeUnitMemberType { User, Group, Device }

    // Get-MsolDirSyncProvisioningError's -SortField and -SortDirection (the documentation's
    // "UserPrincipleName" is a misspelling of UserPrincipalName).
    public enum SortField { None, DisplayName, UserPrincipalName }

    public enum SortDirection { Ascending, Descending }

    public enum DomainStatus { Unverified, Verified, PendingDeletion }

    public enum DomainAuthenticationType { Managed, Federated }

    public enum DomainVerificationMethod { None, DnsRecord, Email }

    public enum DomainVerificationMode { DnsTxtRecord, DnsMxRecord }

    [Flags]
    public enum DomainCapabilities
    {
        None = 0,
        Email = 1,
        Sharepoint = 2,
        OfficeCommunicationsOnline = 4,
        SharepointDefault = 8,
        FullRedelegation = 0x10,
        SharePointPublic = 0x80,
        OrgIdAuthentication = 0x100,
        Yammer = 0x200,
        Intune = 0x400,
        All = 0x79F
    }

    [Flags]
    public enum StrongAuthenticationPhoneAppAuthType { Notification = 1, OTP = 2 }

    public enum StrongAuthenticationPhoneAppNotificationType { Unspecified, Invalid, APNS, C2DM, GCM, MPNS, BPS }

    public enum LicenseAssignmentStatus { Active, ActiveWithError, Error }

    public enum CompanyType
    {
        CompanyTenant, MicrosoftSupportTenant, SyndicatePartnerTenant, SupportPartnerTenant,
        ResellerPartnerTenant, ValueAddedResellerPartnerTenant
    }

    public enum DirectorySynchronizationStatus { Disabled, Enabled, PendingEnabled, PendingDisabled, Other }

    /// <summary>Enum values as names on the wire, as the bridge sends and reads them.</summary>
    internal static class WireEnum
    {
        public static T? Parse<T>(string text) where T : struct
        {
            if (string.IsNullOrEmpty(text)) return null;
            T value;
            return Enum.TryParse<T>(text, true, out value) ? value : (T?)null;
        }

        public static string Name<T>(T? value) where T : struct
        {
            return value.HasValue ? value.Value.ToString() : null;
        }
    }
}

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Connect-MsolService -AzureEnvironment: the cloud to sign in to.</summary>
    public enum AzureEnvironment { AzureCloud, AzureChinaCloud, AzureGermanyCloud, USGovernment }
}
