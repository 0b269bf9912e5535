//! Directory roles and their members: the parameters.

use super::*;

user_identity_request! {
    /// `Get-MsolUserRole`: the roles a user holds, directly or through a group.
    pub struct GetUserRoleParams {}
}

/// `Get-MsolRole`: every role, or one by `ObjectId` or by `RoleName` (legacy or current name).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetRoleParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolRoleMember`. `RoleObjectId` is required here: MSOnline's reflection metadata gives it a
/// non-nullable Guid and every known script passes it (reference/msonline.md section 8).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetRoleMemberParams {
    pub role_object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_object_types: Option<Vec<RoleMemberType>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// `Add-MsolRoleMember` and `Remove-MsolRoleMember`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RoleMemberChangeParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    /// `User` (the default) or `ServicePrincipal`; MSOnline does not support groups here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_member_type: Option<RoleMemberType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_member_object_id: Option<Uuid>,
    /// For a user: the user principal name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_member_email_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}
