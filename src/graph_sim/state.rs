//! The simulated tenant, in Microsoft Graph's own shapes (reference/graph.md), seeded from a tenant
//! snapshot so that a new simulated tenant holds what a new local tenant holds.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::domain::model::{GroupType, MethodType, PhoneAppAuthenticationType, RequirementState};
use crate::domain::roles;
use crate::graph::convert::preferred_method_name;
use crate::tenant::TenantSnapshot;

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
    pub assigned_licenses: Vec<AssignedLicense>,
    pub deleted_date_time: Option<String>,
    #[serde(skip)]
    pub auth: Authentication,
    #[serde(skip)]
    pub password: Option<String>,
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
    pub email: Option<String>,
    /// `userPreferredMethodForSecondaryAuthentication`.
    pub preferred_method: Option<String>,
    pub system_preferred: bool,
}

impl Authentication {
    /// A registered MFA method, for the enabled-to-enforced rule.
    pub fn has_mfa_method(&self) -> bool {
        !self.phones.is_empty() || !self.authenticators.is_empty() || !self.software_oath.is_empty()
    }

    /// Registered MFA methods; the email method serves self-service password reset only, so it
    /// does not keep a default MFA method from being deleted (UNCONFIRMED: reference/graph.md 2.6
    /// quotes the refusal, not which methods count).
    pub fn mfa_method_count(&self) -> usize {
        self.phones.len() + self.authenticators.len() + self.software_oath.len()
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
    pub mail: Option<String>,
    pub mail_enabled: bool,
    pub security_enabled: bool,
    pub proxy_addresses: Vec<String>,
    pub on_premises_last_sync_date_time: Option<String>,
    pub members: BTreeSet<Uuid>,
}

impl SimGroup {
    pub fn to_json(&self) -> Value {
        json!({
            "@odata.type": "#microsoft.graph.group",
            "id": self.id,
            "displayName": self.display_name,
            "description": self.description,
            "mail": self.mail,
            "mailEnabled": self.mail_enabled,
            "securityEnabled": self.security_enabled,
            "groupTypes": [],
            "proxyAddresses": self.proxy_addresses,
            "onPremisesLastSyncDateTime": self.on_premises_last_sync_date_time,
            "onPremisesSyncEnabled": self.on_premises_last_sync_date_time.as_ref().map(|_| true),
        })
    }
}

#[derive(Clone, Debug)]
pub struct SimServicePrincipal {
    pub id: Uuid,
    pub app_id: Uuid,
    pub display_name: String,
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
}

#[derive(Clone, Debug)]
pub struct SimDomain {
    pub id: String,
    pub is_default: bool,
    pub is_initial: bool,
    pub is_verified: bool,
    pub authentication_type: String,
}

pub struct SimTenant {
    pub id: Uuid,
    pub display_name: String,
    pub created: String,
    pub organization_extra: Value,
    pub domains: Vec<SimDomain>,
    pub skus: Vec<SimSku>,
    /// Users in creation order (the order listings page through).
    pub users: Vec<SimUser>,
    pub groups: Vec<SimGroup>,
    pub service_principals: Vec<SimServicePrincipal>,
    pub roles: Vec<SimRole>,
}

impl SimTenant {
    pub fn from_snapshot(snapshot: &TenantSnapshot) -> SimTenant {
        let company = &snapshot.company;
        let skus = snapshot
            .subscriptions
            .iter()
            .map(|s| SimSku {
                sku_id: s.sku_id,
                sku_part_number: s.sku_part_number.clone(),
                enabled: s.active_units,
                warning: s.warning_units,
                suspended: s.suspended_units,
                service_plans: s
                    .service_plans
                    .iter()
                    .map(|p| (p.service_name.clone(), p.service_plan_id))
                    .collect(),
            })
            .collect::<Vec<_>>();
        let users = snapshot
            .users
            .iter()
            .map(|u| user_from_model(u, &snapshot.subscriptions))
            .collect();
        let groups = snapshot
            .groups
            .iter()
            .map(|g| SimGroup {
                id: g.object_id,
                display_name: g.display_name.clone(),
                description: g.description.clone(),
                mail: g.email_address.clone(),
                mail_enabled: matches!(
                    g.group_type,
                    GroupType::DistributionList | GroupType::MailEnabledSecurity
                ),
                security_enabled: matches!(
                    g.group_type,
                    GroupType::Security | GroupType::MailEnabledSecurity
                ),
                proxy_addresses: g.proxy_addresses.clone(),
                on_premises_last_sync_date_time: g
                    .last_dir_sync_time
                    .map(|t| graph_time(t.datetime())),
                members: snapshot
                    .group_memberships
                    .iter()
                    .filter(|m| m.group_object_id == g.object_id)
                    .map(|m| m.member_object_id)
                    .collect(),
            })
            .collect();
        // Graph lists activated roles only: Global Administrator and those that have members.
        let mut roles: Vec<SimRole> = Vec::new();
        let global_admin = roles::by_id(
            Uuid::parse_str(roles::COMPANY_ADMINISTRATOR).expect("a valid template id"),
        )
        .expect("Global Administrator is built in");
        roles.push(SimRole {
            id: Uuid::new_v4(),
            role_template_id: global_admin.id(),
            members: BTreeSet::new(),
        });
        for assignment in &snapshot.role_assignments {
            let role = match roles
                .iter_mut()
                .find(|r| r.role_template_id == assignment.role_object_id)
            {
                Some(role) => role,
                None => {
                    roles.push(SimRole {
                        id: Uuid::new_v4(),
                        role_template_id: assignment.role_object_id,
                        members: BTreeSet::new(),
                    });
                    roles.last_mut().expect("just pushed")
                }
            };
            role.members.insert(assignment.member_object_id);
        }
        SimTenant {
            id: company.object_id,
            display_name: company.display_name.clone(),
            created: graph_time(company.when_created.datetime()),
            organization_extra: json!({
                "street": company.street,
                "city": company.city,
                "state": company.state,
                "postalCode": company.postal_code,
                "countryLetterCode": company.country_letter_code,
                "country": company.country,
                "businessPhones": company.telephone_number.iter().collect::<Vec<_>>(),
                "technicalNotificationMails": company.technical_notification_emails,
                "marketingNotificationEmails": company.marketing_notification_emails,
                "securityComplianceNotificationMails": company.security_compliance_notification_emails,
                "securityComplianceNotificationPhones": company.security_compliance_notification_phones,
                "preferredLanguage": company.preferred_language,
                "onPremisesSyncEnabled": company.directory_synchronization_enabled.then_some(true),
                "onPremisesLastSyncDateTime": company.last_dir_sync_time.map(|t| graph_time(t.datetime())),
                "onPremisesLastPasswordSyncDateTime": company.last_password_sync_time.map(|t| graph_time(t.datetime())),
            }),
            domains: snapshot
                .domains
                .iter()
                .map(|d| SimDomain {
                    id: d.name.clone(),
                    is_default: d.is_default,
                    is_initial: d.is_initial,
                    is_verified: d.status == crate::domain::model::DomainStatus::Verified,
                    authentication_type: format!("{:?}", d.authentication),
                })
                .collect(),
            skus,
            users,
            groups,
            service_principals: snapshot
                .service_principals
                .iter()
                .map(|s| SimServicePrincipal {
                    id: s.object_id,
                    app_id: s.app_principal_id,
                    display_name: s.display_name.clone(),
                })
                .collect(),
            roles,
        }
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

/// The Graph user a local tenant's user corresponds to; authentication data mapped per
/// reference/graph.md 2.4 (a mobile phone backs OneWaySMS and TwoWayVoiceMobile).
fn user_from_model(
    user: &crate::domain::model::User,
    subscriptions: &[crate::domain::model::Subscription],
) -> SimUser {
    let details = user
        .strong_authentication_user_details
        .clone()
        .unwrap_or_default();
    let mut phones = BTreeMap::new();
    let has = |t: MethodType| {
        user.strong_authentication_methods
            .iter()
            .any(|m| m.method_type == t)
    };
    if has(MethodType::OneWaySms) || has(MethodType::TwoWayVoiceMobile) {
        if let Some(number) = details
            .phone_number
            .clone()
            .or_else(|| user.mobile_phone.clone())
        {
            phones.insert(PhoneType::Mobile, number);
        }
    }
    if has(MethodType::TwoWayVoiceAlternateMobile) {
        if let Some(number) = details
            .alternative_phone_number
            .clone()
            .or_else(|| user.alternate_mobile_phones.first().cloned())
        {
            phones.insert(PhoneType::AlternateMobile, number);
        }
    }
    if has(MethodType::TwoWayVoiceOffice) {
        if let Some(number) = user
            .phone_number
            .as_deref()
            .and_then(|n| crate::domain::phone::normalize(n).ok())
        {
            phones.insert(PhoneType::Office, number);
        }
    }
    let created = user.when_created.datetime();
    let app = |a: &crate::domain::model::StrongAuthenticationPhoneAppDetail| AppMethod {
        id: a.id.unwrap_or_else(Uuid::new_v4).to_string(),
        display_name: a.device_name.clone(),
        device_tag: a.device_tag.clone(),
        phone_app_version: a.phone_app_version.clone(),
        created,
    };
    let authenticators = user
        .strong_authentication_phone_app_details
        .iter()
        .filter(|a| a.authentication_type != PhoneAppAuthenticationType::Otp)
        .map(app)
        .collect();
    let software_oath = user
        .strong_authentication_phone_app_details
        .iter()
        .filter(|a| a.authentication_type == PhoneAppAuthenticationType::Otp)
        .map(app)
        .collect();
    let preferred_method = user
        .strong_authentication_methods
        .iter()
        .find(|m| m.is_default)
        .map(|m| preferred_method_name(m.method_type).to_string());
    let mut policies = Vec::new();
    if user.password_never_expires {
        policies.push("DisablePasswordExpiration");
    }
    if !user.strong_password_required {
        policies.push("DisableStrongPassword");
    }
    let sku_of = |license: &crate::domain::model::UserLicense| {
        subscriptions
            .iter()
            .find(|s| s.sku_part_number == license.account_sku.sku_part_number)
    };
    SimUser {
        id: user.object_id,
        user_principal_name: user.user_principal_name.clone(),
        display_name: user.display_name.clone(),
        given_name: user.first_name.clone(),
        surname: user.last_name.clone(),
        job_title: user.title.clone(),
        department: user.department.clone(),
        office_location: user.office.clone(),
        street_address: user.street_address.clone(),
        city: user.city.clone(),
        state: user.state.clone(),
        postal_code: user.postal_code.clone(),
        country: user.country.clone(),
        business_phones: user.phone_number.iter().cloned().collect(),
        mobile_phone: user.mobile_phone.clone(),
        fax_number: user.fax.clone(),
        preferred_language: user.preferred_language.clone(),
        preferred_data_location: user.preferred_data_location.clone(),
        usage_location: user.usage_location.clone(),
        account_enabled: !user.block_credential,
        password_policies: (!policies.is_empty()).then(|| policies.join(", ")),
        other_mails: user.alternate_email_addresses.clone(),
        proxy_addresses: user.proxy_addresses.clone(),
        mail: None,
        mail_nickname: user
            .user_principal_name
            .split('@')
            .next()
            .map(str::to_string),
        user_type: match user.user_type {
            crate::domain::model::UserType::Guest => "Guest".to_string(),
            _ => "Member".to_string(),
        },
        created_date_time: graph_time(created),
        last_password_change_date_time: user
            .last_password_change_timestamp
            .map(|t| graph_time(t.datetime())),
        sign_in_sessions_valid_from_date_time: user
            .sts_refresh_tokens_valid_from
            .map(|t| graph_time(t.datetime())),
        on_premises_sync_enabled: user.last_dir_sync_time.map(|_| true),
        on_premises_last_sync_date_time: user.last_dir_sync_time.map(|t| graph_time(t.datetime())),
        on_premises_immutable_id: user.immutable_id.clone(),
        assigned_licenses: user
            .licenses
            .iter()
            .filter_map(|l| {
                let sku = sku_of(l)?;
                let disabled = crate::domain::licensing::disabled_plans(l);
                Some(AssignedLicense {
                    sku_id: sku.sku_id,
                    disabled_plans: sku
                        .service_plans
                        .iter()
                        .filter(|p| {
                            disabled
                                .iter()
                                .any(|d| d.eq_ignore_ascii_case(&p.service_name))
                        })
                        .map(|p| p.service_plan_id)
                        .collect(),
                })
            })
            .collect(),
        deleted_date_time: user
            .soft_deletion_timestamp
            .map(|t| graph_time(t.datetime())),
        auth: Authentication {
            per_user_mfa_state: match user.mfa_state() {
                None => "disabled",
                Some(RequirementState::Enabled) => "enabled",
                Some(RequirementState::Enforced) => "enforced",
            }
            .to_string(),
            phones,
            authenticators,
            software_oath,
            email: details.email.clone(),
            preferred_method,
            system_preferred: false,
        },
        password: None,
    }
}
