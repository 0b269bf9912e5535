//! A whole tenant as one JSON document, in the API's own shapes: what `tenant import` reads and
//! `tenant export` writes. It is also how data admins cannot set through MSOnline (registered
//! phone apps, synchronization state, service principals) gets into a local tenant.

pub mod demo;
pub mod diff;

use std::collections::{HashMap, HashSet};

use anyhow::{bail, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::domains::PublishedDnsRecord;
use crate::domain::model::DomainFederationSettings;
use crate::domain::model::{
    AdministrativeUnit, CompanyInformation, Contact, Device, DeviceRegistrationServicePolicy,
    DirSyncSettings, DirectorySetting, Domain, DomainAuthenticationType, DomainCapability,
    DomainStatus, DomainVerificationMethod, Group, PasswordPolicy, RoleMemberType, ServicePlan,
    ServicePrincipal, ServicePrincipalCredential, SkuTargetClass, Subscription, User,
};
use crate::domain::roles;
use crate::domain::time::Timestamp;
use crate::domain::{domains as domain_rules, licensing};

pub const SNAPSHOT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RoleAssignment {
    pub role_object_id: Uuid,
    pub member_object_id: Uuid,
    pub role_member_type: RoleMemberType,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GroupMembership {
    pub group_object_id: Uuid,
    pub member_object_id: Uuid,
}

/// A member of an administrative unit in a tenant file: a user, group or device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AdministrativeUnitMembership {
    pub administrative_unit_object_id: Uuid,
    pub member_object_id: Uuid,
}

/// A user's role over one administrative unit in a tenant file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ScopedRoleAssignment {
    pub administrative_unit_object_id: Uuid,
    pub role_object_id: Uuid,
    pub member_object_id: Uuid,
}

/// A federated domain's federation settings in a tenant file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct FederatedDomainSettings {
    pub domain_name: String,
    pub settings: DomainFederationSettings,
}

/// A directory setting in a tenant file, with the group it belongs to (none: the tenant's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct OwnedDirectorySetting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_object_id: Option<Uuid>,
    pub setting: DirectorySetting,
}

/// The tenant file format of `msol-bridge tenant import` / `export`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TenantSnapshot {
    /// The format's version (1).
    pub version: u32,
    pub company: CompanyInformation,
    pub domains: Vec<Domain>,
    #[serde(default)]
    pub subscriptions: Vec<Subscription>,
    /// Every user; those with a `SoftDeletionTimestamp` are in the recycle bin.
    #[serde(default)]
    pub users: Vec<User>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub service_principals: Vec<ServicePrincipal>,
    #[serde(default)]
    pub role_assignments: Vec<RoleAssignment>,
    #[serde(default)]
    pub group_memberships: Vec<GroupMembership>,
    /// When directory synchronization was last turned off: it can be turned back on 72 hours
    /// later (Set-MsolDirSyncEnabled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir_sync_turned_off_at: Option<Timestamp>,
    /// Directory synchronization's features and accidental deletion guard
    /// (Set-MsolDirSyncFeature, Set-MsolDirSyncConfiguration); left out: a new tenant's defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir_sync_settings: Option<DirSyncSettings>,
    /// The device registration policy (Set-MsolDeviceRegistrationServicePolicy); left out: a new
    /// tenant's defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_registration_policy: Option<DeviceRegistrationServicePolicy>,
    /// Service principals' credential keys (New-MsolServicePrincipalCredential).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_principal_credentials: Vec<ServicePrincipalCredential>,
    /// Verified domains' password policies (Set-MsolPasswordPolicy); other domains have the
    /// service defaults.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub password_policies: Vec<DomainPasswordPolicy>,
    /// Mail contacts (Get-MsolContact); they can be members of groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Registered devices (Get-MsolDevice); RegisteredOwners name users by user principal name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<Device>,
    /// Administrative units (New-MsolAdministrativeUnit).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub administrative_units: Vec<AdministrativeUnit>,
    /// Administrative units' users, groups and devices, by ObjectId.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub administrative_unit_memberships: Vec<AdministrativeUnitMembership>,
    /// Users' roles over one administrative unit (Add-MsolScopedRoleMember).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scoped_role_assignments: Vec<ScopedRoleAssignment>,
    /// Federated domains' federation settings (Set-MsolDomainAuthentication); every federated
    /// domain has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domain_federation_settings: Vec<FederatedDomainSettings>,
    /// Directory settings made from templates (New-MsolSettings), the tenant's and groups'.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directory_settings: Vec<OwnedDirectorySetting>,
    /// What the public DNS answers for the tenant's domains, as rehearsals see it: the records an
    /// admin published at a domain's DNS host, which Confirm-MsolDomain looks for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published_dns_records: Vec<PublishedDnsRecord>,
}

