//! Where the directory lives: one trait, one method per MSOnline operation, several backends.
//!
//! Every backend takes the same typed requests and answers with the same `Fault`s; MSOnline's
//! rules come from `domain`, so backends only read and store. `conformance` holds the shared
//! behavioural suite every backend passes.

pub mod conformance;
pub mod local;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Serialize;
use uuid::Uuid;

use crate::domain::devices::{DeviceKey, DeviceQuery};
use crate::domain::fault::FaultResult;
use crate::domain::model::{
    AccountSku, AdministrativeUnit, AdministrativeUnitMember, CompanyInformation,
    CompanySubscription, Contact, Device, DeviceRegistrationServicePolicy, DirSyncConfiguration,
    DirSyncFeature, DirSyncProvisioningErrorObject, DirSyncSettings, DirectorySetting, Domain,
    DomainFederationSettings, DomainRecord, Group, GroupMember, GroupMemberType, PasswordPolicy,
    Role, RoleMember, RoleMemberType, RoleScopedMember, ServicePrincipal,
    ServicePrincipalCredential, SettingTemplate, User,
};
use crate::domain::query::StrongAuthenticationFilter;
use crate::domain::requests::{
    CompanyContacts, GroupMemberChangeParams, NewGroupParams, NewUserParams, RemoveUserParams,
    RestoreUserParams, SetCompanySettingsParams, SetGroupParams, SetUserLicenseParams,
    SetUserParams, SetUserPasswordParams, SetUserPrincipalNameParams, UserFilter, UserRef,
};

tokio::task_local! {
    /// Set while an operation runs as one item of many (a bridge batch).
    static BULK: ();
}

/// Runs `work` as bulk work: one item of many, that no one waits on alone. Backends may send its
/// requests at a lower priority (Graph's `x-ms-throttle-priority: Low`), so interactive calls go
/// first.
pub async fn as_bulk<F: std::future::Future>(work: F) -> F::Output {
    BULK.scope((), work).await
}

/// Whether the operation running now is bulk work (see `as_bulk`).
pub fn is_bulk() -> bool {
    BULK.try_with(|_| ()).is_ok()
}

/// Where a page starts and how many objects it holds.
#[derive(Clone, Debug, Default)]
pub struct PageRequest {
    /// The backend's own position after the previous page; `None` for the first page.
    pub cursor: Option<String>,
    pub size: usize,
}

#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Set when more objects match after this page.
    pub next_cursor: Option<String>,
}

impl<T: Clone> Page<T> {
    /// One page of a list read whole (groups on Graph, service principals): the cursor is the
    /// index of the page's first item.
    pub fn slice(items: Vec<T>, page: &PageRequest) -> Page<T> {
        let start = page
            .cursor
            .as_deref()
            .and_then(|c| c.parse::<usize>().ok())
            .unwrap_or(0);
        let size = page.size.max(1);
        let end = (start + size).min(items.len());
        Page {
            items: items.get(start..end).map(<[T]>::to_vec).unwrap_or_default(),
            next_cursor: (end < items.len()).then(|| end.to_string()),
        }
    }
}

/// Which users a listing returns.
#[derive(Clone)]
pub struct UserQuery {
    pub filter: UserFilter,
    /// `Get-MsolUserByStrongAuthentication`: by per-user MFA state.
    pub strong_authentication: Option<StrongAuthenticationFilter>,
    /// Only members of this role.
    pub role_object_id: Option<Uuid>,
}

#[derive(Clone)]
pub struct MemberQuery<T> {
    pub types: Option<Vec<T>>,
    pub search_string: Option<String>,
}

impl<T: PartialEq> MemberQuery<T> {
    /// Whether a member of `kind` named so is listed: its type among `types`, and its name or
    /// address starting with the search string.
    pub fn matches(
        &self,
        kind: &T,
        display_name: Option<&str>,
        email_address: Option<&str>,
    ) -> bool {
        self.types.as_ref().is_none_or(|types| types.contains(kind))
            && crate::domain::query::name_or_address_starts_with(
                display_name,
                email_address,
                self.search_string.as_deref(),
            )
    }
}

#[derive(Clone)]
pub struct GroupQuery {
    pub member: Option<UserRef>,
    pub group_type: Option<crate::domain::model::GroupType>,
    pub has_errors_only: bool,
    pub has_license_errors_only: Option<bool>,
    pub search_string: Option<String>,
}

/// Names a role member by object id or, for users, by user principal name.
#[derive(Clone, Debug)]
pub struct MemberRef {
    pub member_type: RoleMemberType,
    pub object_id: Option<Uuid>,
    pub email_address: Option<String>,
}

