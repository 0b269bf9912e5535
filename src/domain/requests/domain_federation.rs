//! Federated domains: the parameters.

use super::*;
use crate::domain::model::{AuthenticationProtocol, PromptLoginBehavior};

/// `Get-MsolDomainFederationSettings`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetDomainFederationSettingsParams {
    pub domain_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// The federation settings Set-MsolDomainFederationSettings and Set-MsolDomainAuthentication
/// take; what is given changes, an empty text clears an optional one.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct FederationSettingsParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_signing_certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_off_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passive_log_on_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_log_on_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federation_brand_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata_exchange_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_authentication_protocol: Option<AuthenticationProtocol>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_mfa: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_login_behavior: Option<PromptLoginBehavior>,
    /// Refused: Microsoft Entra ID keeps no such setting any more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_interactive_authentication_method: Option<String>,
    /// Refused: Microsoft Entra ID keeps no such setting any more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_id_connect_discovery_endpoint: Option<String>,
    /// Refused: the service reports it and it cannot be set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_certificate_update_status: Option<String>,
}

/// `Set-MsolDomainFederationSettings`: a federated domain's settings.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct SetDomainFederationSettingsParams {
    pub domain_name: String,
    #[serde(flatten)]
    pub settings: FederationSettingsParams,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolDomainAuthentication`: makes a domain federated (with its settings) or managed.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct SetDomainAuthenticationParams {
    pub domain_name: String,
    pub authentication: DomainAuthenticationType,
    #[serde(flatten)]
    pub settings: FederationSettingsParams,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Convert-MsolFederatedUser`: a new password for a user of a domain that is managed now.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ConvertFederatedUserParams {
    pub user_principal_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_password: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}
