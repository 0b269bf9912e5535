//! Licences: the parameters.

use super::*;

/// Service plans to turn off within one licence.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct LicenseOption {
    pub account_sku_id: String,
    #[serde(default)]
    pub disabled_service_plans: Vec<String>,
}

user_identity_request! {
    /// `Set-MsolUserLicense`: adds and removes licences in one atomic change.
    pub struct SetUserLicenseParams {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub add_licenses: Option<Vec<String>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub remove_licenses: Option<Vec<String>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub license_options: Option<Vec<LicenseOption>>,
    }
}

/// `New-MsolLicenseOptions`: service plans to turn off within one of the tenant's licences.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct NewLicenseOptionsParams {
    pub account_sku_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_plans: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolSubscription`: every commercial subscription, or one by its ObjectId.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetSubscriptionParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}
