//! Devices: the parameters.

use super::*;
use crate::domain::model::DeviceRegistrationScope;

/// `Get-MsolDevice`: one device by ObjectId or DeviceId, or a list: by display name, by
/// registered owner, or every device (`All`), optionally only those that last signed in before
/// a time. Device listings have no cap: MSOnline had no MaxResults here.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetDeviceParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<Uuid>,
    /// The display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The registered owner, by user principal name or ObjectId.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_owner_upn: Option<String>,
    /// Only devices whose approximate last sign-in is before this time (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logon_time_before: Option<Timestamp>,
    /// Fill each device's RegisteredOwners.
    #[serde(default)]
    pub return_registered_owners: bool,
    /// With All: include system-managed devices (Windows Autopilot), which are left out otherwise.
    #[serde(default)]
    pub include_system_managed_devices: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// `Enable-MsolDevice`, `Disable-MsolDevice`, `Remove-MsolDevice`: one device, by DeviceId or
/// ObjectId.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DeviceChangeParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolDeviceRegistrationServicePolicy`: what it is given changes; the rest stays.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetDeviceRegistrationServicePolicyParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_to_azure_ad_join: Option<DeviceRegistrationScope>,
    /// All or None.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_to_workplace_join: Option<DeviceRegistrationScope>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_devices_per_user: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_multi_factor_auth: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}
