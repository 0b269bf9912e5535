//! Groups and their members: the parameters.

use super::*;

/// `Get-MsolGroup`: one group by `ObjectId`, or a filtered list.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetGroupParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    /// Groups this user is a member of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_object_id: Option<Uuid>,
    /// Groups this user is a member of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    #[serde(default)]
    pub is_agent_role: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_type: Option<GroupType>,
    #[serde(default)]
    pub has_errors_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_license_errors_only: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// `Get-MsolGroupMember`. `GroupObjectId` is required, for the reason given at `GetRoleMemberParams`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetGroupMemberParams {
    pub group_object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_object_types: Option<Vec<GroupMemberType>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// `New-MsolGroup`: creates a security group. MSOnline marks no parameter required, but a group
/// without a display name is refused (Graph requires `displayName`, group-post-groups).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct NewGroupParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The owner: a user by ObjectId or UserPrincipalName.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Set-MsolGroup`: changes the given properties of a security group; an empty Description or
/// ManagedBy clears it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetGroupParams {
    /// MSOnline marks it optional, but there is no group to change without it.
    pub object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Remove-MsolGroup`: deletes a group (its memberships go with it).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RemoveGroupParams {
    pub object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Add-MsolGroupMember` and `Remove-MsolGroupMember`: a user or a group, by ObjectId.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GroupMemberChangeParams {
    pub group_object_id: Uuid,
    /// `User` when not given (MSOnline's default); MSOnline's documentation allows User and Group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_member_type: Option<GroupMemberType>,
    /// MSOnline marks it optional, but there is no member to change without it.
    pub group_member_object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}
