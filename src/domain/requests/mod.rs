//! The parameters of every operation, named as the MSOnline cmdlet's parameters; each family's
//! have their own file here, and this one holds what they share.
//!
//! Each struct is both the typed request and, through `schemars`, the JSON Schema the bridge
//! publishes and validates against: the closed sets (method types, states, enums) are written
//! once, here and in `model`. A parameter that is absent means "not given"; for text
//! properties an empty string clears the value (PowerShell binds `$null` to `""`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::model::{
    DomainAuthenticationType, DomainCapability, DomainStatus, DomainVerificationMethod,
    GroupMemberType, GroupType, RoleMemberType, StrongAuthenticationMethod,
    StrongAuthenticationRequirement, UserType,
};
use super::time::Timestamp;

/// How much of a list to return, and where its next page starts: MSOnline's `-All` and
/// `-MaxResults`, and the bridge's own paging members. Flattened into every list operation
/// (whose schema root is closed, so unknown members are still refused).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct ListParams {
    #[serde(default)]
    pub all: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub max_results: Option<u32>,
    /// The `NextPageToken` of the previous page of the same query.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_token: Option<String>,
    /// Objects per page (default 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 1000))]
    pub page_size: Option<u32>,
}

/// Names one user: by `ObjectId`, by `UserPrincipalName`, or by both (they must agree).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserRef {
    pub object_id: Option<Uuid>,
    pub user_principal_name: Option<String>,
}

impl UserRef {
    /// A user named by one text that is either an ObjectId or a user principal name (as
    /// `-ManagedBy` takes one); `None` for an empty text.
    pub fn from_name(name: &str) -> Option<UserRef> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        Some(match Uuid::parse_str(name) {
            Ok(id) => UserRef {
                object_id: Some(id),
                user_principal_name: None,
            },
            Err(_) => UserRef {
                object_id: None,
                user_principal_name: Some(name.to_string()),
            },
        })
    }

    pub fn by_upn(upn: impl Into<String>) -> UserRef {
        UserRef {
            object_id: None,
            user_principal_name: Some(upn.into()),
        }
    }

    pub fn by_id(id: Uuid) -> UserRef {
        UserRef {
            object_id: Some(id),
            user_principal_name: None,
        }
    }

    /// How the user is named in a "User Not Found" message.
    pub fn describe(&self) -> String {
        match (&self.object_id, &self.user_principal_name) {
            (_, Some(upn)) => upn.clone(),
            (Some(id), None) => id.to_string(),
            (None, None) => String::new(),
        }
    }

    /// A user found by ObjectId must also carry the UserPrincipalName given with it.
    pub fn check_same_user(
        &self,
        found_id: Uuid,
        found_upn: &str,
    ) -> super::fault::FaultResult<()> {
        if let (Some(_), Some(upn)) = (&self.object_id, &self.user_principal_name) {
            if !found_upn.eq_ignore_ascii_case(upn.trim()) {
                return Err(super::fault::Fault::invalid(
                    "UserPrincipalName",
                    format!("ObjectId {found_id} is {found_upn}, not {upn}: ObjectId and UserPrincipalName must name the same user."),
                ));
            }
        }
        Ok(())
    }

    /// Asks for a name when neither was given.
    pub fn require_name(&self) -> super::fault::FaultResult<()> {
        if self.object_id.is_none() && self.user_principal_name.is_none() {
            return Err(super::fault::Fault::Required {
                field: "UserPrincipalName".to_string(),
                reason: "Name the user with ObjectId or UserPrincipalName.".to_string(),
            });
        }
        Ok(())
    }
}

macro_rules! user_identity_request {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident : $type:ty,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
        #[serde(rename_all = "PascalCase", deny_unknown_fields)]
        pub struct $name {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub object_id: Option<Uuid>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub user_principal_name: Option<String>,
            $($(#[$field_meta])* pub $field: $type,)*
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub tenant_id: Option<Uuid>,
        }

        impl $name {
            pub fn user(&self) -> UserRef {
                UserRef { object_id: self.object_id, user_principal_name: self.user_principal_name.clone() }
            }
        }
    };
}

/// Operations whose only parameter is `-TenantId`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TenantParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

mod administrative_units;
mod company;
mod contacts;
mod devices;
mod directory_settings;
mod domain_federation;
mod groups;
mod licensing;
mod roles;
mod service_principals;
mod users;

pub use administrative_units::*;
pub use company::*;
pub use contacts::*;
pub use devices::*;
pub use directory_settings::*;
pub use domain_federation::*;
pub use groups::*;
pub use licensing::*;
pub use roles::*;
pub use service_principals::*;
pub use users::*;
