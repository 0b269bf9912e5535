//! Every MSOnline operation the bridge answers: one table gives its route name (the cmdlet's
//! name), its parameters (and so its JSON Schema), its answer and its summary. Handlers resolve
//! the parameter set, call the directory and shape the answer; rules live in `domain`. Each
//! family's handlers have their own file here (users, licensing, company, roles, groups, service
//! principals, contacts, devices).

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::paging::{self, ListPage};
use crate::directory::{
    CreatedServicePrincipal, CreatedUser, Directory, GroupQuery, MemberQuery, MemberRef, Outcome,
    UserQuery,
};
use crate::domain::fault::{Fault, FaultResult};
use crate::domain::model::DomainFederationSettings;
use crate::domain::model::{
    AccountSku, AccountSkuIdentifier, AdministrativeUnit, AdministrativeUnitMember,
    CompanyInformation, CompanySubscription, Contact, Device, DeviceRegistrationServicePolicy,
    DirSyncConfiguration, DirSyncFeatureStatus, DirSyncProvisioningErrorObject, DirectorySetting,
    Domain, DomainRecord, DomainStatus, Group, GroupMember, PasswordPolicy, Role, RoleMember,
    RoleMemberType, RoleScopedMember, ServicePrincipal, ServicePrincipalCredential,
    SettingTemplate, User,
};
use crate::domain::query::StrongAuthenticationFilter;
use crate::domain::requests::*;
use crate::domain::roles as built_in_roles;
use crate::domain::{dir_sync, dir_sync_features, domains};
use crate::schema::{request_schema_for, schema_for};

/// MSOnline's default caps: 500 users, 250 role members, groups and group members.
const USER_CAP: u32 = 500;
const MEMBER_CAP: u32 = 250;

/// `Set-MsolUserPassword`'s answer.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct PasswordAnswer {
    /// The new password; absent when only a change at next sign-in was forced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// `New-MsolLicenseOptions`' answer: MSOnline's `LicenseOption`, whose AccountSkuId is an
/// `AccountSkuIdentifier` (the request form, `LicenseOption` in `domain`, takes the text form).
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct LicenseOptionAnswer {
    pub account_sku_id: AccountSkuIdentifier,
    pub disabled_service_plans: Vec<String>,
}

/// Get-MsolHasObjectsWithDirSyncProvisioningErrors' answer.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct HasObjectsAnswer {
    pub value: bool,
}

/// An operation's answer, serialized, with its next page token (also sent as the
/// `Next-Page-Token` header, so a streaming client can ask for the next page before it parses
/// this one).
pub struct Answered {
    pub json: Vec<u8>,
    pub next_page_token: Option<String>,
}

impl Answered {
    fn of<A: Answer>(answer: &A) -> FaultResult<Answered> {
        Ok(Answered {
            json: serde_json::to_vec(answer).map_err(|e| Fault::Unexpected(e.into()))?,
            next_page_token: answer.next_page_token().map(str::to_string),
        })
    }
}

/// What the router needs to know of an answer beyond its JSON.
pub trait Answer: Serialize {
    fn next_page_token(&self) -> Option<&str> {
        None
    }
}

impl<T: Serialize> Answer for ListPage<T> {
    fn next_page_token(&self) -> Option<&str> {
        self.next_page_token.as_deref()
    }
}
impl Answer for Outcome {}
impl Answer for CreatedUser {}
impl Answer for CreatedServicePrincipal {}
impl Answer for PasswordAnswer {}
impl Answer for CompanyInformation {}
impl Answer for PasswordPolicy {}
impl Answer for Group {}
impl Answer for LicenseOptionAnswer {}
impl Answer for HasObjectsAnswer {}
impl Answer for Domain {}
impl Answer for DomainRecord {}
impl Answer for DirSyncConfiguration {}
impl Answer for DeviceRegistrationServicePolicy {}
impl Answer for AdministrativeUnit {}
impl Answer for SettingTemplate {}
impl Answer for DirectorySetting {}
impl Answer for DomainFederationSettings {}