/// What a write did: the properties it changed (empty when the request matched what was stored).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct Outcome {
    /// The object changed; left out for objects without one (domains, company settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    pub changed: Vec<String>,
    /// What the backend could not express and did not write, said so rather than dropped; left
    /// out when there is nothing to say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The user the write was about, so that its warnings can name them (the request may have
    /// named the user by ObjectId); left out for other objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
}

impl Outcome {
    pub fn of(object_id: Uuid, changed: impl IntoIterator<Item = impl Into<String>>) -> Outcome {
        Outcome {
            object_id: Some(object_id),
            changed: changed.into_iter().map(Into::into).collect(),
            warnings: Vec::new(),
            user_principal_name: None,
        }
    }

    /// The outcome of a write on something without an ObjectId (a domain, a policy).
    pub fn unnamed(changed: impl IntoIterator<Item = impl Into<String>>) -> Outcome {
        Outcome {
            changed: changed.into_iter().map(Into::into).collect(),
            ..Outcome::default()
        }
    }

    /// The same outcome, about the user `upn`.
    pub fn about(mut self, upn: &str) -> Outcome {
        self.user_principal_name = Some(upn.to_string());
        self
    }
}

/// `New-MsolUser`'s answer: the user and, once, its password.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct CreatedUser {
    #[serde(flatten)]
    pub user: User,
    pub password: String,
}

/// A service principal New-MsolServicePrincipal asks for: `domain::service_principals` checked it.
#[derive(Clone, Debug)]
pub struct NewPrincipal {
    /// Its ObjectId is the backend's to give; its AppPrincipalId is meaningful only when
    /// `new_application` is false.
    pub principal: ServicePrincipal,
    /// Whether the application is new too (no AppPrincipalId was given).
    pub new_application: bool,
    /// Its first credential key, and whether it is MSOnline's default (a generated symmetric key)
    /// rather than one the caller asked for.
    pub credential: ServicePrincipalCredential,
    pub default_credential: bool,
}

