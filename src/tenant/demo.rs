//! The demo tenant: every situation an admin script meets, with fixed content (a seeded
//! generator and fixed dates), so documentation and tests can name its users.
//!
//! Named accounts (all `@contoso.com` unless noted):
//! - `admin@contoso.onmicrosoft.com`: Company Administrator, MFA Enforced, SMS + voice.
//! - `patti.fernandez`: Company Administrator, MFA Enabled, nothing registered (the risky case).
//! - `adm.alex.wilber`: Company Administrator, separate admin account, MFA off, unlicensed.
//! - `adm.megan.bowen` (Exchange), `adm.lee.gu` (SharePoint, Enabled), `adm.nestor.wilke` (Helpdesk, Enforced, app).
//! - `megan.bowen` Exchange, `lee.gu` SharePoint, `adele.vance` Teams, `diego.siciliani` User
//!   Administrator, `nestor.wilke` Helpdesk; the group "Helpdesk Operators" holds Helpdesk Administrator.
//! - `grady.archie`: every method type registered. `isaiah.langer`: no mobile phone.
//!   `johanna.lorenz`: a mobile number without country code. `irvin.sayers`: blocked.
//! - `henrietta.mueller`: synchronized from on-premises, with a ProxyAddresses conflict on
//!   SMTP:hr@contoso.com (directory synchronization is on, and about 30% of the generated users
//!   are synchronized too). `debra.berger`: in the recycle bin (5 days);
//!   `old.contractor`: deleted 45 days ago (too old to restore).
//! - Mail contacts: Ana Souza and Fabrikam Support (cloud, members of "Sales Team"), Ben Walters
//!   (synchronized) and Carla Reyes (synchronized; a validation error and a ProxyAddresses
//!   conflict).
//! - Directory synchronization: password hash synchronization and soft matching on UPN on, the
//!   deletion guard at 500.
//! - Devices: `LAPTOP-MEGAN01` (Entra joined, megan.bowen), `DESKTOP-HR-042` (hybrid joined,
//!   synchronized, with its certificate) and `DESKTOP-HR-051` (hybrid join pending), `Lee's iPhone`
//!   (registered), and stale ones (last sign-in over 90 days before 2026-01-01): `Galaxy-S21-ADELE`,
//!   `LAPTOP-OLD-007` (disabled, irvin.sayers), `KIOSK-LOBBY`, and `AUTOPILOT-5CG1234` (system-managed).
//! - A Group.Unified directory setting: usage guidelines at https://contoso.com/groups-guidelines and
//!   the classifications Public, Internal and Confidential.
//! - Administrative units: "West Coast" (megan.bowen, lee.gu, the group "Sales Team" and
//!   `LAPTOP-MEGAN01`; nestor.wilke is its Helpdesk Administrator) and "East Coast" (adele.vance).

use uuid::Uuid;

use super::{
    managed_domain, new_tenant, office_365_e3, subscription, AdministrativeUnitMembership,
    GroupMembership, OwnedDirectorySetting, RoleAssignment, ScopedRoleAssignment, TenantSnapshot,
};
use crate::domain::licensing::LicenseCatalog;
use crate::domain::model::{
    AdministrativeUnit, Contact, Device, DeviceTrustLevel, DeviceTrustType, DirSyncFeature,
    DirSyncProvisioningError, Group, GroupType, MethodType, NotificationType,
    PhoneAppAuthenticationType, RequirementState, RoleMemberType, ServicePrincipal,
    StrongAuthenticationMethod, StrongAuthenticationPhoneAppDetail,
    StrongAuthenticationRequirement, StrongAuthenticationUserDetails, User, UserType,
    ValidationErrorEntry, ValidationStatus,
};
use crate::domain::roles;
use crate::domain::time::Timestamp;
use crate::domain::{dir_sync_features, licensing, phone};