macro_rules! operations {
    ($($variant:ident => $name:literal ($params:ty) -> $answer:ty, $summary:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Operation { $($variant,)* }

        impl Operation {
            pub const ALL: &'static [Operation] = &[$(Operation::$variant,)*];

            /// The route name: the MSOnline cmdlet's name.
            pub fn name(self) -> &'static str {
                match self { $(Operation::$variant => $name,)* }
            }

            pub fn summary(self) -> &'static str {
                match self { $(Operation::$variant => $summary,)* }
            }

            pub fn request_schema(self) -> Value {
                match self { $(Operation::$variant => request_schema_for::<$params>(),)* }
            }

            pub fn response_schema(self) -> Value {
                match self { $(Operation::$variant => schema_for::<$answer>(),)* }
            }

            pub fn from_name(name: &str) -> Option<Operation> {
                Operation::ALL.iter().copied().find(|op| op.name().eq_ignore_ascii_case(name))
            }

            /// Runs the operation on `body`, which the schema has already accepted, and answers
            /// its JSON (written straight from the typed answer, without an intermediate value).
            pub async fn run(self, body: Value, directory: &dyn Directory) -> FaultResult<Answered> {
                match self {
                    $(Operation::$variant => {
                        let params: $params = serde_json::from_value(body).map_err(|e| Fault::invalid("(request body)", e.to_string()))?;
                        let answer: $answer = handlers::$variant(params, directory).await?;
                        Answered::of(&answer)
                    })*
                }
            }
        }
    };
}

