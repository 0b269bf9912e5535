//! The simulated tenant, in Microsoft Graph's own shapes (reference/graph.md). Whoever starts the
//! simulator seeds it; the simulator knows nothing of where the seed came from.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use uuid::Uuid;

/// Graph's fixed phone method ids, one per phone type (reference/graph.md 2.2).
pub const MOBILE_PHONE_ID: &str = "3179e48a-750b-4051-897c-87b9720928f7";
pub const ALTERNATE_MOBILE_PHONE_ID: &str = "b6332ec1-7057-4abe-9331-3d72feddfe41";
pub const OFFICE_PHONE_ID: &str = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
pub const PASSWORD_METHOD_ID: &str = "28c10230-6103-485e-b985-444c60001490";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PhoneType {
    Mobile,
    AlternateMobile,
    Office,
}

impl PhoneType {
    pub const ALL: [PhoneType; 3] = [
        PhoneType::Mobile,
        PhoneType::AlternateMobile,
        PhoneType::Office,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PhoneType::Mobile => "mobile",
            PhoneType::AlternateMobile => "alternateMobile",
            PhoneType::Office => "office",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            PhoneType::Mobile => MOBILE_PHONE_ID,
            PhoneType::AlternateMobile => ALTERNATE_MOBILE_PHONE_ID,
            PhoneType::Office => OFFICE_PHONE_ID,
        }
    }

    pub fn from_name(name: &str) -> Option<PhoneType> {
        PhoneType::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn from_id(id: &str) -> Option<PhoneType> {
        PhoneType::ALL
            .into_iter()
            .find(|t| t.id().eq_ignore_ascii_case(id))
    }
}

/// A registered Microsoft Authenticator or software OATH method (Graph can read and delete these, never create them).
#[derive(Clone, Debug)]
pub struct AppMethod {
    pub id: String,
    pub display_name: String,
    pub device_tag: String,
    pub phone_app_version: Option<String>,
    pub created: DateTime<Utc>,
}

/// A hardware OATH token assigned to a user (beta `hardwareOathAuthenticationMethod` and its
/// `device`, a `hardwareOathTokenAuthenticationMethodDevice`). Graph can read and deactivate it;
/// deactivated, it stays assigned but signs no one in.
#[derive(Clone, Debug)]
pub struct HardwareToken {
    pub id: String,
    pub serial_number: String,
    pub display_name: String,
    pub activated: bool,
}

/// A user resource. Profile properties serialize exactly as Graph names them; the authentication
/// data Graph keeps under `/authentication` is held beside them and never serialized with the user.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SimUser {
    pub id: Uuid,
    pub user_principal_name: String,
    pub display_name: Option<String>,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub job_title: Option<String>,
    pub department: Option<String>,
    pub office_location: Option<String>,
    pub street_address: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub business_phones: Vec<String>,
    pub mobile_phone: Option<String>,
    pub fax_number: Option<String>,
    pub preferred_language: Option<String>,
    pub preferred_data_location: Option<String>,
    pub usage_location: Option<String>,
    pub account_enabled: bool,
    pub password_policies: Option<String>,
    pub other_mails: Vec<String>,
    pub proxy_addresses: Vec<String>,
    pub mail: Option<String>,
    pub mail_nickname: Option<String>,
    pub user_type: String,
    pub created_date_time: String,
    pub last_password_change_date_time: Option<String>,
    pub sign_in_sessions_valid_from_date_time: Option<String>,
    pub on_premises_sync_enabled: Option<bool>,
    pub on_premises_last_sync_date_time: Option<String>,
    pub on_premises_immutable_id: Option<String>,
    /// onPremisesProvisioningError objects; Graph returns them only on `$select` (graph/api/
    /// resources/user).
    pub on_premises_provisioning_errors: Vec<Value>,
    pub assigned_licenses: Vec<AssignedLicense>,
    pub deleted_date_time: Option<String>,
    /// A deleted user's own user principal name, which a restore gives back.
    #[serde(skip)]
    pub upn_before_deletion: Option<String>,
    #[serde(skip)]
    pub auth: Authentication,
    #[serde(skip)]
    pub password: Option<String>,
}