/// One domain's password policy in a tenant file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DomainPasswordPolicy {
    pub domain_name: String,
    pub policy: PasswordPolicy,
}

/// Office 365 E3 with its service plans: what a new tenant subscribes to (25 units).
pub fn office_365_e3(active_units: i32) -> Subscription {
    subscription(
        "6fd2c87f-b296-42f0-b197-1e91e994b900",
        "ENTERPRISEPACK",
        active_units,
        &[
            (
                "EXCHANGE_S_ENTERPRISE",
                "efb87545-963c-4e0d-99df-69c6916d9eb0",
                "Exchange",
            ),
            (
                "SHAREPOINTENTERPRISE",
                "5dbe027f-2339-4123-9542-606e4d348a72",
                "SharePoint",
            ),
            (
                "MCOSTANDARD",
                "0feaeb32-d00e-4d66-bd5a-43b5b83db82c",
                "MicrosoftCommunicationsOnline",
            ),
            (
                "TEAMS1",
                "57ff2da0-773e-42df-b2af-ffb7a2317929",
                "TeamspaceAPI",
            ),
            (
                "OFFICESUBSCRIPTION",
                "43de0ff5-c92c-492b-9116-175376d08c38",
                "MicrosoftOffice",
            ),
        ],
    )
}

pub fn subscription(
    sku_id: &str,
    part_number: &str,
    active_units: i32,
    plans: &[(&str, &str, &str)],
) -> Subscription {
    Subscription {
        sku_id: Uuid::parse_str(sku_id).expect("SKU ids are valid"),
        sku_part_number: part_number.to_string(),
        active_units,
        warning_units: 0,
        suspended_units: 0,
        service_plans: plans
            .iter()
            .map(|(name, id, service_type)| ServicePlan {
                service_name: name.to_string(),
                service_plan_id: Uuid::parse_str(id).expect("service plan ids are valid"),
                service_type: service_type.to_string(),
                target_class: SkuTargetClass::User,
            })
            .collect(),
        subscription_ids: Vec::new(),
        terms: Vec::new(),
    }
}

pub fn managed_domain(name: &str, is_initial: bool, is_default: bool) -> Domain {
    Domain {
        name: name.to_string(),
        status: DomainStatus::Verified,
        authentication: DomainAuthenticationType::Managed,
        capabilities: if is_initial {
            vec![
                DomainCapability::Email,
                DomainCapability::OfficeCommunicationsOnline,
            ]
        } else {
            vec![
                DomainCapability::Email,
                DomainCapability::Sharepoint,
                DomainCapability::OfficeCommunicationsOnline,
            ]
        },
        is_default,
        is_initial,
        root_domain: None,
        verification_method: DomainVerificationMethod::DnsRecord,
    }
}