operations! {
    GetUser => "Get-MsolUser" (GetUserParams) -> ListPage<User>,
        "One user by ObjectId or UserPrincipalName, or the users matching the filters (500 unless All or MaxResults), in pages.";
    GetUserByStrongAuthentication => "Get-MsolUserByStrongAuthentication" (GetUserByStrongAuthenticationParams) -> ListPage<User>,
        "Users by per-user MFA state (Requirements, RequirementUnsetOnly) or role.";
    NewUser => "New-MsolUser" (NewUserParams) -> CreatedUser,
        "Creates a cloud user and answers it with its password.";
    SetUser => "Set-MsolUser" (SetUserParams) -> Outcome,
        "Changes the given properties of a user, including per-user MFA and its registered methods; writes only real changes.";
    RemoveUser => "Remove-MsolUser" (RemoveUserParams) -> Outcome,
        "Moves a user to the recycle bin, or deletes it from there for good.";
    RestoreUser => "Restore-MsolUser" (RestoreUserParams) -> Outcome,
        "Restores a user deleted in the last 30 days.";
    SetUserPassword => "Set-MsolUserPassword" (SetUserPasswordParams) -> PasswordAnswer,
        "Sets a user's password (a generated one when none is given).";
    SetUserPrincipalName => "Set-MsolUserPrincipalName" (SetUserPrincipalNameParams) -> Outcome,
        "Changes a user's sign-in name.";
    SetUserLicense => "Set-MsolUserLicense" (SetUserLicenseParams) -> Outcome,
        "Adds and removes a user's licences in one atomic change.";
    ResetStrongAuthenticationMethodByUpn => "Reset-MsolStrongAuthenticationMethodByUpn" (ResetStrongAuthenticationParams) -> Outcome,
        "Clears a user's registered MFA methods so the user registers again at next sign-in.";
    NewLicenseOptions => "New-MsolLicenseOptions" (NewLicenseOptionsParams) -> LicenseOptionAnswer,
        "Service plans to turn off within one of the tenant's licences, checked against its subscriptions, for Set-MsolUserLicense and New-MsolUser -LicenseOptions.";
    GetAccountSku => "Get-MsolAccountSku" (TenantParams) -> ListPage<AccountSku>,
        "The tenant's subscriptions with their units.";
    GetSubscription => "Get-MsolSubscription" (GetSubscriptionParams) -> ListPage<CompanySubscription>,
        "The commercial subscriptions behind the licences, with their status, licences and dates; or one by ObjectId.";
    GetCompanyInformation => "Get-MsolCompanyInformation" (TenantParams) -> CompanyInformation,
        "The tenant's company information.";
    GetDomain => "Get-MsolDomain" (GetDomainParams) -> ListPage<Domain>,
        "One domain by name, or the domains matching the filters.";
    SetCompanySettings => "Set-MsolCompanySettings" (SetCompanySettingsParams) -> Outcome,
        "Changes company-wide settings: self-service password reset, what users may do (create security groups and apps, read other users, consent to apps, sign up for subscriptions, join by email) and the default usage location; writes only real changes.";
    NewDomain => "New-MsolDomain" (NewDomainParams) -> Domain,
        "Adds a domain (managed, verified by a DNS record; a subdomain of a verified domain is verified at once) and answers it.";
    SetDomain => "Set-MsolDomain" (SetDomainParams) -> Outcome,
        "Makes a verified domain the company's default (IsDefault).";
    RemoveDomain => "Remove-MsolDomain" (RemoveDomainParams) -> Outcome,
        "Removes a domain that is neither initial nor default and that no user or group uses.";
    GetDomainVerificationDns => "Get-MsolDomainVerificationDns" (GetDomainVerificationDnsParams) -> DomainRecord,
        "The DNS record to publish so that a domain can be verified: MX unless Mode is DnsTxtRecord.";
    ConfirmDomain => "Confirm-MsolDomain" (ConfirmDomainParams) -> Outcome,
        "Verifies a domain by its published DNS record; a verified domain needs nothing.";
    SetDirSyncEnabled => "Set-MsolDirSyncEnabled" (SetDirSyncEnabledParams) -> Outcome,
        "Turns directory synchronization on or off; turning it off makes synchronized users and groups cloud-only, and it can be turned back on 72 hours later.";
    GetDirSyncProvisioningError => "Get-MsolDirSyncProvisioningError" (GetDirSyncProvisioningErrorParams) -> ListPage<DirSyncProvisioningErrorObject>,
        "The users, groups and contacts with synchronization conflicts (PropertyConflict on UserPrincipalName or ProxyAddresses), filtered by property, value and display name, sorted (500 unless All or MaxResults), in pages.";
    GetHasObjectsWithDirSyncProvisioningErrors => "Get-MsolHasObjectsWithDirSyncProvisioningErrors" (TenantParams) -> HasObjectsAnswer,
        "Whether any user, group or contact has a synchronization conflict.";
    SetCompanyContactInformation => "Set-MsolCompanyContactInformation" (SetCompanyContactInformationParams) -> Outcome,
        "Replaces the company's technical and marketing notification addresses (an empty list clears one); writes only real changes.";
    SetCompanySecurityComplianceContactInformation => "Set-MsolCompanySecurityComplianceContactInformation" (SetCompanySecurityComplianceContactInformationParams) -> Outcome,
        "Replaces the company's security and compliance contact addresses and phones (deprecated by Microsoft: no online service reads them); writes only real changes.";
    GetDirSyncFeatures => "Get-MsolDirSyncFeatures" (GetDirSyncFeaturesParams) -> ListPage<DirSyncFeatureStatus>,
        "Every directory synchronization feature and whether it is on, or the one Feature names.";
    SetDirSyncFeature => "Set-MsolDirSyncFeature" (SetDirSyncFeatureParams) -> Outcome,
        "Turns a synchronization feature on or off (BlockCloudObjectTakeoverThroughHardMatch, BlockSoftMatch, EnableSoftMatchOnUpn, EnforceCloudPasswordPolicyForPasswordSyncedUsers, PasswordSync, SynchronizeUpnForManagedUsers); EnableSoftMatchOnUpn and SynchronizeUpnForManagedUsers cannot be turned off again.";
    GetDirSyncConfiguration => "Get-MsolDirSyncConfiguration" (TenantParams) -> DirSyncConfiguration,
        "The accidental deletion guard: its threshold and whether it counts deletions or a percentage.";
    SetDirSyncConfiguration => "Set-MsolDirSyncConfiguration" (SetDirSyncConfigurationParams) -> Outcome,
        "Sets the accidental deletion threshold: an export with more deletions stops.";
    GetPasswordPolicy => "Get-MsolPasswordPolicy" (GetPasswordPolicyParams) -> PasswordPolicy,
        "A verified domain's password expiry: days valid and days of notice (null: the service default of 90 and 14).";
    SetPasswordPolicy => "Set-MsolPasswordPolicy" (SetPasswordPolicyParams) -> Outcome,
        "Sets a verified domain's password expiry (14-730 days, or 2147483647 for never) and notice (1-30 days).";
    GetRole => "Get-MsolRole" (GetRoleParams) -> ListPage<Role>,
        "Every role, or one by ObjectId or by name (legacy or current).";
    GetRoleMember => "Get-MsolRoleMember" (GetRoleMemberParams) -> ListPage<RoleMember>,
        "A role's members (250 unless All or MaxResults), in pages.";
    AddRoleMember => "Add-MsolRoleMember" (RoleMemberChangeParams) -> Outcome,
        "Adds a user or service principal to a role.";
    RemoveRoleMember => "Remove-MsolRoleMember" (RoleMemberChangeParams) -> Outcome,
        "Removes a user or service principal from a role.";
    GetUserRole => "Get-MsolUserRole" (GetUserRoleParams) -> ListPage<Role>,
        "The roles a user holds, directly or through a group.";
    GetServicePrincipal => "Get-MsolServicePrincipal" (GetServicePrincipalParams) -> ListPage<ServicePrincipal>,
        "One service principal by ObjectId or AppPrincipalId, those with a service principal name, or those whose display name starts with SearchString (500 unless All or MaxResults), in pages.";
    NewServicePrincipal => "New-MsolServicePrincipal" (NewServicePrincipalParams) -> CreatedServicePrincipal,
        "Adds a service principal (with a new application unless AppPrincipalId names one), its names (the application id always among them), reply addresses and a first credential key; answers it with the credentials added.";
    SetServicePrincipal => "Set-MsolServicePrincipal" (SetServicePrincipalParams) -> Outcome,
        "Changes a service principal's display name, names (the application id stays), reply addresses or whether it is enabled; writes only real changes.";
    RemoveServicePrincipal => "Remove-MsolServicePrincipal" (RemoveServicePrincipalParams) -> Outcome,
        "Deletes the service principal an ObjectId or AppPrincipalId names, or every one a service principal name names, with its credentials and memberships.";
    NewServicePrincipalCredential => "New-MsolServicePrincipalCredential" (NewServicePrincipalCredentialParams) -> Outcome,
        "Adds a credential key to a service principal: a certificate (Asymmetric), a symmetric key or a password, checked against the certificate's validity.";
    RemoveServicePrincipalCredential => "Remove-MsolServicePrincipalCredential" (RemoveServicePrincipalCredentialParams) -> Outcome,
        "Removes credential keys from a service principal by KeyId (Get-MsolServicePrincipalCredential lists them).";
    GetServicePrincipalCredential => "Get-MsolServicePrincipalCredential" (GetServicePrincipalCredentialParams) -> ListPage<ServicePrincipalCredential>,
        "A service principal's credential keys; certificates' values with ReturnKeyValues (secrets are never kept).";
    GetContact => "Get-MsolContact" (GetContactParams) -> ListPage<Contact>,
        "One mail contact by ObjectId, or the contacts whose display name or email address starts with SearchString (500 unless All or MaxResults), in pages; HasErrorsOnly keeps those with validation errors.";
    GetDevice => "Get-MsolDevice" (GetDeviceParams) -> ListPage<Device>,
        "One device by ObjectId or DeviceId, the devices of a display name or a registered owner, or every device (All; system-managed Autopilot devices only with IncludeSystemManagedDevices), optionally only those that last signed in before LogonTimeBefore, in pages; ReturnRegisteredOwners fills RegisteredOwners.";
    EnableDevice => "Enable-MsolDevice" (DeviceChangeParams) -> Outcome,
        "Enables a device, by DeviceId or ObjectId, so that it can sign in again.";
    DisableDevice => "Disable-MsolDevice" (DeviceChangeParams) -> Outcome,
        "Disables a device, by DeviceId or ObjectId, so that it can no longer sign in.";
    RemoveDevice => "Remove-MsolDevice" (DeviceChangeParams) -> Outcome,
        "Deletes a device, by DeviceId or ObjectId, for good.";
    GetDeviceRegistrationServicePolicy => "Get-MsolDeviceRegistrationServicePolicy" (TenantParams) -> DeviceRegistrationServicePolicy,
        "The device registration settings: devices per user, multi-factor authentication, who may register and join devices.";
    SetDeviceRegistrationServicePolicy => "Set-MsolDeviceRegistrationServicePolicy" (SetDeviceRegistrationServicePolicyParams) -> Outcome,
        "Changes the device registration settings it is given (workplace join: All or None); writes only real changes.";
    GetGroup => "Get-MsolGroup" (GetGroupParams) -> ListPage<Group>,
        "One group by ObjectId, or the groups matching the filters (250 unless All or MaxResults), in pages.";
    GetGroupMember => "Get-MsolGroupMember" (GetGroupMemberParams) -> ListPage<GroupMember>,
        "A group's members (250 unless All or MaxResults), in pages.";
    NewGroup => "New-MsolGroup" (NewGroupParams) -> Group,
        "Creates a security group (ManagedBy names its owner) and answers it.";
    SetGroup => "Set-MsolGroup" (SetGroupParams) -> Outcome,
        "Changes a security group's display name, description or owner; writes only real changes.";
    RemoveGroup => "Remove-MsolGroup" (RemoveGroupParams) -> Outcome,
        "Deletes a security group for good, with its memberships.";
    AddGroupMember => "Add-MsolGroupMember" (GroupMemberChangeParams) -> Outcome,
        "Adds a user or a group to a security group.";
    RemoveGroupMember => "Remove-MsolGroupMember" (GroupMemberChangeParams) -> Outcome,
        "Removes a user or a group from a security group.";
    GetAdministrativeUnit => "Get-MsolAdministrativeUnit" (GetAdministrativeUnitParams) -> ListPage<AdministrativeUnit>,
        "One administrative unit by ObjectId, or the units a user is a member of or whose display name starts with SearchString (250 unless All or MaxResults), in pages.";
    NewAdministrativeUnit => "New-MsolAdministrativeUnit" (NewAdministrativeUnitParams) -> AdministrativeUnit,
        "Creates an administrative unit and answers it.";
    SetAdministrativeUnit => "Set-MsolAdministrativeUnit" (SetAdministrativeUnitParams) -> Outcome,
        "Changes an administrative unit's display name or description; writes only real changes.";
    RemoveAdministrativeUnit => "Remove-MsolAdministrativeUnit" (RemoveAdministrativeUnitParams) -> Outcome,
        "Deletes an administrative unit with its memberships and scoped role assignments; its members stay.";
    GetAdministrativeUnitMember => "Get-MsolAdministrativeUnitMember" (GetAdministrativeUnitMemberParams) -> ListPage<AdministrativeUnitMember>,
        "An administrative unit's users, groups and devices (250 unless All or MaxResults), in pages.";
    AddAdministrativeUnitMember => "Add-MsolAdministrativeUnitMember" (AdministrativeUnitMemberChangeParams) -> Outcome,
        "Adds a user, group or device to an administrative unit.";
    RemoveAdministrativeUnitMember => "Remove-MsolAdministrativeUnitMember" (AdministrativeUnitMemberChangeParams) -> Outcome,
        "Removes a member from an administrative unit.";
    GetScopedRoleMember => "Get-MsolScopedRoleMember" (GetScopedRoleMemberParams) -> ListPage<RoleScopedMember>,
        "The users holding roles over administrative units: over one unit or every unit, in one role or every role (250 unless All or MaxResults), in pages.";
    AddScopedRoleMember => "Add-MsolScopedRoleMember" (ScopedRoleMemberChangeParams) -> Outcome,
        "Gives a user a role (one that can be scoped) over one administrative unit.";
    RemoveScopedRoleMember => "Remove-MsolScopedRoleMember" (ScopedRoleMemberChangeParams) -> Outcome,
        "Takes a role over one administrative unit from a user.";
    GetAllSettingTemplate => "Get-MsolAllSettingTemplate" (TenantParams) -> ListPage<SettingTemplate>,
        "Every directory setting template, with its values' names, types and defaults.";
    GetSettingTemplate => "Get-MsolSettingTemplate" (GetSettingTemplateParams) -> SettingTemplate,
        "One directory setting template by its id.";
    GetAllSettings => "Get-MsolAllSettings" (GetAllSettingsParams) -> ListPage<DirectorySetting>,
        "The tenant's directory settings, or one group's (TargetType Groups, TargetObjectId).";
    GetSettings => "Get-MsolSettings" (SettingParams) -> DirectorySetting,
        "One directory setting by its id, of the tenant or of one group.";
    NewSettings => "New-MsolSettings" (NewSettingsParams) -> DirectorySetting,
        "Makes a directory setting from a template (Group.Unified for the tenant, Group.Unified.Guest for a group): the values given, checked, and the template's defaults for the rest.";
    SetSettings => "Set-MsolSettings" (SetSettingsParams) -> Outcome,
        "Changes the given values of a directory setting; writes only real changes.";
    RemoveSettings => "Remove-MsolSettings" (SettingParams) -> Outcome,
        "Deletes a directory setting; its template's defaults apply again.";
    GetDomainFederationSettings => "Get-MsolDomainFederationSettings" (GetDomainFederationSettingsParams) -> DomainFederationSettings,
        "A federated domain's federation settings.";
    SetDomainFederationSettings => "Set-MsolDomainFederationSettings" (SetDomainFederationSettingsParams) -> Outcome,
        "Changes a federated domain's federation settings; writes only real changes.";
    SetDomainAuthentication => "Set-MsolDomainAuthentication" (SetDomainAuthenticationParams) -> Outcome,
        "Federates a verified domain with its settings (IssuerUri, PassiveLogOnUri and SigningCertificate at least), or makes a federated domain managed.";
    ConvertFederatedUser => "Convert-MsolFederatedUser" (ConvertFederatedUserParams) -> PasswordAnswer,
        "Gives a user of a domain that is managed now a password (the one given, or a generated one that is answered), to be changed at the next sign-in.";
}

