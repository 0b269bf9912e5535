//! The embedded local tenant: a real, durable directory in one SQLite file, for trying,
//! testing and rehearsing scripts offline.

mod migrations;
pub mod store;

use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use async_trait::async_trait;
use uuid::Uuid;

use super::{
    AdministrativeUnitDirectory, CompanyDirectory, ContactDirectory, CreatedServicePrincipal,
    CreatedUser, DeviceDirectory, Directory, DirectorySettingDirectory, GroupDirectory, GroupQuery,
    LicenseDirectory, MemberQuery, MemberRef, NewPrincipal, Outcome, Page, PageRequest,
    RoleDirectory, ServicePrincipalDirectory, UserDirectory, UserQuery,
};
use crate::domain::devices::{DeviceKey, DeviceQuery};
use crate::domain::fault::{Fault, FaultResult};
use crate::domain::model::DomainFederationSettings;
use crate::domain::model::{
    AccountSku, AdministrativeUnit, AdministrativeUnitMember, CompanyInformation,
    CompanySubscription, Contact, Device, DeviceRegistrationServicePolicy, DirSyncConfiguration,
    DirSyncFeature, DirSyncProvisioningErrorObject, DirSyncSettings, DirectorySetting, Domain,
    DomainRecord, Group, GroupMember, GroupMemberType, PasswordPolicy, Role, RoleMember,
    RoleMemberType, RoleScopedMember, ServicePrincipal, ServicePrincipalCredential,
    SettingTemplate, User,
};
use crate::domain::requests::{
    CompanyContacts, GroupMemberChangeParams, NewGroupParams, NewUserParams, RemoveUserParams,
    RestoreUserParams, SetCompanySettingsParams, SetGroupParams, SetUserLicenseParams,
    SetUserParams, SetUserPasswordParams, SetUserPrincipalNameParams, UserRef,
};
use crate::domain::roles;
use crate::domain::time::Timestamp;
pub use store::Store;

#[derive(Clone)]
pub struct LocalDirectory {
    store: Arc<Store>,
}

impl LocalDirectory {
    /// Opens an initialized tenant file.
    pub fn open(path: &Path) -> Result<LocalDirectory> {
        let store = Store::open(path)?;
        if !store.is_initialized()? {
            anyhow::bail!(
                "{} holds no tenant yet: create one with 'msol-bridge tenant init' or 'msol-bridge tenant demo'",
                path.display()
            );
        }
        Ok(LocalDirectory {
            store: Arc::new(store),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs blocking SQLite work on tokio's blocking pool, keeping the async workers free.
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> FaultResult<T> + Send + 'static,
    ) -> FaultResult<T> {
        let store = Arc::clone(&self.store);
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || span.in_scope(|| work(&store)))
            .await
            .map_err(|e| {
                Fault::Unexpected(anyhow::anyhow!("a tenant file operation stopped: {e}"))
            })?
    }
}

#[async_trait]
impl ContactDirectory for LocalDirectory {
    async fn contacts(&self) -> FaultResult<Vec<Contact>> {
        self.blocking(|store| store.contacts()).await
    }

    async fn contact(&self, id: Uuid) -> FaultResult<Contact> {
        self.blocking(move |store| store.contact(id)).await
    }
}

#[async_trait]
impl DeviceDirectory for LocalDirectory {
    async fn devices(&self, query: &DeviceQuery) -> FaultResult<Vec<Device>> {
        let query = query.clone();
        self.blocking(move |store| store.devices(&query)).await
    }

    async fn device(&self, key: DeviceKey, with_owners: bool) -> FaultResult<Device> {
        self.blocking(move |store| store.device(key, with_owners))
            .await
    }

    async fn set_device_enabled(&self, key: DeviceKey, enabled: bool) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_device_enabled(key, enabled))
            .await
    }

    async fn remove_device(&self, key: DeviceKey) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_device(key)).await
    }

    async fn device_registration_policy(&self) -> FaultResult<DeviceRegistrationServicePolicy> {
        self.blocking(|store| store.device_registration_policy())
            .await
    }

    async fn set_device_registration_policy(
        &self,
        policy: DeviceRegistrationServicePolicy,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_device_registration_policy(&policy, changed))
            .await
    }
}

#[async_trait]
impl DirectorySettingDirectory for LocalDirectory {
    async fn setting_templates(&self) -> FaultResult<Vec<SettingTemplate>> {
        Ok(crate::domain::directory_settings::local_templates())
    }