/// A small deterministic generator (SplitMix64): the demo must not change between versions of a crate.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn uuid(&mut self) -> Uuid {
        let bytes = ((u128::from(self.next()) << 64) | u128::from(self.next())).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Aaron",
    "Beatriz",
    "Chen",
    "Dana",
    "Emeka",
    "Fatima",
    "Gustav",
    "Hana",
    "Ivan",
    "Jasmine",
    "Kenji",
    "Laila",
    "Mateo",
    "Nadia",
    "Oscar",
    "Priya",
    "Quentin",
    "Rosa",
    "Samir",
    "Tessa",
    "Umar",
    "Valentina",
    "Wei",
    "Ximena",
    "Yusuf",
    "Zoe",
];
const LAST: &[&str] = &[
    "Andersen", "Bianchi", "Carvalho", "Dubois", "Eriksen", "Fischer", "Garcia", "Hoffmann",
    "Ishikawa", "Jansen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn",
    "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Weber",
];
const DEPARTMENTS: &[&str] = &[
    "Finance",
    "Sales",
    "Marketing",
    "Engineering",
    "Operations",
    "Legal",
    "Human Resources",
    "Support",
];
const TITLES: &[&str] = &[
    "Analyst",
    "Manager",
    "Engineer",
    "Specialist",
    "Coordinator",
    "Director",
    "Consultant",
];
/// City, state, country, usage location, the country's calling code, a national number prefix.
const PLACES: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("Redmond", "WA", "United States", "US", "1", "425555"),
    ("New York", "NY", "United States", "US", "1", "212555"),
    ("London", "", "United Kingdom", "GB", "44", "20794"),
    ("Munich", "BY", "Germany", "DE", "49", "89123"),
    ("Paris", "", "France", "FR", "33", "14422"),
    ("Toronto", "ON", "Canada", "CA", "1", "416555"),
    ("Sydney", "NSW", "Australia", "AU", "61", "29374"),
    ("Tokyo", "", "Japan", "JP", "81", "35321"),
];

fn at(days_after_2019: i64) -> Timestamp {
    Timestamp::from_millis(1_546_300_800_000 + days_after_2019 * 86_400_000)
        .expect("demo dates are valid")
}

/// The day the demo tenant's clock reads for its timestamps (2026-01-01).
fn today() -> Timestamp {
    at(2557)
}

struct Person<'a> {
    alias: &'a str,
    display: &'a str,
    domain: &'a str,
}

struct Builder {
    random: Seeded,
    catalog: LicenseCatalog,
    snapshot: TenantSnapshot,
}

impl Builder {
    fn user(&mut self, person: &Person, index: usize) -> User {
        let upn = format!("{}@{}", person.alias, person.domain);
        let mut user = User::new(self.random.uuid(), upn.clone(), at(index as i64 % 2400));
        let (first, last) = person
            .display
            .split_once(' ')
            .unwrap_or((person.display, ""));
        user.display_name = Some(person.display.to_string());
        user.first_name = Some(first.to_string());
        user.last_name = (!last.is_empty()).then(|| last.to_string());
        user.proxy_addresses = vec![format!("SMTP:{upn}")];
        user.department = Some(self.random.pick(DEPARTMENTS).to_string());
        user.title = Some(self.random.pick(TITLES).to_string());
        let (city, state, country, usage, code, prefix) = PLACES[self.random.below(PLACES.len())];
        user.city = Some(city.to_string());
        user.state = (!state.is_empty()).then(|| state.to_string());
        user.country = Some(country.to_string());
        user.usage_location = Some(usage.to_string());
        let line = 1000 + self.random.below(9000);
        if self.random.percent(85) {
            user.mobile_phone = Some(format!("+{code} {prefix}{line}"));
        }
        if self.random.percent(60) {
            user.phone_number = Some(format!(
                "+{code} {prefix}{}",
                1000 + self.random.below(9000)
            ));
        }
        user.last_password_change_timestamp = Some(at(2200 + self.random.below(350) as i64));
        user
    }

    fn license(&mut self, user: &mut User, part_numbers: &[&str]) {
        let ids: Vec<String> = part_numbers
            .iter()
            .map(|p| format!("{}:{p}", self.catalog.account_name))
            .collect();
        licensing::apply(user, &self.catalog, &ids, &[], &[])
            .expect("demo licences fit the demo subscriptions");
        for id in &ids {
            if let Some(entry) = self.catalog.subscriptions.iter_mut().find(|(s, _)| {
                format!("{}:{}", self.catalog.account_name, s.sku_part_number) == *id
            }) {
                entry.1 += 1;
            }
        }
    }

    fn add(&mut self, user: User) -> Uuid {
        let id = user.object_id;
        self.snapshot.users.push(user);
        id
    }

    fn assign(&mut self, role: &str, member: Uuid, role_member_type: RoleMemberType) {
        let role = roles::by_name(role).expect("demo roles are built in");
        self.snapshot.role_assignments.push(RoleAssignment {
            role_object_id: role.id(),
            member_object_id: member,
            role_member_type,
        });
    }
}

fn methods(types: &[MethodType]) -> Vec<StrongAuthenticationMethod> {
    types
        .iter()
        .enumerate()
        .map(|(i, t)| StrongAuthenticationMethod {
            method_type: *t,
            is_default: i == 0,
        })
        .collect()
}

fn requirement(state: RequirementState, since: Timestamp) -> Vec<StrongAuthenticationRequirement> {
    vec![StrongAuthenticationRequirement {
        relying_party: "*".into(),
        state,
        remember_devices_not_issued_before: Some(since),
    }]
}