/// A new tenant: company information, one verified initial domain, the built-in roles (which
/// are constant) and one subscription with free units.
pub fn new_tenant(
    display_name: &str,
    initial_domain: &str,
    object_id: Uuid,
    now: Timestamp,
) -> Result<TenantSnapshot> {
    let domain = initial_domain.trim().to_ascii_lowercase();
    if !domain.ends_with(".onmicrosoft.com")
        || domain.len() <= ".onmicrosoft.com".len()
        || domain.contains(char::is_whitespace)
    {
        bail!("the initial domain must be <name>.onmicrosoft.com, like contoso.onmicrosoft.com; '{initial_domain}' is not");
    }
    let mut e3 = office_365_e3(25);
    licensing::complete_terms(&mut e3, Uuid::new_v4(), Some(now));
    Ok(TenantSnapshot {
        version: SNAPSHOT_VERSION,
        company: CompanyInformation {
            object_id,
            display_name: display_name.to_string(),
            initial_domain: domain.clone(),
            street: None,
            city: None,
            state: None,
            postal_code: None,
            country: None,
            country_letter_code: Some("US".to_string()),
            telephone_number: None,
            default_usage_location: Some("US".to_string()),
            preferred_language: Some("en".to_string()),
            technical_notification_emails: Vec::new(),
            marketing_notification_emails: Vec::new(),
            security_compliance_notification_emails: Vec::new(),
            security_compliance_notification_phones: Vec::new(),
            directory_synchronization_enabled: false,
            directory_synchronization_status: "Disabled".to_string(),
            last_dir_sync_time: None,
            password_synchronization_enabled: false,
            last_password_sync_time: None,
            self_serve_password_reset_enabled: Some(false),
            users_permission_to_create_groups_enabled: Some(true),
            users_permission_to_create_lob_apps_enabled: Some(true),
            users_permission_to_read_other_users_enabled: Some(true),
            users_permission_to_user_consent_to_app_enabled: Some(true),
            allow_ad_hoc_subscriptions: Some(true),
            allow_email_verified_users: Some(true),
            company_type: "CompanyTenant".to_string(),
            when_created: now,
        },
        domains: vec![managed_domain(&domain, true, true)],
        subscriptions: vec![e3],
        users: Vec::new(),
        groups: Vec::new(),
        service_principals: first_party_service_principals(),
        role_assignments: Vec::new(),
        group_memberships: Vec::new(),
        dir_sync_turned_off_at: None,
        dir_sync_settings: None,
        device_registration_policy: None,
        password_policies: Vec::new(),
        service_principal_credentials: Vec::new(),
        contacts: Vec::new(),
        devices: Vec::new(),
        administrative_units: Vec::new(),
        administrative_unit_memberships: Vec::new(),
        scoped_role_assignments: Vec::new(),
        directory_settings: Vec::new(),
        domain_federation_settings: Vec::new(),
        published_dns_records: Vec::new(),
    })
}

/// Microsoft's own applications every tenant holds, whose well-known ids hybrid scripts register
/// certificates with (New-MsolServicePrincipalCredential's documentation: Exchange, SharePoint,
/// Lync); the names are the service principals' display names in Entra.
pub fn first_party_service_principals() -> Vec<ServicePrincipal> {
    [
        (
            "00000002-0000-0ff1-ce00-000000000000",
            "Office 365 Exchange Online",
            "outlook.office365.com",
        ),
        (
            "00000003-0000-0ff1-ce00-000000000000",
            "Office 365 SharePoint Online",
            "microsoft.sharepoint-df.com",
        ),
        (
            "00000004-0000-0ff1-ce00-000000000000",
            "Skype for Business Online",
            "lync.com",
        ),
    ]
    .into_iter()
    .map(|(app_id, name, host)| ServicePrincipal {
        object_id: Uuid::new_v4(),
        app_principal_id: Uuid::parse_str(app_id).expect("well-known ids are valid"),
        display_name: name.to_string(),
        account_enabled: true,
        service_principal_names: vec![
            app_id.to_string(),
            format!("{app_id}/{host}"),
            format!("https://{host}/"),
        ],
        addresses: Vec::new(),
        trusted_for_delegation: false,
    })
    .collect()
}

/// The tenant's account name, as in AccountSkuIds: the initial domain's first label.
pub fn account_name(initial_domain: &str) -> String {
    initial_domain
        .split('.')
        .next()
        .unwrap_or(initial_domain)
        .to_string()
}

impl TenantSnapshot {
    /// The ObjectIds of a device's registered owners, which the file names by user principal name.
    pub fn device_owner_ids(&self, device: &Device) -> Vec<Uuid> {
        device
            .registered_owners
            .iter()
            .filter_map(|owner| {
                self.users
                    .iter()
                    .find(|u| u.user_principal_name.eq_ignore_ascii_case(owner))
                    .map(|u| u.object_id)
            })
            .collect()
    }