    async fn directory_settings(&self, group: Option<Uuid>) -> FaultResult<Vec<DirectorySetting>> {
        self.blocking(move |store| store.directory_settings(group))
            .await
    }

    async fn new_directory_setting(
        &self,
        group: Option<Uuid>,
        setting: DirectorySetting,
    ) -> FaultResult<DirectorySetting> {
        self.blocking(move |store| {
            store.new_directory_setting(group, &setting)?;
            Ok(setting)
        })
        .await
    }

    async fn save_directory_setting(
        &self,
        group: Option<Uuid>,
        setting: DirectorySetting,
        changed: Vec<String>,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| {
            store.save_directory_setting(group, &setting)?;
            Ok(Outcome::of(setting.id, changed))
        })
        .await
    }

    async fn remove_directory_setting(
        &self,
        group: Option<Uuid>,
        id: Uuid,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_directory_setting(group, id))
            .await
    }
}

#[async_trait]
impl AdministrativeUnitDirectory for LocalDirectory {
    async fn administrative_units(
        &self,
        member: Option<Uuid>,
    ) -> FaultResult<Vec<AdministrativeUnit>> {
        self.blocking(move |store| store.administrative_units(member))
            .await
    }

    async fn administrative_unit(&self, id: Uuid) -> FaultResult<AdministrativeUnit> {
        self.blocking(move |store| store.administrative_unit(id))
            .await
    }

    async fn new_administrative_unit(
        &self,
        unit: AdministrativeUnit,
    ) -> FaultResult<AdministrativeUnit> {
        self.blocking(move |store| {
            store.save_administrative_unit(&unit, true)?;
            Ok(unit)
        })
        .await
    }

    async fn save_administrative_unit(
        &self,
        unit: AdministrativeUnit,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| {
            store.save_administrative_unit(&unit, false)?;
            Ok(Outcome::of(unit.object_id, changed))
        })
        .await
    }

    async fn remove_administrative_unit(&self, id: Uuid) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_administrative_unit(id))
            .await
    }

    async fn administrative_unit_members(
        &self,
        unit: Uuid,
    ) -> FaultResult<Vec<AdministrativeUnitMember>> {
        self.blocking(move |store| store.administrative_unit_members(unit))
            .await
    }

    async fn add_administrative_unit_member(
        &self,
        unit: Uuid,
        member: Uuid,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.add_administrative_unit_member(unit, member))
            .await
    }

    async fn remove_administrative_unit_member(
        &self,
        unit: Uuid,
        member: Uuid,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_administrative_unit_member(unit, member))
            .await
    }

    async fn scoped_role_members(&self, unit: Uuid) -> FaultResult<Vec<RoleScopedMember>> {
        self.blocking(move |store| store.scoped_role_members(unit))
            .await
    }

    async fn add_scoped_role_member(
        &self,
        unit: Uuid,
        role: Uuid,
        user: Uuid,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.add_scoped_role_member(unit, role, user))
            .await
    }

    async fn remove_scoped_role_member(
        &self,
        unit: Uuid,
        role: Uuid,
        user: Uuid,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_scoped_role_member(unit, role, user))
            .await
    }
}

#[async_trait]
impl ServicePrincipalDirectory for LocalDirectory {
    async fn new_service_principal(
        &self,
        request: NewPrincipal,
    ) -> FaultResult<CreatedServicePrincipal> {
        self.blocking(move |store| store.new_service_principal(request))
            .await
    }

    async fn set_service_principal(
        &self,
        after: ServicePrincipal,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_service_principal(after, changed))
            .await
    }

    async fn remove_service_principal(&self, id: Uuid) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_service_principal(id))
            .await
    }

    async fn service_principals(&self) -> FaultResult<Vec<ServicePrincipal>> {
        self.blocking(|store| store.service_principals()).await
    }

    async fn service_principal(&self, id: Uuid) -> FaultResult<ServicePrincipal> {
        self.blocking(move |store| store.service_principal(id))
            .await
    }

    async fn service_principal_credentials(
        &self,
        id: Uuid,
    ) -> FaultResult<Vec<ServicePrincipalCredential>> {
        self.blocking(move |store| store.service_principal_credentials(id))
            .await
    }

    async fn remove_service_principal_credentials(
        &self,
        id: Uuid,
        key_ids: Vec<Uuid>,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_service_principal_credentials(id, &key_ids))
            .await
    }

    async fn add_service_principal_credential(
        &self,
        credential: ServicePrincipalCredential,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.add_service_principal_credential(credential))
            .await
    }
}