fn authenticator(
    id: Uuid,
    device: &str,
    kind: PhoneAppAuthenticationType,
    notification: NotificationType,
) -> StrongAuthenticationPhoneAppDetail {
    StrongAuthenticationPhoneAppDetail {
        id: Some(id),
        authentication_type: kind,
        device_name: device.to_string(),
        device_tag: "SoftwareTokenActivated".to_string(),
        device_token: Some("demo-device-token".to_string()),
        notification_type: notification,
        oath_secret_key: None,
        oath_token_time_drift: 0,
        phone_app_version: Some("6.2409.6094".to_string()),
    }
}

/// Registers `types` for `user` as the user would at https://aka.ms/mfasetup.
fn register(user: &mut User, types: &[MethodType], self_registered_phone: Option<&str>) {
    let mut details = StrongAuthenticationUserDetails {
        email: Some(user.user_principal_name.clone()),
        ..Default::default()
    };
    let normalized = |n: &Option<String>| n.as_deref().and_then(|n| phone::normalize(n).ok());
    if types
        .iter()
        .any(|t| matches!(t, MethodType::OneWaySms | MethodType::TwoWayVoiceMobile))
    {
        details.phone_number =
            normalized(&user.mobile_phone).or(self_registered_phone.map(str::to_string));
    }
    if types.contains(&MethodType::TwoWayVoiceAlternateMobile) {
        details.alternative_phone_number =
            normalized(&user.alternate_mobile_phones.first().cloned());
    }
    if types.iter().any(|t| {
        matches!(
            t,
            MethodType::PhoneAppNotification | MethodType::PhoneAppOtp
        )
    }) {
        // A registered app has an id, as MSOnline showed; fixed per user, like the rest.
        let app_id = uuid::Builder::from_random_bytes(
            (user.object_id.as_u128() ^ 0x0a99_0000_0000_0000_0000_0000_0000_0001).to_be_bytes(),
        )
        .into_uuid();
        user.strong_authentication_phone_app_details = vec![authenticator(
            app_id,
            "iPhone 15",
            PhoneAppAuthenticationType::NotificationAndOtp,
            NotificationType::Apns,
        )];
    }
    user.strong_authentication_methods = methods(types);
    user.strong_authentication_user_details = Some(details);
    user.strong_authentication_proofup_time = Some(1_700_000_000);
}

/// `now` places the recycle-bin users inside and outside the 30-day restore window; every other
/// property is fixed.
/// How many users a demo tenant has unless told otherwise (`tenant demo`, a first run).
pub const DEMO_USERS: usize = 300;

