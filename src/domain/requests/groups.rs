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