impl Directory for LocalDirectory {
    fn backend(&self) -> &'static str {
        "local"
    }
}

#[async_trait]
impl CompanyDirectory for LocalDirectory {
    async fn company_information(&self) -> FaultResult<CompanyInformation> {
        self.blocking(|store| store.company_information()).await
    }

    async fn objects_with_dir_sync_provisioning_errors(
        &self,
    ) -> FaultResult<Vec<DirSyncProvisioningErrorObject>> {
        self.blocking(|store| store.objects_with_dir_sync_provisioning_errors())
            .await
    }

    async fn set_company_settings(&self, params: SetCompanySettingsParams) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_company_settings(&params))
            .await
    }

    async fn set_default_domain(&self, name: &str) -> FaultResult<Outcome> {
        let name = name.to_string();
        self.blocking(move |store| store.set_default_domain(&name))
            .await
    }

    async fn domain_references(&self, domain: &str) -> FaultResult<Vec<String>> {
        let domain = domain.to_string();
        self.blocking(move |store| store.domain_references(&domain))
            .await
    }

    async fn remove_domain(&self, name: &str) -> FaultResult<Outcome> {
        let name = name.to_string();
        self.blocking(move |store| store.remove_domain(&name)).await
    }

    async fn add_domain(&self, domain: Domain) -> FaultResult<Domain> {
        self.blocking(move |store| store.add_domain(&domain)).await
    }

    async fn domain_verification_records(&self, name: &str) -> FaultResult<Vec<DomainRecord>> {
        let name = name.to_string();
        self.blocking(move |store| store.domain_verification_records(&name))
            .await
    }

    async fn verify_domain(&self, name: &str) -> FaultResult<Outcome> {
        let name = name.to_string();
        self.blocking(move |store| store.verify_domain(&name)).await
    }

    async fn domains(&self) -> FaultResult<Vec<Domain>> {
        self.blocking(|store| store.domains()).await
    }

    async fn set_company_contacts(&self, contacts: CompanyContacts) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_company_contacts(&contacts))
            .await
    }

    async fn domain_federation(&self, domain: &str) -> FaultResult<DomainFederationSettings> {
        let domain = domain.to_string();
        self.blocking(move |store| store.domain_federation(&domain))
            .await
    }

    async fn set_domain_federation(
        &self,
        domain: &str,
        settings: DomainFederationSettings,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        let domain = domain.to_string();
        self.blocking(move |store| store.set_domain_federation(&domain, &settings, changed))
            .await
    }

    async fn set_domain_authentication(
        &self,
        domain: &str,
        settings: Option<DomainFederationSettings>,
    ) -> FaultResult<Outcome> {
        let domain = domain.to_string();
        self.blocking(move |store| store.set_domain_authentication(&domain, settings.as_ref()))
            .await
    }

    async fn dir_sync_settings(&self) -> FaultResult<DirSyncSettings> {
        self.blocking(|store| store.dir_sync_settings()).await
    }

    async fn set_dir_sync_feature(
        &self,
        feature: DirSyncFeature,
        enable: bool,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_dir_sync_feature(feature, enable))
            .await
    }

    async fn set_dir_sync_configuration(
        &self,
        configuration: DirSyncConfiguration,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_dir_sync_configuration(configuration))
            .await
    }

    async fn set_dir_sync_enabled(&self, enable: bool) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_dir_sync_enabled(enable, Timestamp::now()))
            .await
    }

    async fn password_policy(&self, domain: &str) -> FaultResult<PasswordPolicy> {
        let domain = domain.to_string();
        self.blocking(move |store| store.password_policy(&domain))
            .await
    }

    async fn set_password_policy(
        &self,
        domain: &str,
        policy: PasswordPolicy,
    ) -> FaultResult<Outcome> {
        let domain = domain.to_string();
        self.blocking(move |store| store.set_password_policy(&domain, policy))
            .await
    }
}

#[async_trait]
impl LicenseDirectory for LocalDirectory {
    async fn account_skus(&self) -> FaultResult<Vec<AccountSku>> {
        self.blocking(|store| store.account_skus()).await
    }

