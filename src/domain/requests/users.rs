//! Users and their MFA: the parameters.

use super::*;

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