pub fn demo_tenant(user_count: usize, now: Timestamp) -> TenantSnapshot {
    let mut random = Seeded(0x6d73_6f6c_6272_6467);
    let company_id = random.uuid();
    let mut snapshot = new_tenant("Contoso", "contoso.onmicrosoft.com", company_id, at(0))
        .expect("the demo domain is valid");
    snapshot.domains[0].is_default = false;
    snapshot
        .domains
        .push(managed_domain("contoso.com", false, true));
    // Some users come from on-premises Active Directory, so synchronization is on.
    snapshot.company.directory_synchronization_enabled = true;
    snapshot.company.directory_synchronization_status = "Enabled".to_string();
    snapshot.company.last_dir_sync_time = Some(today());
    let e3_units = (user_count as i32).max(300);
    snapshot.subscriptions = vec![
        office_365_e3(e3_units),
        subscription(
            "c7df2760-2c81-4ef7-b578-5b5392b571df",
            "ENTERPRISEPREMIUM",
            50,
            &[
                (
                    "EXCHANGE_S_ENTERPRISE",
                    "efb87545-963c-4e0d-99df-69c6916d9eb0",
                    "Exchange",
                ),
                (
                    "TEAMS1",
                    "57ff2da0-773e-42df-b2af-ffb7a2317929",
                    "TeamspaceAPI",
                ),
                (
                    "MCOEV",
                    "4828c8ec-dc2e-4779-b502-87ac9ce28ab7",
                    "MicrosoftCommunicationsOnline",
                ),
            ],
        ),
        subscription(
            "18181a46-0d4e-45cd-891e-60aabd171b4e",
            "STANDARDPACK",
            (user_count as i32 / 4).max(100),
            &[
                (
                    "EXCHANGE_S_STANDARD",
                    "9aaf7827-d63c-4b61-89c3-182f06f82e5c",
                    "Exchange",
                ),
                (
                    "TEAMS1",
                    "57ff2da0-773e-42df-b2af-ffb7a2317929",
                    "TeamspaceAPI",
                ),
            ],
        ),
        subscription(
            "efccb6f7-5641-4e0e-bd10-b4976e1bf68e",
            "EMS",
            (user_count as i32 / 2).max(200),
            &[
                (
                    "AAD_PREMIUM",
                    "41781fb2-bc02-4b7c-bd55-b576c07bb09d",
                    "AADPremiumService",
                ),
                ("INTUNE_A", "c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "SCO"),
            ],
        ),
    ];
    // Bought a year before the demo's day, renewed yearly; EMS is a trial that ends soon. Their
    // ids come from a sequence of their own, so the users' ids stay what they were.
    let mut term_ids = Seeded(0x7465_726d_7365_6564);
    for subscription in &mut snapshot.subscriptions {
        licensing::complete_terms(subscription, term_ids.uuid(), Some(at(2557 - 335)));
        if subscription.sku_part_number == "EMS" {
            let term = &mut subscription.terms[0];
            term.is_trial = true;
            term.date_created = Some(at(2557 - 10));
            term.next_lifecycle_date = Some(at(2557 + 20));
        }
    }
    let catalog = LicenseCatalog {
        account_name: "contoso".to_string(),
        account_object_id: company_id,
        subscriptions: snapshot
            .subscriptions
            .iter()
            .map(|s| (s.clone(), 0))
            .collect(),
    };
    let mut b = Builder {
        random,
        catalog,
        snapshot,
    };
    let person = |alias: &'static str, display: &'static str| Person {
        alias,
        display,
        domain: "contoso.com",
    };

    // The first Global Administrator, as a new tenant's creator.
    let mut admin = b.user(
        &Person {
            alias: "admin",
            display: "Contoso Administrator",
            domain: "contoso.onmicrosoft.com",
        },
        0,
    );
    admin.mobile_phone = Some("+1 4255550100".to_string());
    register(
        &mut admin,
        &[MethodType::OneWaySms, MethodType::TwoWayVoiceMobile],
        None,
    );
    admin.strong_authentication_requirements = requirement(RequirementState::Enforced, at(400));
    b.license(&mut admin, &["ENTERPRISEPREMIUM"]);
    let admin = b.add(admin);
    b.assign("Company Administrator", admin, RoleMemberType::User);

    let mut patti = b.user(&person("patti.fernandez", "Patti Fernandez"), 1);
    patti.strong_authentication_requirements = requirement(RequirementState::Enabled, at(2500));
    b.license(&mut patti, &["ENTERPRISEPREMIUM"]);
    let patti = b.add(patti);
    b.assign("Global Administrator", patti, RoleMemberType::User);

    // Separate admin accounts, as many organisations keep them.
    let adm_alex = b.user(&person("adm.alex.wilber", "Alex Wilber (Admin)"), 2);
    let adm_alex = b.add(adm_alex);
    b.assign("Company Administrator", adm_alex, RoleMemberType::User);
    let adm_megan = b.user(&person("adm.megan.bowen", "Megan Bowen (Admin)"), 3);
    let adm_megan = b.add(adm_megan);
    b.assign(
        "Exchange Service Administrator",
        adm_megan,
        RoleMemberType::User,
    );
    let mut adm_lee = b.user(&person("adm.lee.gu", "Lee Gu (Admin)"), 4);
    adm_lee.strong_authentication_requirements = requirement(RequirementState::Enabled, at(2400));
    let adm_lee = b.add(adm_lee);
    b.assign(
        "SharePoint Service Administrator",
        adm_lee,
        RoleMemberType::User,
    );
    let mut adm_nestor = b.user(&person("adm.nestor.wilke", "Nestor Wilke (Admin)"), 5);
    register(
        &mut adm_nestor,
        &[MethodType::PhoneAppNotification, MethodType::PhoneAppOtp],
        None,
    );
    adm_nestor.strong_authentication_requirements =
        requirement(RequirementState::Enforced, at(2300));
    let adm_nestor = b.add(adm_nestor);
    b.assign("Helpdesk Administrator", adm_nestor, RoleMemberType::User);

    // Role holders with their everyday accounts.
    for (index, (alias, display, role, licensed)) in [
        (
            "megan.bowen",
            "Megan Bowen",
            "Exchange Service Administrator",
            true,
        ),
        ("lee.gu", "Lee Gu", "SharePoint Service Administrator", true),
        (
            "adele.vance",
            "Adele Vance",
            "Teams Service Administrator",
            true,
        ),
        (
            "diego.siciliani",
            "Diego Siciliani",
            "User Account Administrator",
            false,
        ),
        (
            "nestor.wilke",
            "Nestor Wilke",
            "Helpdesk Administrator",
            true,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let mut user = b.user(&person(alias, display), 6 + index);
        if index % 2 == 0 {
            register(
                &mut user,
                &[MethodType::PhoneAppNotification, MethodType::OneWaySms],
                Some("+1 4255550199"),
            );
            user.strong_authentication_requirements =
                requirement(RequirementState::Enforced, at(2000));
        }
        if licensed {
            b.license(&mut user, &["ENTERPRISEPACK"]);
        }
        let id = b.add(user);
        b.assign(role, id, RoleMemberType::User);
    }

    // Users who show one situation each.
    let mut grady = b.user(&person("grady.archie", "Grady Archie"), 11);
    grady.mobile_phone = Some("+44 7700900123".to_string());
    grady.phone_number = Some("+44 2079460000".to_string());
    grady.alternate_mobile_phones = vec!["+44 7700900456".to_string()];
    register(&mut grady, &MethodType::ALL, None);
    grady.strong_authentication_requirements = requirement(RequirementState::Enforced, at(1800));
    b.license(&mut grady, &["ENTERPRISEPACK", "EMS"]);
    b.add(grady);
    let mut isaiah = b.user(&person("isaiah.langer", "Isaiah Langer"), 12);
    isaiah.mobile_phone = None;
    b.license(&mut isaiah, &["ENTERPRISEPACK"]);
    b.add(isaiah);
    let mut johanna = b.user(&person("johanna.lorenz", "Johanna Lorenz"), 13);
    johanna.mobile_phone = Some("0171 5550123".to_string());
    b.license(&mut johanna, &["ENTERPRISEPACK"]);
    b.add(johanna);
    let mut irvin = b.user(&person("irvin.sayers", "Irvin Sayers"), 14);
    irvin.block_credential = true;
    b.add(irvin);
    let mut henrietta = b.user(&person("henrietta.mueller", "Henrietta Mueller"), 15);
    henrietta.last_dir_sync_time = Some(today());
    henrietta.immutable_id = Some("hW1pbmV0dGEtbXVlbGxlcg==".to_string());
    // Her on-premises account claims an address another object already holds.
    henrietta.dir_sync_provisioning_errors = vec![DirSyncProvisioningError {
        error_category: "PropertyConflict".to_string(),
        property_name: "ProxyAddresses".to_string(),
        property_value: "SMTP:hr@contoso.com".to_string(),
        when_started: at(2540),
    }];
    b.license(&mut henrietta, &["ENTERPRISEPACK"]);
    b.add(henrietta);
    let mut debra = b.user(&person("debra.berger", "Debra Berger"), 16);
    debra.soft_deletion_timestamp = Timestamp::from_millis(now.millis() - 5 * 86_400_000);
    b.add(debra);
    let mut contractor = b.user(&person("old.contractor", "Old Contractor"), 17);
    contractor.soft_deletion_timestamp = Timestamp::from_millis(now.millis() - 45 * 86_400_000);
    b.add(contractor);
    let mut guest = b.user(
        &Person {
            alias: "sam.taylor_fabrikam.com#EXT#",
            display: "Sam Taylor",
            domain: "contoso.onmicrosoft.com",
        },
        18,
    );
    guest.user_type = UserType::Guest;
    guest.usage_location = None;
    b.add(guest);

    // Everyone else, drawn from the seeded generator.
    let named = b.snapshot.users.len();
    for index in named..user_count {
        let first = FIRST[index % FIRST.len()];
        let last = LAST[(index / FIRST.len()) % LAST.len()];
        let alias = format!("{}.{}{}", first.to_lowercase(), last.to_lowercase(), index);
        let display = format!("{first} {last}");
        let mut user = b.user(
            &Person {
                alias: &alias,
                display: &display,
                domain: "contoso.com",
            },
            index,
        );
        if b.random.percent(6) {
            user.user_type = UserType::Guest;
            user.user_principal_name =
                format!("{}_fabrikam.com#EXT#@contoso.onmicrosoft.com", alias);
            user.sign_in_name = Some(user.user_principal_name.clone());
            user.proxy_addresses = vec![format!("SMTP:{alias}@fabrikam.com")];
            user.usage_location = None;
            b.add(user);
            continue;
        }
        if b.random.percent(30) {
            user.last_dir_sync_time = Some(today());
            user.immutable_id = Some(format!("{:x}", b.random.next()));
        }
        if b.random.percent(4) {
            user.block_credential = true;
        }
        if b.random.percent(8) {
            user.alternate_mobile_phones = vec![format!("+1 206555{:04}", b.random.below(10_000))];
        }
        let roll = b.random.below(100);
        let registered: &[MethodType] = match roll {
            0..=34 => &[],
            35..=59 => &[MethodType::OneWaySms],
            60..=74 => &[MethodType::OneWaySms, MethodType::TwoWayVoiceMobile],
            75..=89 => &[
                MethodType::PhoneAppNotification,
                MethodType::PhoneAppOtp,
                MethodType::OneWaySms,
            ],
            _ => &[MethodType::TwoWayVoiceMobile],
        };
        let needs_mobile = registered
            .iter()
            .any(|t| matches!(t, MethodType::OneWaySms | MethodType::TwoWayVoiceMobile));
        if !registered.is_empty() {
            let own_phone =
                (needs_mobile && user.mobile_phone.is_none()).then_some("+1 2065550142");
            register(&mut user, registered, own_phone);
        }
        let state = b.random.below(100);
        if state < 25 {
            user.strong_authentication_requirements =
                requirement(RequirementState::Enabled, at(2450));
            if !registered.is_empty() {
                user.strong_authentication_requirements[0].state = RequirementState::Enforced;
            }
        } else if state < 45 {
            user.strong_authentication_requirements =
                requirement(RequirementState::Enforced, at(2300));
        }
        match b.random.below(10) {
            0..=5 => b.license(&mut user, &["ENTERPRISEPACK"]),
            6 => b.license(&mut user, &["STANDARDPACK"]),
            7 => b.license(&mut user, &["ENTERPRISEPACK", "EMS"]),
            _ => {}
        }
        b.add(user);
    }

    // Groups, one of which holds a role for its members.
    let users: Vec<Uuid> = b
        .snapshot
        .users
        .iter()
        .filter(|u| u.soft_deletion_timestamp.is_none())
        .map(|u| u.object_id)
        .collect();
    for (name, kind, email, every) in [
        ("All Staff", GroupType::Security, None, 1usize),
        (
            "Finance",
            GroupType::MailEnabledSecurity,
            Some("finance@contoso.com"),
            9,
        ),
        (
            "Sales Team",
            GroupType::DistributionList,
            Some("sales@contoso.com"),
            7,
        ),
        ("Helpdesk Operators", GroupType::Security, None, 40),
    ] {
        let group = Group {
            object_id: b.random.uuid(),
            display_name: name.to_string(),
            common_name: Some(name.to_string()),
            description: Some(format!("{name} (demo)")),
            email_address: email.map(str::to_string),
            group_type: kind,
            is_system: false,
            last_dir_sync_time: None,
            managed_by: None,
            proxy_addresses: email.map(|e| vec![format!("SMTP:{e}")]).unwrap_or_default(),
            errors: Vec::new(),
            has_license_errors: false,
            dir_sync_provisioning_errors: Vec::new(),
            validation_status: Default::default(),
        };
        for member in users.iter().step_by(every) {
            b.snapshot.group_memberships.push(GroupMembership {
                group_object_id: group.object_id,
                member_object_id: *member,
            });
        }
        if name == "Helpdesk Operators" {
            b.assign(
                "Helpdesk Administrator",
                group.object_id,
                RoleMemberType::Group,
            );
        }
        b.snapshot.groups.push(group);
    }
    let app_id = b.random.uuid();
    let app = ServicePrincipal {
        object_id: b.random.uuid(),
        app_principal_id: app_id,
        display_name: "Contoso Provisioning".to_string(),
        account_enabled: true,
        service_principal_names: vec![
            app_id.to_string(),
            "https://provisioning.contoso.com".into(),
        ],
        addresses: vec!["https://provisioning.contoso.com/signin".into()],
        trusted_for_delegation: false,
    };
    b.assign(
        "User Account Administrator",
        app.object_id,
        RoleMemberType::ServicePrincipal,
    );
    let app_object_id = app.object_id;
    b.snapshot.service_principals.push(app);
    // Microsoft's own applications (from new_tenant), with ids of the demo's own sequence.
    for principal in &mut b.snapshot.service_principals {
        if principal.object_id != app_object_id {
            principal.object_id = b.random.uuid();
        }
    }
    contacts(&mut b);
    devices(&mut b);
    administrative_units(&mut b);
    // Microsoft 365 group settings as an admin centre leaves them: guidelines and classifications.
    let group_settings = crate::domain::directory_settings::local_templates().remove(0);
    let values = [
        (
            "UsageGuidelinesUrl",
            "https://contoso.com/groups-guidelines",
        ),
        ("ClassificationList", "Public,Internal,Confidential"),
    ]
    .iter()
    .map(|(name, value)| (name.to_string(), value.to_string()))
    .collect();
    let setting =
        crate::domain::directory_settings::new_setting(&group_settings, &values, b.random.uuid())
            .expect("the demo's setting is valid");
    b.snapshot.directory_settings.push(OwnedDirectorySetting {
        target_object_id: None,
        setting,
    });
    // A hybrid tenant as Microsoft Entra Connect leaves it: password hash synchronization on, and
    // soft matching on UPN (which cannot be turned off again).
    let mut sync = dir_sync_features::defaults();
    for feature in [
        DirSyncFeature::PasswordSync,
        DirSyncFeature::EnableSoftMatchOnUpn,
    ] {
        sync = dir_sync_features::with_feature(&sync, feature, true);
    }
    b.snapshot.dir_sync_settings = Some(sync);
    b.snapshot
}

/// Name, system, version, trust type and level, days since the last sign-in, owner, enabled.
type DemoDevice<'a> = (
    &'a str,
    &'a str,
    &'a str,
    DeviceTrustType,
    DeviceTrustLevel,
    Option<i64>,
    Option<&'a str>,
    bool,
);

/// The demo's devices: every trust type, a pending hybrid join, owners, stale and disabled ones,
/// and a system-managed Autopilot device.
fn devices(b: &mut Builder) {
    let today = 2557;
    #[rustfmt::skip]
    let devices: [DemoDevice; 8] = [
        ("LAPTOP-MEGAN01", "Windows", "10.0.22631.3447", DeviceTrustType::AzureAdJoined, DeviceTrustLevel::Managed, Some(3), Some("megan.bowen@contoso.com"), true),
        ("DESKTOP-HR-042", "Windows", "10.0.19045.4291", DeviceTrustType::DomainJoined, DeviceTrustLevel::Managed, Some(10), None, true),
        ("DESKTOP-HR-051", "Windows", "10.0.19045.4291", DeviceTrustType::DomainJoined, DeviceTrustLevel::Authenticated, None, None, true),
        ("Lee's iPhone", "iOS", "17.5.1", DeviceTrustType::WorkplaceJoined, DeviceTrustLevel::Authenticated, Some(20), Some("lee.gu@contoso.com"), true),
        ("Galaxy-S21-ADELE", "Android", "13.0", DeviceTrustType::WorkplaceJoined, DeviceTrustLevel::Compliant, Some(400), Some("adele.vance@contoso.com"), true),
        ("LAPTOP-OLD-007", "Windows", "10.0.17763.1935", DeviceTrustType::AzureAdJoined, DeviceTrustLevel::Managed, Some(500), Some("irvin.sayers@contoso.com"), false),
        ("KIOSK-LOBBY", "Windows", "10.0.19045.4291", DeviceTrustType::AzureAdJoined, DeviceTrustLevel::Managed, Some(200), None, true),
        ("AUTOPILOT-5CG1234", "Windows", "10.0.22631.3447", DeviceTrustType::AzureAdJoined, DeviceTrustLevel::Managed, Some(300), None, true),
    ];
    for (name, os, version, trust_type, trust_level, days_ago, owner, enabled) in devices {
        let device_id = b.random.uuid();
        let hybrid = trust_type == DeviceTrustType::DomainJoined;
        let mut physical_ids = vec![format!(
            "[HWID]:h:{}",
            6_000_000_000_000_000 + b.random.next() % 1_000_000_000
        )];
        if hybrid {
            physical_ids.push(format!(
                "[GID]:g:{}",
                6_900_000_000_000_000 + b.random.next() % 1_000_000_000
            ));
        }
        if name.starts_with("AUTOPILOT") {
            physical_ids.push(format!("[ZTDID]:{}", b.random.uuid()));
        }
        // A hybrid-joined device has registered once its certificate is there; HR-051 is pending.
        let alternative_security_ids = if hybrid && days_ago.is_some() {
            vec![format!(
                "X509:<SHA1-TP-PUBKEY>{:016X}{:024X}",
                b.random.next(),
                b.random.next()
            )]
        } else {
            Vec::new()
        };
        b.snapshot.devices.push(Device {
            object_id: b.random.uuid(),
            device_id,
            display_name: name.to_string(),
            enabled,
            device_object_version: 2,
            device_os_type: Some(os.to_string()),
            device_os_version: Some(version.to_string()),
            device_trust_type: Some(trust_type),
            device_trust_level: Some(trust_level),
            device_physical_ids: physical_ids,
            approximate_last_logon_timestamp: days_ago.map(|d| at(today - d)),
            alternative_security_ids,
            dir_sync_enabled: hybrid.then_some(true),
            last_dir_sync_time: hybrid.then(|| at(today - 1)),
            registered_owners: owner.map(str::to_string).into_iter().collect(),
        });
    }
}

/// The demo's mail contacts: partners' people, two of them synchronized, one with errors.
fn contacts(b: &mut Builder) {
    let sales = b
        .snapshot
        .groups
        .iter()
        .find(|g| g.display_name == "Sales Team")
        .map(|g| g.object_id);
    for (first, last, mail, company_city, synchronized) in [
        ("Ana", "Souza", "ana.souza@fabrikam.com", "Lisbon", false),
        (
            "Ben",
            "Walters",
            "ben.walters@tailspintoys.com",
            "Seattle",
            true,
        ),
        (
            "Carla",
            "Reyes",
            "carla.reyes@northwindtraders.com",
            "Madrid",
            true,
        ),
        ("", "", "support@fabrikam.com", "Lisbon", false),
    ] {
        let display_name = if first.is_empty() {
            "Fabrikam Support".to_string()
        } else {
            format!("{first} {last}")
        };
        let optional = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let mut contact = Contact {
            object_id: b.random.uuid(),
            display_name,
            email_address: Some(mail.to_string()),
            first_name: optional(first),
            last_name: optional(last),
            title: optional(if first.is_empty() {
                ""
            } else {
                "Account Manager"
            }),
            department: None,
            office: None,
            street_address: None,
            city: Some(company_city.to_string()),
            state: None,
            postal_code: None,
            country: None,
            phone_number: Some(format!("+1 425555{:04}", b.random.below(10_000))),
            mobile_phone: None,
            fax: None,
            user_principal_name: None,
            proxy_addresses: vec![format!("SMTP:{mail}")],
            last_dir_sync_time: synchronized.then(today),
            errors: Vec::new(),
            dir_sync_provisioning_errors: Vec::new(),
            validation_status: ValidationStatus::Healthy,
        };
        if first == "Carla" {
            // A synchronized contact whose address another object already holds.
            contact.errors.push(ValidationErrorEntry {
                error_detail: format!("The proxy address \"SMTP:{mail}\" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address."),
                resolved: false,
                service_instance: "exchange/eurprd05-001-01".to_string(),
                timestamp: at(2550),
            });
            contact.validation_status = ValidationStatus::Error;
            contact
                .dir_sync_provisioning_errors
                .push(DirSyncProvisioningError {
                    error_category: "PropertyConflict".to_string(),
                    property_name: "ProxyAddresses".to_string(),
                    property_value: format!("SMTP:{mail}"),
                    when_started: at(2550),
                });
        }
        if let (Some(group), false) = (sales, synchronized) {
            b.snapshot.group_memberships.push(GroupMembership {
                group_object_id: group,
                member_object_id: contact.object_id,
            });
        }
        b.snapshot.contacts.push(contact);
    }
}

/// The demo's administrative units: "West Coast" (two users, a group and a device, with
/// nestor.wilke its Helpdesk Administrator) and "East Coast" (one user, no scoped role).
fn administrative_units(b: &mut Builder) {
    let user = |b: &Builder, upn: &str| {
        b.snapshot
            .users
            .iter()
            .find(|u| u.user_principal_name == upn)
            .map(|u| u.object_id)
    };
    let west = b.random.uuid();
    let east = b.random.uuid();
    for (id, name, description) in [
        (west, "West Coast", "West Coast region"),
        (east, "East Coast", "East Coast region"),
    ] {
        b.snapshot.administrative_units.push(AdministrativeUnit {
            object_id: id,
            display_name: name.to_string(),
            description: Some(description.to_string()),
        });
    }
    let sales = b
        .snapshot
        .groups
        .iter()
        .find(|g| g.display_name == "Sales Team")
        .map(|g| g.object_id);
    let laptop = b
        .snapshot
        .devices
        .iter()
        .find(|d| d.display_name == "LAPTOP-MEGAN01")
        .map(|d| d.object_id);
    let members = [
        (west, user(b, "megan.bowen@contoso.com")),
        (west, user(b, "lee.gu@contoso.com")),
        (west, sales),
        (west, laptop),
        (east, user(b, "adele.vance@contoso.com")),
    ];
    for (unit, member) in members {
        if let Some(member) = member {
            b.snapshot
                .administrative_unit_memberships
                .push(AdministrativeUnitMembership {
                    administrative_unit_object_id: unit,
                    member_object_id: member,
                });
        }
    }
    if let (Some(helpdesk), Some(nestor)) = (
        roles::by_name("Helpdesk Administrator"),
        user(b, "nestor.wilke@contoso.com"),
    ) {
        b.snapshot
            .scoped_role_assignments
            .push(ScopedRoleAssignment {
                administrative_unit_object_id: west,
                role_object_id: helpdesk.id(),
                member_object_id: nestor,
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_consistent_and_stable() {
        let now = Timestamp::now();
        let first = demo_tenant(300, now);
        first.check().unwrap();
        assert_eq!(first.users.len(), 300);
        assert_eq!(first, demo_tenant(300, now));
    }
}