    async fn company_subscriptions(&self) -> FaultResult<Vec<CompanySubscription>> {
        self.blocking(|store| store.company_subscriptions()).await
    }

    async fn set_user_license(&self, params: SetUserLicenseParams) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_user_license(params))
            .await
    }
}

#[async_trait]
impl UserDirectory for LocalDirectory {
    async fn list_users(&self, query: &UserQuery, page: PageRequest) -> FaultResult<Page<User>> {
        let query = query.clone();
        self.blocking(move |store| store.list_users(&query, &page))
            .await
    }

    async fn count_users(&self) -> FaultResult<u64> {
        self.blocking(|store| store.count_users()).await
    }

    async fn get_user(&self, user: &UserRef, deleted: bool) -> FaultResult<User> {
        let user = user.clone();
        self.blocking(move |store| store.get_user(&user, deleted))
            .await
    }

    async fn new_user(&self, params: NewUserParams) -> FaultResult<CreatedUser> {
        self.blocking(move |store| store.new_user(params, Timestamp::now()))
            .await
    }

    async fn set_user(&self, params: SetUserParams) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_user(params, Timestamp::now()))
            .await
    }

    async fn remove_user(&self, params: RemoveUserParams) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_user(params, Timestamp::now()))
            .await
    }

    async fn restore_user(&self, params: RestoreUserParams) -> FaultResult<Outcome> {
        self.blocking(move |store| store.restore_user(params, Timestamp::now()))
            .await
    }

    async fn set_user_password(
        &self,
        params: SetUserPasswordParams,
    ) -> FaultResult<Option<String>> {
        self.blocking(move |store| store.set_user_password(params, Timestamp::now()))
            .await
    }

    async fn set_user_principal_name(
        &self,
        params: SetUserPrincipalNameParams,
    ) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_user_principal_name(params))
            .await
    }

    async fn reset_strong_authentication(&self, user: &UserRef) -> FaultResult<Outcome> {
        let user = user.clone();
        self.blocking(move |store| store.reset_strong_authentication(&user))
            .await
    }
}

#[async_trait]
impl RoleDirectory for LocalDirectory {
    async fn roles(&self) -> FaultResult<Vec<Role>> {
        Ok(roles::all())
    }

    async fn role_members(
        &self,
        role: Uuid,
        query: &MemberQuery<RoleMemberType>,
        page: PageRequest,
    ) -> FaultResult<Page<RoleMember>> {
        let query = query.clone();
        self.blocking(move |store| store.role_members(role, &query, &page))
            .await
    }

    async fn add_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome> {
        let member = member.clone();
        self.blocking(move |store| store.add_role_member(role, &member))
            .await
    }

    async fn remove_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome> {
        let member = member.clone();
        self.blocking(move |store| store.remove_role_member(role, &member))
            .await
    }

    async fn user_roles(&self, user: &UserRef) -> FaultResult<Vec<Role>> {
        let user = user.clone();
        self.blocking(move |store| store.user_roles(&user)).await
    }
}

#[async_trait]
impl GroupDirectory for LocalDirectory {
    async fn new_group(&self, params: NewGroupParams) -> FaultResult<Group> {
        self.blocking(move |store| store.new_group(&params)).await
    }

    async fn set_group(&self, params: SetGroupParams) -> FaultResult<Outcome> {
        self.blocking(move |store| store.set_group(&params)).await
    }

    async fn remove_group(&self, id: Uuid) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_group(id)).await
    }

    async fn add_group_member(&self, params: GroupMemberChangeParams) -> FaultResult<Outcome> {
        self.blocking(move |store| store.add_group_member(&params))
            .await
    }

    async fn remove_group_member(&self, params: GroupMemberChangeParams) -> FaultResult<Outcome> {
        self.blocking(move |store| store.remove_group_member(&params))
            .await
    }

    async fn groups(&self, query: &GroupQuery, page: PageRequest) -> FaultResult<Page<Group>> {
        let query = query.clone();
        self.blocking(move |store| store.groups(&query, &page))
            .await
    }

    async fn group(&self, id: Uuid) -> FaultResult<Group> {
        self.blocking(move |store| store.group(id)).await
    }

    async fn group_members(
        &self,
        group: Uuid,
        query: &MemberQuery<GroupMemberType>,
        page: PageRequest,
    ) -> FaultResult<Page<GroupMember>> {
        let query = query.clone();
        self.blocking(move |store| store.group_members(group, &query, &page))
            .await
    }
}
