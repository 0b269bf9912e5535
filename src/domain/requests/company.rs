//! The company and its domains: the parameters.

use super::*;

/// `Get-MsolDomain`: one domain by name, or the domains matching the filters.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetDomainParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DomainStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication: Option<DomainAuthenticationType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capability: Option<DomainCapability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolDirSyncEnabled`: turns directory synchronization on or off for the company.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetDirSyncEnabledParams {
    pub enable_dir_sync: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolPasswordPolicy`: one verified domain's password policy.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetPasswordPolicyParams {
    pub domain_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolPasswordPolicy`: both numbers, as MSOnline required them (`domain::domains`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetPasswordPolicyParams {
    pub domain_name: String,
    pub validity_period: u32,
    pub notification_days: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// Get-MsolDirSyncProvisioningError's `-ErrorCategory`: `PropertyConflict` is the only one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum ProvisioningErrorCategory {
    PropertyConflict,
}

/// Get-MsolDirSyncProvisioningError's `-PropertyName`: the two properties conflicts are on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum ProvisioningErrorProperty {
    UserPrincipalName,
    ProxyAddresses,
}

impl ProvisioningErrorProperty {
    pub fn name(self) -> &'static str {
        match self {
            ProvisioningErrorProperty::UserPrincipalName => "UserPrincipalName",
            ProvisioningErrorProperty::ProxyAddresses => "ProxyAddresses",
        }
    }
}

/// MSOnline's `SortField`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum SortField {
    #[default]
    None,
    DisplayName,
    UserPrincipalName,
}

/// MSOnline's `SortDirection`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum SortDirection {
    #[default]
    Ascending,
    Descending,
}

/// `Get-MsolDirSyncProvisioningError`: the objects with synchronization conflicts, filtered
/// (`domain::dir_sync::ProvisioningErrorQuery`) and sorted; 500 unless All or MaxResults.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetDirSyncProvisioningErrorParams {
    /// *Choice*: MSOnline's documentation says it "must be included"; left out, it means the
    /// only category there is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_category: Option<ProvisioningErrorCategory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property_name: Option<ProvisioningErrorProperty>,
    /// The conflicting value, in any case (user principal names and addresses are compared so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property_value: Option<String>,
    /// The start of the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_field: Option<SortField>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_direction: Option<SortDirection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// MSOnline's `DomainVerificationMode`: which verification record to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum DomainVerificationMode {
    DnsTxtRecord,
    DnsMxRecord,
}

/// `New-MsolDomain`: adds a domain (`domain::domains::new_domain`). MSOnline marks Name optional;
/// without it there is nothing to add.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct NewDomainParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication: Option<DomainAuthenticationType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification_method: Option<DomainVerificationMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolDomainVerificationDns`: the record to publish for one of the company's domains.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetDomainVerificationDnsParams {
    pub domain_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<DomainVerificationMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Confirm-MsolDomain`: verifies one of the company's domains by its DNS record.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ConfirmDomainParams {
    pub domain_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolCompanySettings`: the company-wide settings to change (`domain::company`); an
/// empty DefaultUsageLocation clears it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetCompanySettingsParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_serve_password_reset_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users_permission_to_create_groups_enabled: Option<bool>,
    #[serde(
        default,
        rename = "UsersPermissionToCreateLOBAppsEnabled",
        skip_serializing_if = "Option::is_none"
    )]
    pub users_permission_to_create_lob_apps_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users_permission_to_read_other_users_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users_permission_to_user_consent_to_app_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_usage_location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_ad_hoc_subscriptions: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_email_verified_users: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolDomain`: makes a verified domain the company's default (`-IsDefault`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetDomainParams {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Remove-MsolDomain`: removes a domain no object uses.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RemoveDomainParams {
    pub domain_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolDirSyncFeatures`: every synchronization feature, or the one `Feature` names.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetDirSyncFeaturesParams {
    /// A feature's name, in any case (PasswordSync, EnableSoftMatchOnUpn, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolDirSyncFeature`: turns one synchronization feature on or off.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetDirSyncFeatureParams {
    /// BlockCloudObjectTakeoverThroughHardMatch, BlockSoftMatch, EnableSoftMatchOnUpn,
    /// EnforceCloudPasswordPolicyForPasswordSyncedUsers, PasswordSync or
    /// SynchronizeUpnForManagedUsers, in any case.
    pub feature: String,
    pub enable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolDirSyncConfiguration`: the accidental deletion threshold, a count of deletions.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetDirSyncConfigurationParams {
    #[schemars(range(min = 1))]
    pub accidental_deletion_threshold: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolCompanyContactInformation`: the technical and marketing notification addresses.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetCompanyContactInformationParams {
    /// Replaces the technical notification addresses; an empty list clears them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical_notification_emails: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketing_notification_emails: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolCompanySecurityComplianceContactInformation` (deprecated by Microsoft: no online
/// service reads these).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetCompanySecurityComplianceContactInformationParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_compliance_notification_emails: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_compliance_notification_phones: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// The company's contact lists either cmdlet changes; a list left out stays as it is.
#[derive(Clone, Debug, Default)]
pub struct CompanyContacts {
    pub technical_notification_emails: Option<Vec<String>>,
    pub marketing_notification_emails: Option<Vec<String>>,
    pub security_compliance_notification_emails: Option<Vec<String>>,
    pub security_compliance_notification_phones: Option<Vec<String>>,
}