impl Operation {
    /// Whether the operation changes something (and so may be batched): every cmdlet but the Get-
    /// ones and New-MsolLicenseOptions, which only builds an object.
    pub fn is_write(self) -> bool {
        !self.name().starts_with("Get-") && self != Operation::NewLicenseOptions
    }
}

/// `-TenantId` is for partners acting in a customer's tenant; a tenant of its own answers only for itself.
async fn check_tenant(tenant_id: Option<Uuid>, directory: &dyn Directory) -> FaultResult<()> {
    let Some(wanted) = tenant_id else {
        return Ok(());
    };
    let own = directory.tenant_id().await?;
    if wanted != own {
        return Err(Fault::AccessDenied(format!(
            "TenantId {wanted} is not this tenant ({own}); partner access to other tenants is not available."
        )));
    }
    Ok(())
}

/// The role an operation names, by ObjectId or by RoleName. MSOnline's legacy names and today's
/// names of the built-in table resolve without a call; any other role counts when the directory
/// lists it (Graph lists every role template, not only the bridge's table).
async fn role_id(
    directory: &dyn Directory,
    object_id: Option<Uuid>,
    role_name: Option<&str>,
    id_field: &str,
) -> FaultResult<Uuid> {
    match (object_id, role_name) {
        (Some(_), Some(_)) => Err(Fault::invalid(
            id_field,
            "Name the role by its ObjectId or by RoleName, not both.",
        )),
        (Some(id), None) => match built_in_roles::by_id(id) {
            Some(role) => Ok(role.id()),
            None => listed_role(directory, |r| r.object_id == id)
                .await?
                .ok_or_else(|| Fault::RoleNotFound(id.to_string())),
        },
        (None, Some(name)) => match built_in_roles::by_name(name) {
            Some(role) => Ok(role.id()),
            None => listed_role(directory, |r| r.name.eq_ignore_ascii_case(name.trim()))
                .await?
                .ok_or_else(|| Fault::RoleNotFound(name.to_string())),
        },
        (None, None) => Err(Fault::Required {
            field: "RoleName".to_string(),
            reason: format!("Name the role with {id_field} or RoleName."),
        }),
    }
}

async fn listed_role(
    directory: &dyn Directory,
    wanted: impl Fn(&Role) -> bool,
) -> FaultResult<Option<Uuid>> {
    Ok(directory
        .roles()
        .await?
        .iter()
        .find(|r| wanted(r))
        .map(|r| r.object_id))
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

/// The handler of each operation, by its variant's name.
mod handlers {
    pub use super::administrative_units::*;
    pub use super::company::*;
    pub use super::contacts::*;
    pub use super::devices::*;
    pub use super::directory_settings::*;
    pub use super::domain_federation::*;
    pub use super::groups::*;
    pub use super::licensing::*;
    pub use super::roles::*;
    pub use super::service_principals::*;
    pub use super::users::*;
}
