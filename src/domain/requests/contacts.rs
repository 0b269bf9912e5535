//! Mail contacts: the parameters.

use super::*;

/// `Get-MsolContact`: one contact by ObjectId, or a filtered list (500 unless All or MaxResults).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetContactParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    /// Only contacts with validation errors.
    #[serde(default)]
    pub has_errors_only: bool,
    /// The start of a display name or email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}
