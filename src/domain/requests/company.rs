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
