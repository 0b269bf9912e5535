//! Administrative units, their members and the roles scoped to them: the parameters.

use super::*;

/// `Get-MsolAdministrativeUnit`: one unit by ObjectId, or the units matching the filters (a
/// user's, by UserObjectId or UserPrincipalName; those whose display name starts with
/// SearchString), 250 unless All or MaxResults.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetAdministrativeUnitParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// `New-MsolAdministrativeUnit`. MSOnline marks DisplayName optional, but a unit cannot be made
/// without one (Graph requires it too).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct NewAdministrativeUnitParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolAdministrativeUnit`: what it is given changes (an empty Description clears it).
/// MSOnline marks ObjectId optional, but there is no unit to change without it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetAdministrativeUnitParams {
    pub object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Remove-MsolAdministrativeUnit`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RemoveAdministrativeUnitParams {
    pub object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolAdministrativeUnitMember`: a unit's members, 250 unless All or MaxResults. MSOnline
/// marks the unit optional, but there are no members to list without it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetAdministrativeUnitMemberParams {
    pub administrative_unit_object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// `Add-MsolAdministrativeUnitMember`, `Remove-MsolAdministrativeUnitMember`: a user, group or
/// device, by ObjectId. MSOnline marks the member optional, but there is no member to change
/// without it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AdministrativeUnitMemberChangeParams {
    pub administrative_unit_object_id: Uuid,
    pub administrative_unit_member_object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolScopedRoleMember`: the users holding roles over administrative units: over one unit
/// or every unit, in one role or every role, 250 unless All or MaxResults.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetScopedRoleMemberParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administrative_unit_object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// `Add-MsolScopedRoleMember`, `Remove-MsolScopedRoleMember`: a user, by ObjectId or user
/// principal name, in a role over one administrative unit. MSOnline adds users only.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ScopedRoleMemberChangeParams {
    pub role_object_id: Uuid,
    pub administrative_unit_object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_member_object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_member_user_principal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}
