//! The parameters of every operation, named as the MSOnline cmdlet's parameters.
//!
//! Each struct is both the typed request and, through `schemars`, the JSON Schema the bridge
//! publishes and validates against: the closed sets (method types, states, enums) are written
//! once, here and in `model`. A parameter that is absent means "not given"; for text
//! properties an empty string clears the value (PowerShell binds `$null` to `""`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::model::{
    DomainAuthenticationType, DomainCapability, DomainStatus, GroupMemberType, GroupType,
    RoleMemberType, StrongAuthenticationMethod, StrongAuthenticationRequirement, UserType,
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

/// `UserEnabledFilter`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum UserEnabledFilter {
    All,
    EnabledOnly,
    DisabledOnly,
}

/// The filters `Get-MsolUser` lists users by.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UserFilter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Users with a primary or secondary address in this domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled_filter: Option<UserEnabledFilter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default)]
    pub synchronized: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default)]
    pub has_errors_only: bool,
    #[serde(default)]
    pub license_reconciliation_needed_only: bool,
    #[serde(default)]
    pub unlicensed_users_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_location: Option<String>,
    /// Prefix of the display name or of an email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default)]
    pub return_deleted_users: bool,
}

/// `Get-MsolUser`: one user by `ObjectId` or `UserPrincipalName`, or a filtered list.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetUserParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled_filter: Option<UserEnabledFilter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default)]
    pub synchronized: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default)]
    pub has_errors_only: bool,
    #[serde(default)]
    pub license_reconciliation_needed_only: bool,
    #[serde(default)]
    pub unlicensed_users_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default)]
    pub return_deleted_users: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

impl GetUserParams {
    pub fn filter(&self) -> UserFilter {
        UserFilter {
            city: self.city.clone(),
            country: self.country.clone(),
            department: self.department.clone(),
            domain_name: self.domain_name.clone(),
            enabled_filter: self.enabled_filter,
            state: self.state.clone(),
            synchronized: self.synchronized,
            title: self.title.clone(),
            has_errors_only: self.has_errors_only,
            license_reconciliation_needed_only: self.license_reconciliation_needed_only,
            unlicensed_users_only: self.unlicensed_users_only,
            usage_location: self.usage_location.clone(),
            search_string: self.search_string.clone(),
            return_deleted_users: self.return_deleted_users,
        }
    }

    /// The list filters given, by parameter name (they cannot be combined with a single-user lookup).
    pub fn list_filters_given(&self) -> Vec<&'static str> {
        let mut given = Vec::new();
        let checks: [(&'static str, bool); 13] = [
            ("City", self.city.is_some()),
            ("Country", self.country.is_some()),
            ("Department", self.department.is_some()),
            ("DomainName", self.domain_name.is_some()),
            ("EnabledFilter", self.enabled_filter.is_some()),
            ("State", self.state.is_some()),
            ("Synchronized", self.synchronized),
            ("Title", self.title.is_some()),
            ("HasErrorsOnly", self.has_errors_only),
            (
                "LicenseReconciliationNeededOnly",
                self.license_reconciliation_needed_only,
            ),
            ("UnlicensedUsersOnly", self.unlicensed_users_only),
            ("UsageLocation", self.usage_location.is_some()),
            ("SearchString", self.search_string.is_some()),
        ];
        for (name, present) in checks {
            if present {
                given.push(name);
            }
        }
        if self.list.all {
            given.push("All");
        }
        if self.list.max_results.is_some() {
            given.push("MaxResults");
        }
        given
    }
}

/// The user properties `Set-MsolUser` changes and `New-MsolUser` starts from.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct UserChanges {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Two-letter ISO 3166 country code; needed before a licence can be assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^([A-Za-z]{2})?$"))]
    pub usage_location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_data_location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_email_addresses: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_mobile_phones: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immutable_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_type: Option<UserType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_credential: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_never_expires: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strong_password_required: Option<bool>,
    /// Read-only: accepted when equal to the stored value (a piped user), refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_password_change_timestamp: Option<Timestamp>,
    /// Read-only: accepted when equal to the stored value (a piped user), refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soft_deletion_timestamp: Option<Timestamp>,
    /// Refresh tokens issued before this instant stop working (revokes sessions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sts_refresh_tokens_valid_from: Option<Timestamp>,
    /// The registered MFA methods; `[]` clears them so the user registers again at next sign-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strong_authentication_methods: Option<Vec<StrongAuthenticationMethod>>,
    /// Per-user MFA: `[]` disables it; one requirement with State Enabled or Enforced turns it on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strong_authentication_requirements: Option<Vec<StrongAuthenticationRequirement>>,
}

