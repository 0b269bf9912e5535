//! Service principals: the parameters.

use super::*;
use crate::domain::model::{AddressType, CredentialType, CredentialUsage};

/// `Get-MsolServicePrincipal`: one by ObjectId or AppPrincipalId, those with a service principal
/// name, or a list (500 unless All or MaxResults).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetServicePrincipalParams {
    #[serde(flatten)]
    pub service_principal: ServicePrincipalRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// Names service principals: by ObjectId, AppPrincipalId or service principal name. Flattened
/// into each operation that names one (whose schema root is closed, so unknown members are still
/// refused).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct ServicePrincipalRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_principal_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_principal_name: Option<String>,
}

/// `New-MsolServicePrincipalCredential` (`domain::service_principals::new_credential`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct NewServicePrincipalCredentialParams {
    #[serde(flatten)]
    pub service_principal: ServicePrincipalRef,
    #[serde(flatten)]
    pub credential: CredentialParams,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolServicePrincipalCredential`: one service principal's credential keys.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetServicePrincipalCredentialParams {
    #[serde(flatten)]
    pub service_principal: ServicePrincipalRef,
    /// Answers certificates' values too (secrets are never kept, so never answered).
    #[serde(default)]
    pub return_key_values: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Remove-MsolServicePrincipalCredential`: credential keys of one service principal, by KeyId.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct RemoveServicePrincipalCredentialParams {
    #[serde(flatten)]
    pub service_principal: ServicePrincipalRef,
    #[schemars(length(min = 1))]
    pub key_ids: Vec<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// A service principal's address as New-MsolServicePrincipalAddresses makes it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ServicePrincipalAddress {
    pub address: String,
    /// Reply when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_type: Option<AddressType>,
}

/// A credential key as New-MsolServicePrincipal and New-MsolServicePrincipalCredential take it
/// (`domain::service_principals::new_credential`). Flattened into both, whose schema roots are
/// closed.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct CredentialParams {
    #[serde(default, rename = "Type", skip_serializing_if = "Option::is_none")]
    pub credential_type: Option<CredentialType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<CredentialUsage>,
    /// The certificate (base64) or password; never logged or stored for a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Timestamp>,
}

/// `New-MsolServicePrincipal`: a service principal for an application of the tenant (a new one
/// unless AppPrincipalId names one), with a first credential key.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct NewServicePrincipalParams {
    pub display_name: String,
    /// `appName`, `appName/hostname` or a URL each; the application id is always one too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_principal_names: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_principal_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<ServicePrincipalAddress>>,
    #[serde(flatten)]
    pub credential: CredentialParams,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolServicePrincipal`: one service principal, by ObjectId or AppPrincipalId; the lists
/// given replace the old ones.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetServicePrincipalParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_principal_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// An empty list leaves only the application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_principal_names: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_enabled: Option<bool>,
    /// An empty list clears the addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<ServicePrincipalAddress>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Remove-MsolServicePrincipal`: by ObjectId, AppPrincipalId or a service principal name (which
/// may name several).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct RemoveServicePrincipalParams {
    #[serde(flatten)]
    pub service_principal: ServicePrincipalRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}