    /// Gives every subscription recorded without its commercial subscriptions one that holds all
    /// its units (tenant files from before they were recorded); their dates are unknown.
    pub fn complete_subscription_terms(&mut self) {
        for subscription in &mut self.subscriptions {
            licensing::complete_terms(subscription, Uuid::new_v4(), None);
        }
    }

    /// Checks what the JSON Schema cannot: references between objects and uniqueness.
    pub fn check(&self) -> Result<()> {
        if self.version != SNAPSHOT_VERSION {
            bail!(
                "Version is {}; this msol-bridge reads version {SNAPSHOT_VERSION}",
                self.version
            );
        }
        let initial: Vec<&Domain> = self.domains.iter().filter(|d| d.is_initial).collect();
        if initial.len() != 1
            || !initial[0]
                .name
                .eq_ignore_ascii_case(&self.company.initial_domain)
        {
            bail!(
                "Domains must hold exactly one IsInitial domain, the company's InitialDomain '{}'",
                self.company.initial_domain
            );
        }
        if self.domains.iter().filter(|d| d.is_default).count() != 1 {
            bail!("Domains must hold exactly one IsDefault domain");
        }
        let verified: HashSet<String> = self
            .domains
            .iter()
            .filter(|d| d.status == DomainStatus::Verified)
            .map(|d| d.name.to_ascii_lowercase())
            .collect();
        let mut policies = HashSet::new();
        for entry in &self.password_policies {
            let name = &entry.domain_name;
            if !verified.contains(&name.to_ascii_lowercase()) {
                bail!("PasswordPolicies: {name} is not a verified domain of the tenant");
            }
            if !policies.insert(name.to_ascii_lowercase()) {
                bail!("PasswordPolicies: {name} appears twice");
            }
            if let PasswordPolicy {
                validity_period: Some(validity),
                notification_days: Some(notification),
            } = entry.policy
            {
                domain_rules::password_policy(validity, notification)
                    .map_err(|fault| anyhow::anyhow!("PasswordPolicies: {name}: {fault}"))?;
            }
        }
        let mut skus = HashSet::new();
        for subscription in &self.subscriptions {
            if let Some(why) = licensing::terms_disagreement(subscription) {
                bail!(
                    "Subscriptions: {}: {why} (change the Terms with the units, or leave out Terms and SubscriptionIds to have one subscription made that holds every unit)",
                    subscription.sku_part_number
                );
            }
            if !skus.insert(subscription.sku_part_number.to_ascii_lowercase()) {
                bail!(
                    "Subscriptions: {} appears twice",
                    subscription.sku_part_number
                );
            }
        }
        let account = account_name(&self.company.initial_domain);
        let mut ids = HashSet::new();
        let mut active_upns = HashSet::new();
        for user in &self.users {
            if !ids.insert(user.object_id) {
                bail!("Users: ObjectId {} appears twice", user.object_id);
            }
            let upn = &user.user_principal_name;
            let domain = upn
                .rsplit_once('@')
                .map(|(_, d)| d.to_ascii_lowercase())
                .unwrap_or_default();
            if !verified.contains(&domain) {
                bail!("Users: {upn} is not in a verified domain of the tenant");
            }
            if user.soft_deletion_timestamp.is_none()
                && !active_upns.insert(upn.to_ascii_lowercase())
            {
                bail!("Users: UserPrincipalName {upn} appears twice");
            }
            for license in &user.licenses {
                let known = self.subscriptions.iter().any(|s| {
                    license
                        .account_sku_id
                        .eq_ignore_ascii_case(&format!("{account}:{}", s.sku_part_number))
                });
                if !known {
                    bail!(
                        "Users: {upn} holds {}, which is not among Subscriptions",
                        license.account_sku_id
                    );
                }
            }
            let mut derived = user.clone();
            licensing::refresh_derived(&mut derived);
            if derived.is_licensed != user.is_licensed
                || derived.license_assignment_details != user.license_assignment_details
            {
                bail!("Users: {upn} has IsLicensed or LicenseAssignmentDetails that disagree with its Licenses");
            }
        }
        let groups: HashMap<Uuid, &Group> = self.groups.iter().map(|g| (g.object_id, g)).collect();
        let principals: HashSet<Uuid> = self
            .service_principals
            .iter()
            .map(|p| p.object_id)
            .collect();
        let mut keys = HashSet::new();
        for credential in &self.service_principal_credentials {
            if !principals.contains(&credential.service_principal_object_id) {
                bail!(
                    "ServicePrincipalCredentials: {} is not among ServicePrincipals",
                    credential.service_principal_object_id
                );
            }
            if !keys.insert(credential.key_id) {
                bail!(
                    "ServicePrincipalCredentials: KeyId {} appears twice",
                    credential.key_id
                );
            }
        }
        for assignment in &self.role_assignments {
            if roles::by_id(assignment.role_object_id).is_none() {
                bail!(
                    "RoleAssignments: {} is not a built-in role's template id",
                    assignment.role_object_id
                );
            }
            let exists = match assignment.role_member_type {
                RoleMemberType::User => ids.contains(&assignment.member_object_id),
                RoleMemberType::ServicePrincipal => {
                    principals.contains(&assignment.member_object_id)
                }
                RoleMemberType::Group => groups.contains_key(&assignment.member_object_id),
                RoleMemberType::Other => false,
            };
            if !exists {
                bail!(
                    "RoleAssignments: no {:?} with ObjectId {} for role {}",
                    assignment.role_member_type,
                    assignment.member_object_id,
                    assignment.role_object_id
                );
            }
        }
        let mut contacts = HashSet::new();
        for contact in &self.contacts {
            let id = contact.object_id;
            if ids.contains(&id) || principals.contains(&id) || groups.contains_key(&id) {
                bail!("Contacts: ObjectId {id} is also another object's");
            }
            if !contacts.insert(id) {
                bail!("Contacts: ObjectId {id} appears twice");
            }
            if contact.display_name.trim().is_empty() {
                bail!("Contacts: {id} has no DisplayName");
            }
        }
        let mut devices = HashSet::new();
        let mut device_ids = HashSet::new();
        for device in &self.devices {
            let id = device.object_id;
            if ids.contains(&id)
                || principals.contains(&id)
                || groups.contains_key(&id)
                || contacts.contains(&id)
            {
                bail!("Devices: ObjectId {id} is also another object's");
            }
            if !devices.insert(id) {
                bail!("Devices: ObjectId {id} appears twice");
            }
            if !device_ids.insert(device.device_id) {
                bail!("Devices: DeviceId {} appears twice", device.device_id);
            }
            if device.display_name.trim().is_empty() {
                bail!("Devices: {id} has no DisplayName");
            }
            for owner in &device.registered_owners {
                if !self
                    .users
                    .iter()
                    .any(|u| u.user_principal_name.eq_ignore_ascii_case(owner))
                {
                    bail!(
                        "Devices: {id}'s registered owner {owner} is no user's UserPrincipalName"
                    );
                }
            }
        }
        let mut units = HashSet::new();
        for unit in &self.administrative_units {
            let id = unit.object_id;
            if ids.contains(&id)
                || principals.contains(&id)
                || groups.contains_key(&id)
                || contacts.contains(&id)
                || devices.contains(&id)
            {
                bail!("AdministrativeUnits: ObjectId {id} is also another object's");
            }
            if !units.insert(id) {
                bail!("AdministrativeUnits: ObjectId {id} appears twice");
            }
            if unit.display_name.trim().is_empty() {
                bail!("AdministrativeUnits: {id} has no DisplayName");
            }
        }
        let mut unit_members = HashSet::new();
        for membership in &self.administrative_unit_memberships {
            let unit = membership.administrative_unit_object_id;
            let member = membership.member_object_id;
            if !units.contains(&unit) {
                bail!("AdministrativeUnitMemberships: no administrative unit with ObjectId {unit}");
            }
            if !ids.contains(&member) && !groups.contains_key(&member) && !devices.contains(&member)
            {
                bail!("AdministrativeUnitMemberships: no user, group or device with ObjectId {member}");
            }
            if !unit_members.insert((unit, member)) {
                bail!("AdministrativeUnitMemberships: {member} appears twice in {unit}");
            }
        }
        let mut scoped = HashSet::new();
        for assignment in &self.scoped_role_assignments {
            let unit = assignment.administrative_unit_object_id;
            if !units.contains(&unit) {
                bail!("ScopedRoleAssignments: no administrative unit with ObjectId {unit}");
            }
            crate::domain::administrative_units::check_scopable(assignment.role_object_id)
                .map_err(|f| anyhow::anyhow!("ScopedRoleAssignments: {f}"))?;
            if !ids.contains(&assignment.member_object_id) {
                bail!(
                    "ScopedRoleAssignments: no user with ObjectId {}",
                    assignment.member_object_id
                );
            }
            if !scoped.insert((unit, assignment.role_object_id, assignment.member_object_id)) {
                bail!(
                    "ScopedRoleAssignments: {} holds role {} over {unit} twice",
                    assignment.member_object_id,
                    assignment.role_object_id
                );
            }
        }
        for federated in &self.domain_federation_settings {
            let Some(domain) = self
                .domains
                .iter()
                .find(|d| d.name.eq_ignore_ascii_case(&federated.domain_name))
            else {
                bail!(
                    "DomainFederationSettings: {} is none of the Domains",
                    federated.domain_name
                );
            };
            if domain.authentication != DomainAuthenticationType::Federated {
                bail!(
                    "DomainFederationSettings: {} is a managed domain",
                    domain.name
                );
            }
            crate::domain::domain_federation::check_complete(&federated.settings)
                .map_err(|f| anyhow::anyhow!("DomainFederationSettings: {}: {f}", domain.name))?;
        }
        for domain in self
            .domains
            .iter()
            .filter(|d| d.authentication == DomainAuthenticationType::Federated)
        {
            if !self
                .domain_federation_settings
                .iter()
                .any(|f| f.domain_name.eq_ignore_ascii_case(&domain.name))
            {
                bail!(
                    "Domains: {} is federated but DomainFederationSettings has no settings for it",
                    domain.name
                );
            }
        }
        let templates = crate::domain::directory_settings::local_templates();
        let mut owned = HashSet::new();
        for owned_setting in &self.directory_settings {
            let setting = &owned_setting.setting;
            let Some(template) = templates.iter().find(|t| t.id == setting.template_id) else {
                bail!(
                    "DirectorySettings: {} names no template the local tenant knows ({})",
                    setting.id,
                    setting.template_id
                );
            };
            if let Some(group) = owned_setting.target_object_id {
                if !groups.contains_key(&group) {
                    bail!(
                        "DirectorySettings: {} belongs to no group with ObjectId {group}",
                        setting.id
                    );
                }
            }
            crate::domain::directory_settings::check_template_for(
                template,
                owned_setting.target_object_id,
            )
            .map_err(|f| anyhow::anyhow!("DirectorySettings: {}: {f}", setting.id))?;
            let given = setting
                .values
                .iter()
                .map(|v| (v.name.clone(), v.value.clone()))
                .collect();
            crate::domain::directory_settings::new_setting(template, &given, setting.id)
                .map_err(|f| anyhow::anyhow!("DirectorySettings: {}: {f}", setting.id))?;
            if !owned.insert((owned_setting.target_object_id, setting.template_id)) {
                bail!(
                    "DirectorySettings: two {} settings for the same owner",
                    template.display_name
                );
            }
        }
        for membership in &self.group_memberships {
            if !groups.contains_key(&membership.group_object_id) {
                bail!(
                    "GroupMemberships: no group with ObjectId {}",
                    membership.group_object_id
                );
            }
            let member = membership.member_object_id;
            if !ids.contains(&member)
                && !principals.contains(&member)
                && !groups.contains_key(&member)
                && !contacts.contains(&member)
            {
                bail!(
                    "GroupMemberships: no user, service principal, group or contact with ObjectId {member}"
                );
            }
        }
        Ok(())
    }
}
