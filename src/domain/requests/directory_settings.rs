//! Directory settings and their templates: the parameters. A setting belongs to the tenant, or to
//! one group with `TargetType Groups` and `TargetObjectId`.

use std::collections::BTreeMap;

use super::*;
use crate::domain::model::SettingTargetType;

/// `Get-MsolSettingTemplate`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetSettingTemplateParams {
    pub template_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// What a setting belongs to: the tenant (neither given) or, with `TargetType Groups`, the group
/// `TargetObjectId` names. Flattened into the settings operations (whose schema root stays closed).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct SettingTarget {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<SettingTargetType>,
    /// The group's ObjectId (MSOnline typed it as text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_object_id: Option<String>,
}

/// `Get-MsolAllSettings`: every setting of the tenant, or of one group.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetAllSettingsParams {
    #[serde(flatten)]
    pub target: SettingTarget,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolSettings`, `Remove-MsolSettings`: one setting, of the tenant or of one group.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct SettingParams {
    pub setting_id: Uuid,
    #[serde(flatten)]
    pub target: SettingTarget,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `New-MsolSettings`: a setting from a template; the values not given take the template's
/// defaults. The module sends its Settings object's TemplateId and values.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct NewSettingsParams {
    pub template_id: Uuid,
    /// Values by name, as text.
    #[serde(default)]
    pub values: BTreeMap<String, String>,
    #[serde(flatten)]
    pub target: SettingTarget,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolSettings`: the values given change (the module sends its SettingsValue whole); the
/// others keep theirs.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct SetSettingsParams {
    pub setting_id: Uuid,
    /// Values by name, as text.
    #[serde(default)]
    pub values: BTreeMap<String, String>,
    #[serde(flatten)]
    pub target: SettingTarget,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}