/// `New-MsolServicePrincipal`'s answer: MSOnline's ServicePrincipalExtended, the principal with the
/// credentials added (no secret among them: secrets are never kept or answered).
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct CreatedServicePrincipal {
    #[serde(flatten)]
    pub principal: ServicePrincipal,
    pub credentials: Vec<ServicePrincipalCredential>,
    /// What the backend could not do as MSOnline did, said so; left out when nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A directory backend: every MSOnline operation, one trait per family of cmdlets (a family's
/// operations live in one file of each backend), assembled here.
pub trait Directory:
    CompanyDirectory
    + LicenseDirectory
    + UserDirectory
    + RoleDirectory
    + GroupDirectory
    + ServicePrincipalDirectory
    + ContactDirectory
    + DeviceDirectory
    + AdministrativeUnitDirectory
    + DirectorySettingDirectory
    + Send
    + Sync
    + 'static
{
    /// A short name for logs and the ready line (`local`, `graph`).
    fn backend(&self) -> &'static str;
}

/// The company and its domains: Get-MsolCompanyInformation, Get-MsolDomain,
/// Set-MsolCompanySettings, New-, Set-, Remove-MsolDomain, Get-MsolDomainVerificationDns,
/// Confirm-MsolDomain, Set-MsolDirSyncEnabled, Get- and Set-MsolPasswordPolicy,
/// Get-MsolDirSyncProvisioningError.
#[async_trait]
pub trait CompanyDirectory {
    async fn company_information(&self) -> FaultResult<CompanyInformation>;
    /// The tenant's ObjectId, which `-TenantId` must name; a backend may read less for it than
    /// the whole company.
    async fn tenant_id(&self) -> FaultResult<Uuid> {
        Ok(self.company_information().await?.object_id)
    }
    async fn domains(&self) -> FaultResult<Vec<Domain>>;
    /// Turns directory synchronization on or off (`domain::dir_sync`); turning it off makes
    /// every synchronized user and group cloud-only.
    async fn set_dir_sync_enabled(&self, enable: bool) -> FaultResult<Outcome>;
    /// The password policy of `domain`, one of the company's verified domains by its stored name.
    async fn password_policy(&self, domain: &str) -> FaultResult<PasswordPolicy>;
    /// Stores `policy` for `domain` (checked by `domain::domains`); writes only real changes.
    async fn set_password_policy(
        &self,
        domain: &str,
        policy: PasswordPolicy,
    ) -> FaultResult<Outcome>;
    /// Changes company-wide settings (`domain::company`); writes only real changes.
    async fn set_company_settings(&self, params: SetCompanySettingsParams) -> FaultResult<Outcome>;
    /// Makes a verified domain the default (`domain::domains::new_default` chose it).
    async fn set_default_domain(&self, name: &str) -> FaultResult<Outcome>;
    /// The users and groups whose user principal name or addresses are in `domain`, by name
    /// (users in the recycle bin included: they block a removal too).
    async fn domain_references(&self, domain: &str) -> FaultResult<Vec<String>>;
    /// Removes a domain `domain::domains::removable` allowed and no object uses.
    async fn remove_domain(&self, name: &str) -> FaultResult<Outcome>;
    /// Adds a domain `domain::domains::new_domain` made; answers it as the backend stored it.
    async fn add_domain(&self, domain: Domain) -> FaultResult<Domain>;
    /// The TXT and MX records that would verify one of the company's domains.
    async fn domain_verification_records(&self, name: &str) -> FaultResult<Vec<DomainRecord>>;
    /// Verifies an unverified domain of the company by its published record, or refuses with
    /// `DomainVerificationFailed`.
    async fn verify_domain(&self, name: &str) -> FaultResult<Outcome>;
    /// Changes the company's notification contacts (`domain::company::apply_contacts`); writes
    /// only real changes.
    async fn set_company_contacts(&self, contacts: CompanyContacts) -> FaultResult<Outcome>;
    /// A federated domain's federation settings (`domain_federation` checked it is federated).
    async fn domain_federation(&self, domain: &str) -> FaultResult<DomainFederationSettings>;
    /// Stores a federated domain's changed settings; `changed` is not empty.
    async fn set_domain_federation(
        &self,
        domain: &str,
        settings: DomainFederationSettings,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome>;
    /// Federates a managed domain with `settings`, or (`None`) makes a federated domain managed,
    /// dropping its federation settings; its users keep their accounts.
    async fn set_domain_authentication(
        &self,
        domain: &str,
        settings: Option<DomainFederationSettings>,
    ) -> FaultResult<Outcome>;
    /// Synchronization's features and accidental deletion guard.
    async fn dir_sync_settings(&self) -> FaultResult<DirSyncSettings>;
    /// Turns a feature on or off (`domain::dir_sync_features` checked it may be and that it
    /// changes something).
    async fn set_dir_sync_feature(
        &self,
        feature: DirSyncFeature,
        enable: bool,
    ) -> FaultResult<Outcome>;
    /// Stores a new accidental deletion guard.
    async fn set_dir_sync_configuration(
        &self,
        configuration: DirSyncConfiguration,
    ) -> FaultResult<Outcome>;
    /// Every user (not deleted), group and contact with synchronization conflicts, in any order
    /// (`domain::dir_sync` filters and sorts them).
    async fn objects_with_dir_sync_provisioning_errors(
        &self,
    ) -> FaultResult<Vec<DirSyncProvisioningErrorObject>>;
}

/// Licences: Get-MsolAccountSku, Get-MsolSubscription, Set-MsolUserLicense.
#[async_trait]
pub trait LicenseDirectory {
    async fn account_skus(&self) -> FaultResult<Vec<AccountSku>>;
    /// The commercial subscriptions behind the SKUs, by SKU.
    async fn company_subscriptions(&self) -> FaultResult<Vec<CompanySubscription>>;
    async fn set_user_license(&self, params: SetUserLicenseParams) -> FaultResult<Outcome>;
}

/// Users and their MFA: Get-, New-, Set-, Remove-, Restore-MsolUser, passwords, UPNs and
/// Reset-MsolStrongAuthenticationMethodByUpn.
#[async_trait]
pub trait UserDirectory {
    async fn list_users(&self, query: &UserQuery, page: PageRequest) -> FaultResult<Page<User>>;
    /// How many users (not deleted) the tenant holds, for a long listing's progress. Graph's count
    /// may lag a little behind the listing.
    async fn count_users(&self) -> FaultResult<u64>;
    /// One user; with `deleted`, one in the recycle bin.
    async fn get_user(&self, user: &UserRef, deleted: bool) -> FaultResult<User>;
    async fn new_user(&self, params: NewUserParams) -> FaultResult<CreatedUser>;
    async fn set_user(&self, params: SetUserParams) -> FaultResult<Outcome>;
    async fn remove_user(&self, params: RemoveUserParams) -> FaultResult<Outcome>;
    async fn restore_user(&self, params: RestoreUserParams) -> FaultResult<Outcome>;
    /// Returns the new password (generated when none was given), or `None` when only a change was forced.
    async fn set_user_password(&self, params: SetUserPasswordParams)
        -> FaultResult<Option<String>>;
    async fn set_user_principal_name(
        &self,
        params: SetUserPrincipalNameParams,
    ) -> FaultResult<Outcome>;
    async fn reset_strong_authentication(&self, user: &UserRef) -> FaultResult<Outcome>;
}

/// Administrator roles: Get-MsolRole, Get-, Add-, Remove-MsolRoleMember, Get-MsolUserRole.
#[async_trait]
pub trait RoleDirectory {
    async fn roles(&self) -> FaultResult<Vec<Role>>;
    async fn role_members(
        &self,
        role: Uuid,
        query: &MemberQuery<RoleMemberType>,
        page: PageRequest,
    ) -> FaultResult<Page<RoleMember>>;
    async fn add_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome>;
    async fn remove_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome>;
    /// The roles a user holds, directly or through a group.
    async fn user_roles(&self, user: &UserRef) -> FaultResult<Vec<Role>>;
}

/// Service principals and their credential keys: Get-MsolServicePrincipal,
/// Get-, New- and Remove-MsolServicePrincipalCredential.
#[async_trait]
pub trait ServicePrincipalDirectory {
    /// Every service principal (tenants hold few; listings filter and page them whole).
    async fn service_principals(&self) -> FaultResult<Vec<ServicePrincipal>>;
    async fn service_principal(&self, id: Uuid) -> FaultResult<ServicePrincipal>;
    async fn service_principal_credentials(
        &self,
        id: Uuid,
    ) -> FaultResult<Vec<ServicePrincipalCredential>>;
    /// Removes these of a service principal's credentials (the operation checked they exist).
    async fn remove_service_principal_credentials(
        &self,
        id: Uuid,
        key_ids: Vec<Uuid>,
    ) -> FaultResult<Outcome>;
    async fn new_service_principal(
        &self,
        request: NewPrincipal,
    ) -> FaultResult<CreatedServicePrincipal>;
    /// Stores what `domain::service_principals::changed` made (`changed` is not empty).
    async fn set_service_principal(
        &self,
        after: ServicePrincipal,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome>;
    /// Deletes a service principal with its credentials and its role and group memberships.
    async fn remove_service_principal(&self, id: Uuid) -> FaultResult<Outcome>;
    /// Adds a credential that `domain::service_principals::new_credential` made.
    async fn add_service_principal_credential(
        &self,
        credential: ServicePrincipalCredential,
    ) -> FaultResult<Outcome>;
}

/// Security groups: Get-, New-, Set-, Remove-MsolGroup and Get-, Add-, Remove-MsolGroupMember.
#[async_trait]
pub trait GroupDirectory {
    async fn new_group(&self, params: NewGroupParams) -> FaultResult<Group>;
    async fn set_group(&self, params: SetGroupParams) -> FaultResult<Outcome>;
    async fn remove_group(&self, id: Uuid) -> FaultResult<Outcome>;
    async fn add_group_member(&self, params: GroupMemberChangeParams) -> FaultResult<Outcome>;
    async fn remove_group_member(&self, params: GroupMemberChangeParams) -> FaultResult<Outcome>;
    async fn groups(&self, query: &GroupQuery, page: PageRequest) -> FaultResult<Page<Group>>;
    async fn group(&self, id: Uuid) -> FaultResult<Group>;
    async fn group_members(
        &self,
        group: Uuid,
        query: &MemberQuery<GroupMemberType>,
        page: PageRequest,
    ) -> FaultResult<Page<GroupMember>>;
}

/// Mail contacts: Get-MsolContact. Neither backend writes them: they are synchronized from
/// on-premises Active Directory or made in Exchange Online (Graph's orgContact is read-only).
#[async_trait]
pub trait ContactDirectory {
    /// Every contact (listings filter, sort and page them whole, as for groups).
    async fn contacts(&self) -> FaultResult<Vec<Contact>>;
    async fn contact(&self, id: Uuid) -> FaultResult<Contact>;
}

/// Devices: Get-, Enable-, Disable- and Remove-MsolDevice.
#[async_trait]
pub trait DeviceDirectory {
    /// The devices `query` may list, in any order: the backend applies the owner filter and fills
    /// owners on request; it may also filter by name. The handler applies `domain::devices`'
    /// rules to whatever comes back, then sorts and pages the list whole.
    async fn devices(&self, query: &DeviceQuery) -> FaultResult<Vec<Device>>;
    /// One device; `with_owners` fills its RegisteredOwners.
    async fn device(&self, key: DeviceKey, with_owners: bool) -> FaultResult<Device>;
    /// Enables or disables a device; writes only a real change.
    async fn set_device_enabled(&self, key: DeviceKey, enabled: bool) -> FaultResult<Outcome>;
    async fn remove_device(&self, key: DeviceKey) -> FaultResult<Outcome>;
    async fn device_registration_policy(&self) -> FaultResult<DeviceRegistrationServicePolicy>;
    /// Stores the policy `domain::devices::apply_registration_policy` made; `changed` is not
    /// empty.
    async fn set_device_registration_policy(
        &self,
        policy: DeviceRegistrationServicePolicy,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome>;
}

/// Administrative units, their members and the roles scoped to them: Get-, New-, Set- and
/// Remove-MsolAdministrativeUnit, Add-, Get- and Remove-MsolAdministrativeUnitMember, Add-, Get-
/// and Remove-MsolScopedRoleMember. Listings come back whole; the handler applies
/// `domain::administrative_units`' filters, sorts and pages them.
#[async_trait]
pub trait AdministrativeUnitDirectory {
    /// Every unit, or the units `member` (a user's ObjectId) is a direct member of.
    async fn administrative_units(
        &self,
        member: Option<Uuid>,
    ) -> FaultResult<Vec<AdministrativeUnit>>;
    async fn administrative_unit(&self, id: Uuid) -> FaultResult<AdministrativeUnit>;
    /// Creates the unit `domain::administrative_units::new_unit` made; the backend may give it
    /// an ObjectId of its own.
    async fn new_administrative_unit(
        &self,
        unit: AdministrativeUnit,
    ) -> FaultResult<AdministrativeUnit>;
    /// Stores the changes `domain::administrative_units::apply_changes` made; `changed` is not
    /// empty.
    async fn save_administrative_unit(
        &self,
        unit: AdministrativeUnit,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome>;
    /// Deletes a unit with its memberships and scoped role assignments (its members stay).
    async fn remove_administrative_unit(&self, id: Uuid) -> FaultResult<Outcome>;
    async fn administrative_unit_members(
        &self,
        unit: Uuid,
    ) -> FaultResult<Vec<AdministrativeUnitMember>>;
    /// Adds a user, group or device; an existing member is `AdministrativeUnitMemberAlreadyExists`.
    async fn add_administrative_unit_member(
        &self,
        unit: Uuid,
        member: Uuid,
    ) -> FaultResult<Outcome>;
    async fn remove_administrative_unit_member(
        &self,
        unit: Uuid,
        member: Uuid,
    ) -> FaultResult<Outcome>;
    /// The role assignments scoped to one unit (`role` is a template id, checked scopable).
    async fn scoped_role_members(&self, unit: Uuid) -> FaultResult<Vec<RoleScopedMember>>;
    /// Gives `user` the role over the unit; a repeat is `RoleMemberAlreadyExists`.
    async fn add_scoped_role_member(
        &self,
        unit: Uuid,
        role: Uuid,
        user: Uuid,
    ) -> FaultResult<Outcome>;
    /// Takes the role over the unit from `user`; without one, `RoleMemberNotFound`.
    async fn remove_scoped_role_member(
        &self,
        unit: Uuid,
        role: Uuid,
        user: Uuid,
    ) -> FaultResult<Outcome>;
}

/// Directory settings and their templates: Get-MsolAllSettingTemplate, Get-MsolSettingTemplate,
/// Get-MsolAllSettings, Get-, New-, Set- and Remove-MsolSettings. `group` is `None` for the
/// tenant's settings; `domain::directory_settings` makes and changes them.
#[async_trait]
pub trait DirectorySettingDirectory {
    async fn setting_templates(&self) -> FaultResult<Vec<SettingTemplate>>;
    /// The settings of the tenant or of one group (an unknown group is `GroupNotFound`).
    async fn directory_settings(&self, group: Option<Uuid>) -> FaultResult<Vec<DirectorySetting>>;
    /// Stores a new setting; the backend may give it an id of its own.
    async fn new_directory_setting(
        &self,
        group: Option<Uuid>,
        setting: DirectorySetting,
    ) -> FaultResult<DirectorySetting>;
    /// Stores a changed setting whole; `changed` names the values that changed and is not empty.
    async fn save_directory_setting(
        &self,
        group: Option<Uuid>,
        setting: DirectorySetting,
        changed: Vec<String>,
    ) -> FaultResult<Outcome>;
    async fn remove_directory_setting(&self, group: Option<Uuid>, id: Uuid)
        -> FaultResult<Outcome>;
}