impl SimUser {
    /// A cloud-only member user with nothing registered and no password, created now.
    pub fn new(id: Uuid, user_principal_name: String) -> SimUser {
        SimUser {
            id,
            user_principal_name,
            display_name: None,
            given_name: None,
            surname: None,
            job_title: None,
            department: None,
            office_location: None,
            street_address: None,
            city: None,
            state: None,
            postal_code: None,
            country: None,
            business_phones: Vec::new(),
            mobile_phone: None,
            fax_number: None,
            preferred_language: None,
            preferred_data_location: None,
            usage_location: None,
            account_enabled: true,
            password_policies: None,
            other_mails: Vec::new(),
            proxy_addresses: Vec::new(),
            mail: None,
            mail_nickname: None,
            user_type: "Member".to_string(),
            created_date_time: graph_time(Utc::now()),
            last_password_change_date_time: None,
            sign_in_sessions_valid_from_date_time: None,
            on_premises_sync_enabled: None,
            on_premises_last_sync_date_time: None,
            on_premises_immutable_id: None,
            on_premises_provisioning_errors: Vec::new(),
            assigned_licenses: Vec::new(),
            deleted_date_time: None,
            upn_before_deletion: None,
            auth: Authentication {
                per_user_mfa_state: "disabled".to_string(),
                ..Authentication::default()
            },
            password: None,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AssignedLicense {
    pub sku_id: Uuid,
    #[serde(default)]
    pub disabled_plans: Vec<Uuid>,
}

/// What Graph keeps under `/users/{id}/authentication`.
#[derive(Clone, Debug, Default)]
pub struct Authentication {
    /// `perUserMfaState`: `disabled`, `enabled` or `enforced`.
    pub per_user_mfa_state: String,
    pub phones: BTreeMap<PhoneType, String>,
    pub authenticators: Vec<AppMethod>,
    pub software_oath: Vec<AppMethod>,
    pub hardware_oath: Vec<HardwareToken>,
    pub email: Option<String>,
    /// `userPreferredMethodForSecondaryAuthentication`.
    pub preferred_method: Option<String>,
    pub system_preferred: bool,
}

impl Authentication {
    /// A registered MFA method, for the enabled-to-enforced rule.
    pub fn has_mfa_method(&self) -> bool {
        self.mfa_method_count() > 0
    }

    /// Registered MFA methods; the email method serves self-service password reset only, so it
    /// does not keep a default MFA method from being deleted (UNCONFIRMED: reference/graph.md 2.6
    /// quotes the refusal, not which methods count).
    pub fn mfa_method_count(&self) -> usize {
        self.phones.len()
            + self.authenticators.len()
            + self.software_oath.len()
            + self.hardware_oath.iter().filter(|t| t.activated).count()
    }
}

pub fn graph_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[derive(Clone, Debug)]
pub struct SimGroup {
    pub id: Uuid,
    pub display_name: String,
    pub description: Option<String>,
    pub mail_nickname: String,
    pub mail: Option<String>,
    pub mail_enabled: bool,
    pub security_enabled: bool,
    pub proxy_addresses: Vec<String>,
    /// As for users: true while synchronized, false once synchronization was turned off, null
    /// for a cloud group.
    pub on_premises_sync_enabled: Option<bool>,
    pub on_premises_last_sync_date_time: Option<String>,
    /// onPremisesProvisioningError objects (graph/api/resources/onpremisesprovisioningerror).
    pub on_premises_provisioning_errors: Vec<Value>,
    pub members: BTreeSet<Uuid>,
    pub owners: BTreeSet<Uuid>,
    /// A Microsoft 365 group (`groupTypes` holds `Unified`).
    pub unified: bool,
}

impl SimGroup {
    pub fn to_json(&self) -> Value {
        json!({
            "@odata.type": "#microsoft.graph.group",
            "id": self.id,
            "displayName": self.display_name,
            "description": self.description,
            "mailNickname": self.mail_nickname,
            "mail": self.mail,
            "mailEnabled": self.mail_enabled,
            "securityEnabled": self.security_enabled,
            "groupTypes": if self.unified { vec!["Unified"] } else { Vec::new() },
            "proxyAddresses": self.proxy_addresses,
            "onPremisesLastSyncDateTime": self.on_premises_last_sync_date_time,
            "onPremisesSyncEnabled": self.on_premises_sync_enabled,
            "onPremisesProvisioningErrors": self.on_premises_provisioning_errors,
        })
    }
}

#[derive(Clone, Debug)]
pub struct SimServicePrincipal {
    pub id: Uuid,
    pub app_id: Uuid,
    pub display_name: String,
    pub account_enabled: bool,
    pub service_principal_names: Vec<String>,
    pub reply_urls: Vec<String>,
    /// keyCredential objects as written (graph/api/resources/keycredential).
    pub key_credentials: Vec<serde_json::Value>,
    /// passwordCredential objects without their secrets (graph/api/resources/passwordcredential).
    pub password_credentials: Vec<serde_json::Value>,
}

/// An application registered in the tenant (graph/api/resources/application): what a new
/// service principal's appId must name.
#[derive(Clone, Debug)]
pub struct SimApplication {
    pub id: Uuid,
    pub app_id: Uuid,
    pub display_name: String,
}

/// An organizational contact (graph/api/resources/orgcontact): read-only in Graph, since
/// contacts are synchronized from on-premises or made in Exchange Online.
#[derive(Clone, Debug)]
pub struct SimContact {
    pub id: Uuid,
    pub display_name: String,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub mail: Option<String>,
    pub mail_nickname: Option<String>,
    pub company_name: Option<String>,
    pub department: Option<String>,
    pub job_title: Option<String>,
    /// physicalOfficeAddress objects: city, countryOrRegion, officeLocation, postalCode, state, street.
    pub addresses: Vec<Value>,
    /// phone objects: number and type (business, businessFax, mobile).
    pub phones: Vec<Value>,
    pub proxy_addresses: Vec<String>,
    pub on_premises_sync_enabled: Option<bool>,
    pub on_premises_last_sync_date_time: Option<String>,
    /// onPremisesProvisioningError objects: category, occurredDateTime, propertyCausingError, value.
    pub on_premises_provisioning_errors: Vec<Value>,
    /// serviceProvisioningXmlError objects: createdDateTime, errorDetail, isResolved, serviceInstance.
    pub service_provisioning_errors: Vec<Value>,
}

impl SimContact {
    pub fn to_json(&self) -> Value {
        json!({
            "@odata.type": "#microsoft.graph.orgContact",
            "id": self.id,
            "displayName": self.display_name,
            "givenName": self.given_name,
            "surname": self.surname,
            "mail": self.mail,
            "mailNickname": self.mail_nickname,
            "companyName": self.company_name,
            "department": self.department,
            "jobTitle": self.job_title,
            "addresses": self.addresses,
            "phones": self.phones,
            "proxyAddresses": self.proxy_addresses,
            "onPremisesSyncEnabled": self.on_premises_sync_enabled,
            "onPremisesLastSyncDateTime": self.on_premises_last_sync_date_time,
            "onPremisesProvisioningErrors": self.on_premises_provisioning_errors,
            "serviceProvisioningErrors": self.service_provisioning_errors,
        })
    }
}

/// An administrative unit (graph/api/resources/administrativeunit) with its members and the
/// role assignments scoped to it.
#[derive(Clone, Debug)]
pub struct SimAdministrativeUnit {
    pub id: Uuid,
    pub display_name: String,
    pub description: Option<String>,
    /// `HiddenMembership` or none (public).
    pub visibility: Option<String>,
    /// Users, groups and devices, in the order they were added.
    pub members: Vec<Uuid>,
    pub scoped_role_members: Vec<SimScopedRoleMembership>,
}

/// A scopedRoleMembership (graph/api/resources/scopedrolemembership): `role_id` is the activated
/// directoryRole's id.
#[derive(Clone, Debug)]
pub struct SimScopedRoleMembership {
    pub id: String,
    pub role_id: Uuid,
    pub member: Uuid,
}

impl SimAdministrativeUnit {
    pub fn to_json(&self) -> Value {
        json!({
            "@odata.type": "#microsoft.graph.administrativeUnit",
            "id": self.id,
            "deletedDateTime": null,
            "displayName": self.display_name,
            "description": self.description,
            "visibility": self.visibility,
        })
    }
}

/// A groupSetting (graph/api/resources/groupsetting): the tenant's (`group` none) or one
/// Microsoft 365 group's, with every value of its template.
#[derive(Clone, Debug)]
pub struct SimGroupSetting {
    pub id: Uuid,
    pub template_id: Uuid,
    pub group: Option<Uuid>,
    pub values: Vec<(String, String)>,
}

/// A registered device (graph/api/resources/device).
#[derive(Clone, Debug)]
pub struct SimDevice {
    pub id: Uuid,
    pub device_id: Uuid,
    pub display_name: String,
    pub account_enabled: bool,
    pub device_version: i32,
    pub operating_system: Option<String>,
    pub operating_system_version: Option<String>,
    /// Workplace, AzureAd or ServerAd.
    pub trust_type: Option<String>,
    pub is_managed: Option<bool>,
    pub is_compliant: Option<bool>,
    pub physical_ids: Vec<String>,
    pub approximate_last_sign_in_date_time: Option<String>,
    /// alternativeSecurityId objects: type, identityProvider, key (Edm.Binary, base64).
    pub alternative_security_ids: Vec<Value>,
    pub on_premises_sync_enabled: Option<bool>,
    pub on_premises_last_sync_date_time: Option<String>,
    /// The registered owners' object ids (users).
    pub registered_owners: Vec<Uuid>,
}

impl SimDevice {
    pub fn to_json(&self) -> Value {
        json!({
            "@odata.type": "#microsoft.graph.device",
            "id": self.id,
            "deviceId": self.device_id,
            "displayName": self.display_name,
            "accountEnabled": self.account_enabled,
            "deviceVersion": self.device_version,
            "operatingSystem": self.operating_system,
            "operatingSystemVersion": self.operating_system_version,
            "trustType": self.trust_type,
            "isManaged": self.is_managed,
            "isCompliant": self.is_compliant,
            "physicalIds": self.physical_ids,
            "approximateLastSignInDateTime": self.approximate_last_sign_in_date_time,
            "alternativeSecurityIds": self.alternative_security_ids,
            "onPremisesSyncEnabled": self.on_premises_sync_enabled,
            "onPremisesLastSyncDateTime": self.on_premises_last_sync_date_time,
        })
    }
}

/// An activated directory role: its object id differs from its template id, as in Graph.
#[derive(Clone, Debug)]
pub struct SimRole {
    pub id: Uuid,
    pub role_template_id: Uuid,
    pub members: BTreeSet<Uuid>,
}

#[derive(Clone, Debug)]
pub struct SimSku {
    pub sku_id: Uuid,
    pub sku_part_number: String,
    pub enabled: i32,
    pub warning: i32,
    pub suspended: i32,
    /// (servicePlanName, servicePlanId)
    pub service_plans: Vec<(String, Uuid)>,
    /// The commercial subscriptions behind the units (graph/api/resources/companysubscription).
    pub subscriptions: Vec<SimSubscription>,
}

#[derive(Clone, Debug)]
pub struct SimSubscription {
    pub id: Uuid,
    pub commerce_subscription_id: Option<Uuid>,
    pub created: Option<DateTime<Utc>>,
    pub is_trial: bool,
    pub next_lifecycle: Option<DateTime<Utc>>,
    /// `Enabled`, `Deleted`, `Suspended`, `Warning` or `LockedOut`.
    pub status: String,
    pub total_licenses: i32,
}

#[derive(Clone, Debug)]
pub struct SimDomain {
    pub id: String,
    pub is_default: bool,
    pub is_initial: bool,
    pub is_verified: bool,
    pub authentication_type: String,
    /// `Email`, `OfficeCommunicationsOnline`, `Yammer`: the services Graph lets a caller set.
    pub supported_services: Vec<String>,
    /// Unset (null) means the defaults of 90 and 14 days (graph/api/resources/domain).
    pub password_validity_period_in_days: Option<i32>,
    pub password_notification_window_in_days: Option<i32>,
    /// False for a subdomain of another of the tenant's domains.
    pub is_root: bool,
    /// The value its verification records carry (`ms` and eight digits).
    pub verification_code: String,
    /// A federated domain's internalDomainFederation (with its id), as Graph shows it.
    pub federation: Option<Value>,
}

impl SimDomain {
    /// A domain as `POST /domains` creates it: unverified, managed, with a new verification value.
    pub fn added(id: String) -> SimDomain {
        let mut bytes = [0u8; 4];
        getrandom::getrandom(&mut bytes).expect("the system's random source works");
        SimDomain {
            id,
            is_default: false,
            is_initial: false,
            is_verified: false,
            authentication_type: "Managed".to_string(),
            supported_services: Vec::new(),
            password_validity_period_in_days: None,
            password_notification_window_in_days: None,
            is_root: true,
            verification_code: format!("ms{:08}", u32::from_le_bytes(bytes) % 100_000_000),
            federation: None,
        }
    }
}

/// A record the public DNS answers, as the simulated world sees it: what an admin published at
/// a domain's DNS host (`TXT` text or `MX` mail exchange).
#[derive(Clone, Debug)]
pub struct PublishedRecord {
    pub domain: String,
    pub record_type: String,
    pub value: String,
}

/// The tenant's authentication methods policy, as far as phones go: whether the SMS and voice
/// method configurations are enabled (graph/api/resources/authenticationmethodspolicy).
#[derive(Clone, Copy, Debug)]
pub struct PhonePolicy {
    pub sms: bool,
    pub voice: bool,
}

impl Default for PhonePolicy {
    fn default() -> PhonePolicy {
        PhonePolicy {
            sms: true,
            voice: true,
        }
    }
}

pub struct SimTenant {
    pub id: Uuid,
    pub phone_policy: PhonePolicy,
    pub display_name: String,
    pub created: String,
    pub organization_extra: Value,
    /// When directory synchronization was last turned off (organization `onPremisesSyncEnabled`
    /// set to false): it can be turned back on 72 hours later.
    pub on_premises_sync_turned_off_at: Option<DateTime<Utc>>,
    pub domains: Vec<SimDomain>,
    /// The tenant's onPremisesDirectorySynchronization object without its id (graph/api/resources/
    /// onpremisesdirectorysynchronization: `configuration` and `features`); its id is the
    /// tenant's (UNCONFIRMED: Graph's example shows a GUID of its own).
    pub on_premises_synchronization: Value,
    /// The tenant's deviceRegistrationPolicy without its fixed id, name and description
    /// (graph/api/resources/deviceregistrationpolicy).
    pub device_registration_policy: Value,
    /// The tenant's authorizationPolicy as Graph shows it (graph/api/resources/authorizationpolicy).
    pub authorization_policy: Value,
    /// What public DNS answers for the tenant's domains (domain verification looks here).
    pub published_dns: Vec<PublishedRecord>,
    pub skus: Vec<SimSku>,
    /// Users in creation order (the order listings page through).
    pub users: Vec<SimUser>,
    pub groups: Vec<SimGroup>,
    pub service_principals: Vec<SimServicePrincipal>,
    /// Applications registered in this tenant (the seeded Microsoft applications are other
    /// tenants', so they have none here).
    pub applications: Vec<SimApplication>,
    pub contacts: Vec<SimContact>,
    pub devices: Vec<SimDevice>,
    pub administrative_units: Vec<SimAdministrativeUnit>,
    pub group_settings: Vec<SimGroupSetting>,
    pub roles: Vec<SimRole>,
}

impl SimTenant {
    /// Moves a user to the deleted items. Entra frees the user principal name by prefixing it
    /// with the object id without hyphens (UNCONFIRMED in the Graph pages read; it is what
    /// deleted users show in Entra and what clients report), and a restore gives it back.
    pub fn delete_user(&mut self, index: usize, at: DateTime<Utc>) {
        let user = &mut self.users[index];
        if user.upn_before_deletion.is_none() {
            user.upn_before_deletion = Some(user.user_principal_name.clone());
            user.user_principal_name = format!("{}{}", user.id.simple(), user.user_principal_name);
        }
        user.deleted_date_time.get_or_insert_with(|| graph_time(at));
        let id = user.id;
        for role in &mut self.roles {
            role.members.remove(&id);
        }
        for unit in &mut self.administrative_units {
            unit.scoped_role_members.retain(|m| m.member != id);
        }
    }

    /// Forgets an object deleted for good in every administrative unit.
    pub fn forget_in_administrative_units(&mut self, id: Uuid) {
        for unit in &mut self.administrative_units {
            unit.members.retain(|m| *m != id);
            unit.scoped_role_members.retain(|m| m.member != id);
        }
    }

    /// A service principal of the tenant by object id, in any case.
    pub fn find_service_principal(&self, id: &str) -> Option<usize> {
        self.service_principals
            .iter()
            .position(|p| p.id.to_string().eq_ignore_ascii_case(id))
    }

    /// A domain of the tenant by name, in any case.
    pub fn find_domain(&self, name: &str) -> Option<usize> {
        self.domains
            .iter()
            .position(|d| d.id.eq_ignore_ascii_case(name))
    }

    pub fn initial_domain(&self) -> &str {
        self.domains
            .iter()
            .find(|d| d.is_initial)
            .map_or("", |d| d.id.as_str())
    }

    pub fn live_users(&self) -> impl Iterator<Item = &SimUser> {
        self.users.iter().filter(|u| u.deleted_date_time.is_none())
    }

    /// A live user by id or (case-insensitive) user principal name.
    pub fn find_user(&self, key: &str) -> Option<usize> {
        let id = Uuid::parse_str(key).ok();
        self.users.iter().position(|u| {
            u.deleted_date_time.is_none()
                && (Some(u.id) == id || u.user_principal_name.eq_ignore_ascii_case(key))
        })
    }

    pub fn find_deleted_user(&self, id: Uuid) -> Option<usize> {
        self.users
            .iter()
            .position(|u| u.deleted_date_time.is_some() && u.id == id)
    }

    pub fn role_by_key(&self, key: &RoleKey) -> Option<usize> {
        self.roles.iter().position(|r| match key {
            RoleKey::Id(id) => r.id == *id,
            RoleKey::Template(id) => r.role_template_id == *id,
        })
    }

    pub fn holds_role(&self, user: Uuid, template: &str) -> bool {
        let template = Uuid::parse_str(template).expect("a valid template id");
        self.roles
            .iter()
            .any(|r| r.role_template_id == template && r.members.contains(&user))
    }

    /// `size` as Graph's throttling tables define it: S under 50 users, M up to 500, L above.
    pub fn size(&self) -> TenantSize {
        match self.live_users().count() {
            0..=49 => TenantSize::Small,
            50..=500 => TenantSize::Medium,
            _ => TenantSize::Large,
        }
    }

    /// Any directory object as a member listing shows it, tagged with its `@odata.type`.
    pub fn directory_object(&self, id: Uuid) -> Option<Value> {
        if let Some(user) = self
            .users
            .iter()
            .find(|u| u.id == id && u.deleted_date_time.is_none())
        {
            let mut value = serde_json::to_value(user).expect("users serialize");
            value["@odata.type"] = json!("#microsoft.graph.user");
            return Some(value);
        }
        if let Some(group) = self.groups.iter().find(|g| g.id == id) {
            return Some(group.to_json());
        }
        if let Some(contact) = self.contacts.iter().find(|c| c.id == id) {
            return Some(contact.to_json());
        }
        if let Some(device) = self.devices.iter().find(|d| d.id == id) {
            return Some(device.to_json());
        }
        self.service_principals
            .iter()
            .find(|s| s.id == id)
            .map(|s| {
                json!({
                    "@odata.type": "#microsoft.graph.servicePrincipal",
                    "id": s.id,
                    "appId": s.app_id,
                    "displayName": s.display_name,
                })
            })
    }
}

pub enum RoleKey {
    Id(Uuid),
    Template(Uuid),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TenantSize {
    Small,
    Medium,
    Large,
}