impl UserChanges {
    /// Whether the change involves what Graph keeps under a user's `/authentication`: per-user
    /// MFA, the methods, or the phone numbers methods are registered from.
    pub fn touches_authentication(&self) -> bool {
        self.strong_authentication_methods.is_some()
            || self.strong_authentication_requirements.is_some()
            || self.mobile_phone.is_some()
            || self.phone_number.is_some()
            || self.alternate_mobile_phones.is_some()
    }
}

/// `Set-MsolUser`: changes the given properties of the user named by `ObjectId` or `UserPrincipalName`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
// Unknown members are refused by the request schema: serde's deny_unknown_fields does not combine with flatten.
#[serde(rename_all = "PascalCase")]
pub struct SetUserParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub changes: UserChanges,
}

impl SetUserParams {
    pub fn user(&self) -> UserRef {
        UserRef {
            object_id: self.object_id,
            user_principal_name: self.user_principal_name.clone(),
        }
    }
}

/// `New-MsolUser`: creates a cloud user; a password is generated when none is given.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct NewUserParams {
    pub user_principal_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Default true: the user must change the password at first sign-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_change_password: Option<bool>,
    /// AccountSkuIds to assign (`contoso:ENTERPRISEPACK`); needs UsageLocation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_assignment: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_options: Option<Vec<LicenseOption>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub properties: UserChanges,
}

/// Names one user: by `ObjectId`, by `UserPrincipalName`, or by both (they must agree).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserRef {
    pub object_id: Option<Uuid>,
    pub user_principal_name: Option<String>,
}

impl UserRef {
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

user_identity_request! {
    /// `Remove-MsolUser`: moves the user to the recycle bin, or with `RemoveFromRecycleBin` deletes it for good.
    pub struct RemoveUserParams {
        #[serde(default)]
        pub remove_from_recycle_bin: bool,
    }
}

user_identity_request! {
    /// `Restore-MsolUser`: brings a user back from the recycle bin (within 30 days of deletion).
    pub struct RestoreUserParams {
        #[serde(default)]
        pub auto_reconcile_proxy_conflicts: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub new_user_principal_name: Option<String>,
    }
}

user_identity_request! {
    /// `Set-MsolUserPassword`: sets a new password (a random one when none is given) or only forces a change.
    pub struct SetUserPasswordParams {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub new_password: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub force_change_password: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub force_change_password_only: Option<bool>,
    }
}

user_identity_request! {
    /// `Set-MsolUserPrincipalName`: renames the user's sign-in name.
    pub struct SetUserPrincipalNameParams {
        pub new_user_principal_name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub immutable_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub new_password: Option<String>,
    }
}

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

user_identity_request! {
    /// `Get-MsolUserRole`: the roles a user holds, directly or through a group.
    pub struct GetUserRoleParams {}
}

/// `Reset-MsolStrongAuthenticationMethodByUpn`: clears the registered methods (re-register at next sign-in).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ResetStrongAuthenticationParams {
    pub user_principal_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolUserByStrongAuthentication`: users by per-user MFA state or role.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct GetUserByStrongAuthenticationParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_object_id: Option<Uuid>,
    /// Users whose requirement has one of these states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<Vec<StrongAuthenticationRequirement>>,
    /// Users with no requirement at all (per-user MFA disabled).
    #[serde(default)]
    pub requirement_unset_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(flatten)]
    pub list: ListParams,
}

/// Operations whose only parameter is `-TenantId`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TenantParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
}

/// `Get-MsolDomain`: one domain by name, or the domains matching the filters.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetDomainParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DomainStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication: Option<DomainAuthenticationType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capability: Option<DomainCapability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
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
