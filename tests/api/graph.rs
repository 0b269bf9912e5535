//! The Graph backend against the Graph simulator: the shared conformance suite, and what only
//! Graph has (throttling, 503 storms, token expiry, paging, masked numbers, synced users).

use std::collections::HashMap;
use std::time::Duration;

use graph_sim::{GraphSimulator, SimHandle, SimSettings};
use msol_bridge::directory::conformance;
use msol_bridge::graph::client::RetryPolicy;
use msol_bridge::graph::cloud::Endpoints;
use msol_bridge::graph::{self, GraphDirectory, GraphSettings, SignIn};
use msol_bridge::graph_seed::simulated_tenant;
use msol_bridge::secret::Secret;
use msol_bridge::tenant::TenantSnapshot;

use crate::helpers::fresh_tenant;

pub const APP_ID: &str = "0b7d2f8e-5a49-4c1e-8f3a-2e6c9d1b4a70";
pub const APP_SECRET: &str = "simulated-client-secret-value";

pub struct TestGraph {
    pub url: String,
    pub sim: SimHandle,
}

pub async fn spawn_simulator(snapshot: &TenantSnapshot, settings: SimSettings) -> TestGraph {
    let mut settings = settings;
    settings.apps = HashMap::from([(APP_ID.to_string(), APP_SECRET.to_string())]);
    let simulator = GraphSimulator::bind(
        "127.0.0.1:0".parse().unwrap(),
        simulated_tenant(snapshot),
        settings,
    )
    .await
    .unwrap();
    let url = simulator.url();
    let sim = simulator.handle();
    tokio::spawn(simulator.run_until(std::future::pending()));
    TestGraph { url, sim }
}

/// A bridge over an unthrottled simulator seeded with `snapshot`, signed in as the test
/// application; the simulator lives as long as the returned handle.
pub async fn spawn_bridge_over_graph(
    snapshot: &TenantSnapshot,
) -> (TestGraph, crate::helpers::TestBridge) {
    let graph = spawn_unthrottled(snapshot).await;
    let bridge =
        crate::helpers::spawn_bridge_over(std::sync::Arc::new(graph.app_directory().await)).await;
    (graph, bridge)
}

/// A simulator without throttling, for tests about shapes and rules rather than limits.
pub async fn spawn_unthrottled(snapshot: &TenantSnapshot) -> TestGraph {
    spawn_simulator(
        snapshot,
        SimSettings {
            limits: None,
            ..SimSettings::default()
        },
    )
    .await
}

/// An unthrottled simulator that approves every device code at once, as `--auto-approve` does.
pub async fn spawn_approving(snapshot: &TenantSnapshot) -> TestGraph {
    spawn_simulator(
        snapshot,
        SimSettings {
            auto_approve: true,
            limits: None,
            ..SimSettings::default()
        },
    )
    .await
}

impl TestGraph {
    pub fn settings(&self, sign_in: SignIn) -> GraphSettings {
        GraphSettings {
            endpoints: Endpoints {
                login: self.url.clone(),
                graph: self.url.clone(),
            },
            tenant: "contoso.onmicrosoft.com".to_string(),
            sign_in,
            retry: RetryPolicy {
                max_attempts: 8,
                max_elapsed: Duration::from_secs(60),
                backoff: Duration::from_millis(20),
                ..RetryPolicy::default()
            },
        }
    }

    /// Why signing in this way fails (it must fail).
    pub async fn refusal(&self, sign_in: SignIn) -> String {
        graph::connect(self.settings(sign_in), &|_| {})
            .await
            .err()
            .expect("the sign-in is refused")
            .to_string()
    }

    pub async fn app_directory(&self) -> GraphDirectory {
        let sign_in = SignIn::ClientSecret {
            client_id: APP_ID.to_string(),
            secret: Secret::new(APP_SECRET.to_string()),
        };
        graph::connect(self.settings(sign_in), &|_| {})
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn the_graph_backend_passes_the_conformance_suite() {
    let mut tenant = fresh_tenant();
    conformance::add_samples(&mut tenant);
    let admin = user("suiteadmin");
    grant_role(&mut tenant, &admin, GLOBAL_ADMINISTRATOR);
    tenant.users.push(admin);
    let graph = spawn_unthrottled(&tenant).await;
    conformance::run_all(&graph.app_directory().await).await;
    let signed_in = directory_as(&graph, "suiteadmin@contoso.onmicrosoft.com")
        .await
        .unwrap();
    conformance::run_as_global_administrator(&signed_in).await;
}

use graph_sim::throttle::Limits;
use msol_bridge::directory::{PageRequest, UserDirectory, UserQuery};
use msol_bridge::domain::model::{
    MethodType, RequirementState, RoleMemberType, StrongAuthenticationMethod,
    StrongAuthenticationRequirement, StrongAuthenticationUserDetails, User,
};
use msol_bridge::domain::requests::{
    SetUserParams, SetUserPasswordParams, UserChanges, UserFilter, UserRef,
};
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::RoleAssignment;
use uuid::Uuid;

const AUTHENTICATION_ADMINISTRATOR: &str = "c4e39bd9-1100-46d3-8c65-fb160da0071f";
const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
pub const USER_ADMINISTRATOR: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";

/// A cloud user `alias@contoso.onmicrosoft.com` named `alias`.
pub fn user(alias: &str) -> User {
    let mut user = User::new(
        Uuid::new_v4(),
        format!("{alias}@contoso.onmicrosoft.com"),
        Timestamp::now(),
    );
    user.display_name = Some(alias.to_string());
    user
}

/// A user registered for SMS on the mobile phone +1 4255550100 (the default method).
fn sms_user(alias: &str) -> User {
    let mut user = user(alias);
    user.mobile_phone = Some("+1 4255550100".into());
    user.strong_authentication_methods = vec![StrongAuthenticationMethod {
        method_type: MethodType::OneWaySms,
        is_default: true,
    }];
    user.strong_authentication_user_details = Some(StrongAuthenticationUserDetails {
        phone_number: Some("+1 4255550100".into()),
        ..Default::default()
    });
    user
}

/// The MethodType of each of a user's StrongAuthenticationMethods, as the bridge answers them.
fn method_types(user: &serde_json::Value) -> Vec<String> {
    user["StrongAuthenticationMethods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["MethodType"].as_str().unwrap().to_string())
        .collect()
}

fn with_users(count: usize) -> TenantSnapshot {
    let mut snapshot = fresh_tenant();
    snapshot
        .users
        .extend((0..count).map(|i| user(&format!("user{i:05}"))));
    snapshot
}

fn enable_mfa() -> UserChanges {
    UserChanges {
        strong_authentication_requirements: Some(vec![StrongAuthenticationRequirement {
            relying_party: "*".into(),
            state: RequirementState::Enabled,
            remember_devices_not_issued_before: None,
        }]),
        ..Default::default()
    }
}

async fn set(
    directory: &GraphDirectory,
    alias: &str,
    changes: UserChanges,
) -> msol_bridge::domain::fault::FaultResult<msol_bridge::directory::Outcome> {
    directory
        .set_user(SetUserParams {
            user_principal_name: Some(format!("{alias}@contoso.onmicrosoft.com")),
            changes,
            ..Default::default()
        })
        .await
}

#[tokio::test]
async fn throttled_batch_items_are_retried_after_the_longest_retry_after() {
    // A bucket of 100 resource units refilling at 10 per second: reading 40 users' authentication
    // (120 batch items) must wait for it.
    let limits = Limits {
        read_units_per_10s: [100.0; 3],
        app_writes_per_150s: 3_000.0,
        tenant_writes_per_300s: 18_000.0,
    };
    let graph = spawn_simulator(
        &with_users(40),
        SimSettings {
            limits: Some(limits),
            ..SimSettings::default()
        },
    )
    .await;
    let directory = graph.app_directory().await;
    let page = directory
        .list_users(
            &UserQuery {
                filter: UserFilter::default(),
                strong_authentication: None,
                role_object_id: None,
            },
            PageRequest {
                cursor: None,
                size: 500,
            },
        )
        .await
        .expect("every throttled item is retried until it succeeds");
    assert_eq!(
        page.items.len(),
        41,
        "40 users and the simulator's administrator"
    );
    let counters = graph.sim.counters();
    assert!(
        counters.throttled > 0,
        "the bucket was too small for one pass: {counters:?}"
    );
    assert_eq!(
        counters.early_retries, 0,
        "no request came before its Retry-After had passed"
    );
}

#[tokio::test]
async fn a_storm_of_503s_and_dropped_connections_loses_and_doubles_no_write() {
    let mut snapshot = with_users(25);
    for user in &mut snapshot.users {
        user.mobile_phone = Some("+1 425 555 0100".to_string());
    }
    let settings = SimSettings {
        limits: None,
        unavailable_rate: 0.3,
        unavailable_retry_after: Duration::from_millis(10),
        drop_rate: 0.25,
        seed: 7,
        ..SimSettings::default()
    };
    let graph = spawn_simulator(&snapshot, settings).await;
    let mut directory_settings = graph.settings(SignIn::ClientSecret {
        client_id: APP_ID.into(),
        secret: Secret::new(APP_SECRET.into()),
    });
    directory_settings.retry.max_attempts = 14;
    let directory = graph::connect(directory_settings, &|_| {}).await.unwrap();
    let sms = vec![StrongAuthenticationMethod {
        method_type: MethodType::OneWaySms,
        is_default: true,
    }];
    for i in 0..25 {
        let changes = UserChanges {
            strong_authentication_methods: Some(sms.clone()),
            ..enable_mfa()
        };
        set(&directory, &format!("user{i:05}"), changes)
            .await
            .unwrap_or_else(|f| panic!("user{i:05}: {f}"));
    }
    let counters = graph.sim.counters();
    assert!(
        counters.unavailable > 10 && counters.dropped > 3,
        "the storm happened: {counters:?}"
    );
    let phone_posts: Vec<u64> = counters
        .writes
        .iter()
        .filter(|(k, _)| k.starts_with("POST") && k.ends_with("phoneMethods"))
        .map(|(_, n)| *n)
        .collect();
    assert_eq!(
        phone_posts.len(),
        25,
        "every user got a phone: {counters:?}"
    );
    assert!(
        phone_posts.iter().all(|n| *n == 1),
        "no phone was created twice: {counters:?}"
    );
    graph.sim.with_tenant(|tenant| {
        for user in tenant
            .users
            .iter()
            .filter(|u| u.user_principal_name.starts_with("user"))
        {
            assert_eq!(
                user.auth.per_user_mfa_state, "enforced",
                "{}",
                user.user_principal_name
            );
            assert_eq!(
                user.auth.preferred_method.as_deref(),
                Some("sms"),
                "{}",
                user.user_principal_name
            );
            assert_eq!(user.auth.phones.len(), 1);
        }
    });
}

#[tokio::test]
async fn tokens_are_renewed_before_and_after_they_expire() {
    let settings = SimSettings {
        limits: None,
        token_lifetime: Duration::from_secs(2),
        ..SimSettings::default()
    };
    let graph = spawn_simulator(&with_users(3), settings).await;
    let directory = graph.app_directory().await;
    directory
        .get_user(&UserRef::by_upn("user00000@contoso.onmicrosoft.com"), false)
        .await
        .unwrap();
    // Past half its life the token is renewed before use.
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    directory
        .get_user(&UserRef::by_upn("user00001@contoso.onmicrosoft.com"), false)
        .await
        .unwrap();
    let renewed_early = graph.sim.counters().tokens_issued;
    assert_eq!(renewed_early, 2);
    // Revoked or expired on Graph's side mid-run: the 401 leads to a new token and the call succeeds.
    graph.sim.expire_tokens();
    directory
        .get_user(&UserRef::by_upn("user00002@contoso.onmicrosoft.com"), false)
        .await
        .unwrap();
    assert_eq!(graph.sim.counters().tokens_issued, 3);
}

#[tokio::test]
async fn listings_follow_next_links_to_the_last_page() {
    let graph = spawn_simulator(
        &with_users(2_100),
        SimSettings {
            limits: None,
            ..SimSettings::default()
        },
    )
    .await;
    let directory = graph.app_directory().await;
    let query = UserQuery {
        filter: UserFilter::default(),
        strong_authentication: None,
        role_object_id: None,
    };
    let mut cursor = None;
    let mut seen = std::collections::HashSet::new();
    let mut pages = 0;
    loop {
        let page = directory
            .list_users(
                &query,
                PageRequest {
                    cursor,
                    size: 1_000,
                },
            )
            .await
            .unwrap();
        pages += 1;
        for user in page.items {
            assert!(
                seen.insert(user.object_id),
                "{} listed twice",
                user.user_principal_name
            );
        }
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), 2_101);
    assert_eq!(pages, 3, "pages of 999 users");
    // Get-MsolUser -All's first page carries the tenant's user count, for progress.
    let first = msol_bridge::api::operations::Operation::GetUser
        .run(
            serde_json::json!({ "All": true, "PageSize": 10 }),
            &directory,
        )
        .await
        .unwrap();
    let first: serde_json::Value = serde_json::from_slice(&first.json).unwrap();
    assert_eq!(first["EstimatedTotal"], 2_101);
    let counters = graph.sim.counters();
    assert_eq!(
        counters.low_priority,
        3 * (2_101 + 10),
        "bulk reads go at low priority: {counters:?}"
    );
    directory
        .get_user(&UserRef::by_upn("user00000@contoso.onmicrosoft.com"), false)
        .await
        .unwrap();
    assert_eq!(
        graph.sim.counters().low_priority,
        3 * (2_101 + 10),
        "a single user's read is not bulk"
    );
}

#[tokio::test]
async fn masked_phone_numbers_are_never_written_back() {
    let mut snapshot = fresh_tenant();
    let mut helpdesk = user("helpdesk");
    helpdesk.usage_location = Some("US".into());
    let target = sms_user("target");
    // An Authentication Administrator, with the roles Graph asks for to read per-user MFA state
    // (Global Reader) and to change profiles (User Administrator).
    for role in [
        AUTHENTICATION_ADMINISTRATOR,
        GLOBAL_READER,
        USER_ADMINISTRATOR,
    ] {
        grant_role(&mut snapshot, &helpdesk, role);
    }
    snapshot.users.extend([helpdesk, target]);
    let graph = spawn_unthrottled(&snapshot).await;
    let directory = directory_as(&graph, "helpdesk@contoso.onmicrosoft.com")
        .await
        .unwrap();
    let seen = directory
        .get_user(&UserRef::by_upn("target@contoso.onmicrosoft.com"), false)
        .await
        .unwrap();
    let shown = seen
        .strong_authentication_user_details
        .unwrap()
        .phone_number
        .unwrap();
    assert_eq!(
        shown, "+1 XXXXXXXX00",
        "an Authentication Administrator sees the number masked"
    );
    // The new profile number would become the authentication phone, but the registered one cannot be compared.
    let sms = vec![StrongAuthenticationMethod {
        method_type: MethodType::OneWaySms,
        is_default: true,
    }];
    let outcome = set(
        &directory,
        "target",
        UserChanges {
            mobile_phone: Some("+1 425 555 0199".into()),
            strong_authentication_methods: Some(sms),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(
        outcome.warnings.iter().any(|w| w.contains("masked")),
        "{:?}",
        outcome.warnings
    );
    let counters = graph.sim.counters();
    assert!(
        !counters.writes.keys().any(|k| k.contains("phoneMethods")),
        "no phone write: {counters:?}"
    );
    graph.sim.with_tenant(|tenant| {
        let target = &tenant.users[tenant.find_user("target@contoso.onmicrosoft.com").unwrap()];
        assert_eq!(
            target.auth.phones.values().next().map(String::as_str),
            Some("+1 4255550100")
        );
    });
}

#[tokio::test]
async fn a_synchronized_users_profile_fields_are_refused_before_any_write() {
    let mut snapshot = fresh_tenant();
    let mut synced = user("synced");
    synced.last_dir_sync_time = Some(Timestamp::now());
    snapshot.users.push(synced);
    let graph = spawn_unthrottled(&snapshot).await;
    let directory = graph.app_directory().await;
    let refused = set(
        &directory,
        "synced",
        UserChanges {
            department: Some("Legal".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(refused.code(), "PropertyNotSettableException");
    assert_eq!(refused.field(), Some("Department"));
    assert!(graph.sim.counters().writes.is_empty(), "nothing was sent");
    // Authentication data is cloud-only and stays writable for synchronized users.
    set(&directory, "synced", enable_mfa()).await.unwrap();
}

#[tokio::test]
async fn sign_in_flows_and_their_refusals() {
    let graph = spawn_simulator(
        &with_users(1),
        SimSettings {
            limits: None,
            auto_approve: true,
            ..SimSettings::default()
        },
    )
    .await;
    let shown = std::sync::Mutex::new(String::new());
    let device = graph::connect(
        graph.settings(SignIn::DeviceCode {
            client_id: graph::auth::GRAPH_POWERSHELL_CLIENT_ID.into(),
        }),
        &|m| *shown.lock().unwrap() = m.to_string(),
    )
    .await
    .expect("auto-approved device code");
    assert!(
        shown.lock().unwrap().contains("/devicelogin"),
        "the sign-in message reached the user"
    );
    device
        .get_user(&UserRef::by_upn("user00000@contoso.onmicrosoft.com"), false)
        .await
        .unwrap();

    let wrong = graph
        .refusal(SignIn::ClientSecret {
            client_id: APP_ID.into(),
            secret: Secret::new("not-the-secret".into()),
        })
        .await;
    assert!(
        wrong.contains("AADSTS7000215") && !wrong.contains("not-the-secret"),
        "{wrong}"
    );

    let app = graph.app_directory().await;
    let password = app
        .set_user_password(SetUserPasswordParams {
            user_principal_name: Some("user00000@contoso.onmicrosoft.com".into()),
            new_password: Some("Correct-Horse-9".into()),
            ..Default::default()
        })
        .await
        .unwrap()
        .unwrap();
    set(&app, "user00000", enable_mfa()).await.unwrap();
    let blocked = graph
        .refusal(SignIn::Password {
            client_id: graph::auth::GRAPH_POWERSHELL_CLIENT_ID.into(),
            username: "user00000@contoso.onmicrosoft.com".into(),
            password: Secret::new(password.clone()),
        })
        .await;
    assert!(
        blocked.contains("AADSTS50076")
            && blocked.contains("Multi-factor authentication")
            && !blocked.contains(&password),
        "{blocked}"
    );
}

#[tokio::test]
async fn an_app_signs_in_with_its_certificate_in_either_algorithm() {
    use msol_bridge::certificate::{certificates, Algorithm, ClientCertificate};
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let registered = std::fs::read_to_string(fixtures.join("test-app-certificate.pem")).unwrap();
    let unregistered =
        std::fs::read_to_string(fixtures.join("test-unregistered-certificate.pem")).unwrap();
    let mut settings = SimSettings {
        limits: None,
        ..SimSettings::default()
    };
    settings.app_certificates = HashMap::from([(APP_ID.to_string(), certificates(&registered))]);
    let graph = spawn_simulator(&with_users(1), settings).await;
    let sign_in = |pem: &str, algorithm| SignIn::Certificate {
        client_id: APP_ID.into(),
        certificate: std::sync::Arc::new(ClientCertificate::from_pem(pem).unwrap()),
        algorithm,
    };
    for algorithm in [Algorithm::Ps256, Algorithm::Rs256] {
        let directory = graph::connect(graph.settings(sign_in(&registered, algorithm)), &|_| {})
            .await
            .unwrap_or_else(|e| panic!("{algorithm:?}: {e}"));
        directory
            .get_user(&UserRef::by_upn("user00000@contoso.onmicrosoft.com"), false)
            .await
            .unwrap();
    }
    let refused = graph
        .refusal(sign_in(&unregistered, Algorithm::Ps256))
        .await;
    assert!(
        refused.contains("AADSTS700027") && refused.contains("thumbprint"),
        "{refused}"
    );
    let without_key = registered.replace("PRIVATE KEY", "NOTHING");
    assert!(ClientCertificate::from_pem(&without_key)
        .unwrap_err()
        .contains("private key"));
}

#[tokio::test]
async fn what_graph_cannot_store_is_refused_or_reported_never_dropped() {
    use msol_bridge::domain::requests::NewUserParams;
    let graph = spawn_unthrottled(&fresh_tenant()).await;
    let directory = graph.app_directory().await;
    let created = directory
        .new_user(NewUserParams {
            user_principal_name: "alt@contoso.onmicrosoft.com".into(),
            properties: UserChanges {
                display_name: Some("Alt".into()),
                mobile_phone: Some("+1 425 555 0100".into()),
                ..Default::default()
            },
            ..Default::default()
        })
        .await
        .unwrap();
    let writes = graph.sim.counters().writes;
    assert_eq!(writes.get("POST /users"), Some(&1));
    assert!(
        !writes.contains_key(&format!("PATCH /users/{}", created.user.object_id)),
        "the profile went with the create: {writes:?}"
    );

    let alternate = |methods: Option<Vec<StrongAuthenticationMethod>>| UserChanges {
        alternate_mobile_phones: Some(vec!["+44 7700 900123".into()]),
        strong_authentication_methods: methods,
        ..Default::default()
    };
    let refused = set(&directory, "alt", alternate(None)).await.unwrap_err();
    assert_eq!(refused.field(), Some("AlternateMobilePhones"));
    assert_eq!(graph.sim.counters().writes, writes, "nothing was written");

    let methods = vec![
        StrongAuthenticationMethod {
            method_type: MethodType::OneWaySms,
            is_default: true,
        },
        StrongAuthenticationMethod {
            method_type: MethodType::TwoWayVoiceAlternateMobile,
            is_default: false,
        },
    ];
    set(&directory, "alt", alternate(Some(methods)))
        .await
        .unwrap();
    graph.sim.with_tenant(|tenant| {
        let user = &tenant.users[tenant.find_user("alt@contoso.onmicrosoft.com").unwrap()];
        let phones: Vec<&str> = user.auth.phones.values().map(String::as_str).collect();
        assert_eq!(
            phones,
            vec!["+1 4255550100", "+44 7700900123"],
            "both registered: the simulator refuses an alternate before its mobile"
        );
    });

    let mut remembered = enable_mfa();
    remembered
        .strong_authentication_requirements
        .as_mut()
        .unwrap()[0]
        .remember_devices_not_issued_before = Some(Timestamp::now());
    let outcome = set(&directory, "alt", remembered).await.unwrap();
    assert!(
        outcome
            .warnings
            .iter()
            .any(|w| w.contains("RememberDevicesNotIssuedBefore")),
        "{:?}",
        outcome.warnings
    );
    assert_eq!(
        outcome.changed,
        vec!["StrongAuthenticationRequirements".to_string()]
    );
}

/// POSTs a form to the simulator's identity platform as any client would; answers the JSON body.
async fn post_form(
    client: &reqwest::Client,
    url: String,
    form: &[(&str, &str)],
) -> serde_json::Value {
    client
        .post(url)
        .form(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn base64_json(text: &str) -> serde_json::Value {
    serde_json::from_slice(&msol_encoding::base64::decode(text).expect("base64url")).unwrap()
}

/// The claims of a JWT (the simulator's tokens are JWT-shaped, as Microsoft's are).
fn jwt_claims(token: &str) -> serde_json::Value {
    base64_json(token.split('.').nth(1).expect("a JWT"))
}

/// An app-only token answer for the test app, from the client-credentials grant.
async fn app_token_answer(
    client: &reqwest::Client,
    graph: &TestGraph,
    tenant: &str,
) -> serde_json::Value {
    post_form(
        client,
        format!("{}/{tenant}/oauth2/v2.0/token", graph.url),
        &[
            ("client_id", APP_ID),
            ("client_secret", APP_SECRET),
            ("grant_type", "client_credentials"),
            ("scope", "https://graph.microsoft.com/.default"),
        ],
    )
    .await
}

/// What Microsoft documents for the device code grant and refresh tokens, as any client sees it:
/// the token keeps the scope asked for at /devicecode (answered as what it grants), a refresh
/// token comes with offline_access,
/// and a refresh token stays valid when used, each use answering a new one.
#[tokio::test]
async fn the_device_code_token_keeps_its_scope_and_refresh_tokens_stay_valid() {
    let graph = spawn_approving(&fresh_tenant()).await;
    let client = reqwest::Client::new();
    let endpoint = |path: &str| format!("{}/organizations/oauth2/v2.0/{path}", graph.url);
    let client_id = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
    let scope = "https://graph.microsoft.com/.default offline_access";
    let code: serde_json::Value = post_form(
        &client,
        endpoint("devicecode"),
        &[("client_id", client_id), ("scope", scope)],
    )
    .await;
    let token: serde_json::Value = post_form(
        &client,
        endpoint("token"),
        &[
            ("client_id", client_id),
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("device_code", code["device_code"].as_str().unwrap()),
        ],
    )
    .await;
    // `.default` answers every consented permission (here all), and the OpenID scopes asked for.
    let granted = token["scope"].as_str().unwrap().to_string();
    let granted_set: Vec<&str> = granted.split(' ').collect();
    assert!(
        granted_set.contains(&"Policy.ReadWrite.AuthenticationMethod")
            && granted_set.contains(&"offline_access"),
        "{token}"
    );
    let refresh = token["refresh_token"]
        .as_str()
        .expect("a refresh token")
        .to_string();
    let mut issued = Vec::new();
    for _ in 0..2 {
        let renewed = client
            .post(endpoint("token"))
            .form(&[
                ("client_id", client_id),
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(
            renewed.status().as_u16(),
            200,
            "the refresh token stays valid when used"
        );
        let renewed: serde_json::Value = renewed.json().await.unwrap();
        assert!(renewed["access_token"].is_string());
        assert_eq!(
            renewed["scope"], granted,
            "a refresh without scope keeps the original"
        );
        issued.push(
            renewed["refresh_token"]
                .as_str()
                .expect("a new refresh token")
                .to_string(),
        );
    }
    assert_ne!(issued[0], issued[1]);
    assert!(!issued.contains(&refresh));
}

/// Answers shaped as Microsoft's documentation shows them, as any client reads them: `$batch`
/// items carry Content-Type, OData-Version and Cache-Control; a deleted item names its type and
/// context; `$select` always brings `id`.
#[tokio::test]
async fn batch_items_deleted_items_and_select_are_shaped_as_documented() {
    let mut snapshot = fresh_tenant();
    snapshot.users.push(user("gone"));
    let graph = spawn_unthrottled(&snapshot).await;
    let client = reqwest::Client::new();
    let token: serde_json::Value =
        app_token_answer(&client, &graph, "contoso.onmicrosoft.com").await;
    let bearer = token["access_token"].as_str().unwrap().to_string();
    let call = |method: reqwest::Method, path: &str| {
        client
            .request(method, format!("{}{path}", graph.url))
            .bearer_auth(&bearer)
    };

    let batch: serde_json::Value = call(reqwest::Method::POST, "/v1.0/$batch")
        .json(&serde_json::json!({ "requests": [
            { "id": "1", "method": "GET", "url": "/users?$select=displayName&$top=1" },
            { "id": "2", "method": "GET", "url": "/users/$count", "headers": { "ConsistencyLevel": "eventual" } },
        ]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for item in batch["responses"].as_array().unwrap() {
        let headers = &item["headers"];
        assert_eq!(headers["OData-Version"], "4.0", "{item}");
        assert_eq!(headers["Cache-Control"], "no-cache", "{item}");
        let content_type = headers["Content-Type"].as_str().unwrap_or_default();
        match item["id"].as_str().unwrap() {
            "1" => {
                assert!(content_type.starts_with("application/json"), "{item}");
                let first = &item["body"]["value"][0];
                assert!(first["id"].is_string(), "$select keeps id: {first}");
                assert!(first["displayName"].is_string());
                assert!(first.get("userPrincipalName").is_none(), "{first}");
            }
            _ => assert_eq!(content_type, "text/plain", "{item}"),
        }
    }

    let gone = graph.sim.with_tenant(|tenant| {
        tenant.users[tenant.find_user(&crate::helpers::upn("gone")).unwrap()].id
    });
    let deleted = call(reqwest::Method::DELETE, &format!("/v1.0/users/{gone}"))
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status().as_u16(), 204);
    let item: serde_json::Value = call(
        reqwest::Method::GET,
        &format!("/v1.0/directory/deletedItems/{gone}"),
    )
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(item["@odata.type"], "#microsoft.graph.user", "{item}");
    assert_eq!(
        item["@odata.context"],
        format!("{}/v1.0/$metadata#directoryObjects/$entity", graph.url)
    );
}

/// What MSAL and azure-identity need of the identity platform before and after a sign-in: the
/// OpenID discovery document, an id_token and client_info for `openid`, `/me` for delegated
/// tokens only, ROPC refused on `/common`, and error bodies with timestamp, trace and correlation ids.
#[tokio::test]
async fn the_identity_platform_serves_discovery_id_tokens_and_me_as_documented() {
    let snapshot = fresh_tenant();
    let tenant_id = snapshot.company.object_id;
    let graph = spawn_approving(&snapshot).await;
    let client = reqwest::Client::new();
    let discover = |tenant: String| {
        let (client, url) = (client.clone(), graph.url.clone());
        async move {
            let response = client
                .get(format!(
                    "{url}/{tenant}/v2.0/.well-known/openid-configuration"
                ))
                .send()
                .await
                .unwrap();
            (
                response.status().as_u16(),
                response.json::<serde_json::Value>().await.unwrap(),
            )
        }
    };
    let (status, discovery) = discover("organizations".into()).await;
    assert_eq!(status, 200);
    assert_eq!(
        discovery["token_endpoint"],
        format!("{}/organizations/oauth2/v2.0/token", graph.url)
    );
    assert_eq!(
        discovery["device_authorization_endpoint"],
        format!("{}/organizations/oauth2/v2.0/devicecode", graph.url)
    );
    assert_eq!(
        discovery["issuer"],
        format!("{}/{{tenantid}}/v2.0", graph.url)
    );
    let (_, own) = discover(tenant_id.to_string()).await;
    assert_eq!(own["issuer"], format!("{}/{tenant_id}/v2.0", graph.url));
    let (status, unknown) = discover("nowhere.example".into()).await;
    assert_eq!(status, 400);
    for member in ["timestamp", "trace_id", "correlation_id"] {
        assert!(unknown[member].is_string(), "{member} in {unknown}");
    }

    let client_id = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
    let endpoint = |path: &str| format!("{}/organizations/oauth2/v2.0/{path}", graph.url);
    let scope = "openid profile offline_access https://graph.microsoft.com/.default";
    let code = post_form(
        &client,
        endpoint("devicecode"),
        &[("client_id", client_id), ("scope", scope)],
    )
    .await;
    let token = post_form(
        &client,
        endpoint("token"),
        &[
            ("client_id", client_id),
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("device_code", code["device_code"].as_str().unwrap()),
            ("client_info", "1"),
        ],
    )
    .await;
    let id_token = token["id_token"].as_str().expect("an id_token for openid");
    let claims = jwt_claims(id_token);
    assert_eq!(claims["aud"], client_id);
    assert_eq!(claims["tid"], tenant_id.to_string());
    assert_eq!(claims["iss"], format!("{}/{tenant_id}/v2.0", graph.url));
    let upn = claims["preferred_username"].as_str().unwrap().to_string();
    let info = base64_json(token["client_info"].as_str().expect("client_info"));
    assert_eq!(info["uid"], claims["oid"]);
    assert_eq!(info["utid"], tenant_id.to_string());

    let me = |bearer: String| {
        let (client, url) = (client.clone(), graph.url.clone());
        async move {
            client
                .get(format!("{url}/v1.0/me"))
                .bearer_auth(bearer)
                .send()
                .await
                .unwrap()
        }
    };
    let mine: serde_json::Value = me(token["access_token"].as_str().unwrap().to_string())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["userPrincipalName"], upn);
    assert_eq!(mine["id"], claims["oid"]);
    let app = app_token_answer(&client, &graph, &tenant_id.to_string()).await;
    assert!(
        app.get("id_token").is_none(),
        "app-only tokens have no id_token"
    );
    let app_me = me(app["access_token"].as_str().unwrap().to_string()).await;
    assert_eq!(app_me.status().as_u16(), 400, "/me needs a signed-in user");

    let refusal = post_form(
        &client,
        format!("{}/common/oauth2/v2.0/token", graph.url),
        &[
            ("client_id", client_id),
            ("grant_type", "password"),
            ("username", upn.as_str()),
            ("password", "whatever-it-is"),
            ("scope", "https://graph.microsoft.com/.default"),
        ],
    )
    .await;
    assert!(
        refusal["error_description"]
            .as_str()
            .unwrap()
            .starts_with("AADSTS9001023"),
        "{refusal}"
    );
}

/// Role members list with each type's default properties, as Graph documents: a user's without
/// licences; the user cast with `$select` brings what was named, and `id`.
#[tokio::test]
async fn role_members_list_default_properties_unless_selected() {
    let graph = spawn_unthrottled(&fresh_tenant()).await;
    let client = reqwest::Client::new();
    let token = app_token_answer(&client, &graph, "contoso.onmicrosoft.com").await;
    let bearer = token["access_token"].as_str().unwrap().to_string();
    let members = |query: &str| {
        let (client, url, bearer) = (client.clone(), graph.url.clone(), bearer.clone());
        let query = query.to_string();
        async move {
            client
                .get(format!(
                    "{url}/v1.0/directoryRoles(roleTemplateId='62e90394-69f5-4237-9190-012177145e10')/members{query}"
                ))
                .bearer_auth(bearer)
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let plain = members("").await;
    let admin = &plain["value"][0];
    assert_eq!(admin["@odata.type"], "#microsoft.graph.user", "{plain}");
    assert!(admin["userPrincipalName"].is_string());
    assert!(
        admin.get("assignedLicenses").is_none(),
        "not a default property: {admin}"
    );
    assert!(admin.get("onPremisesSyncEnabled").is_none(), "{admin}");
    let cast = members("/microsoft.graph.user?$select=assignedLicenses").await;
    assert!(
        cast["@odata.context"]
            .as_str()
            .unwrap()
            .ends_with("$metadata#users"),
        "{cast}"
    );
    let admin = &cast["value"][0];
    assert!(admin["assignedLicenses"].is_array(), "{admin}");
    assert!(admin["id"].is_string());
    assert!(admin.get("userPrincipalName").is_none(), "{admin}");
    let groups = members("/microsoft.graph.group").await;
    assert_eq!(groups["value"], serde_json::json!([]));
    let wrong = members("/microsoft.graph.nothing").await;
    assert_eq!(wrong["error"]["code"], "BadRequest");
}

#[tokio::test]
async fn any_role_template_graph_lists_works_by_id_or_name() {
    const KNOWLEDGE_MANAGER: &str = "744ec460-397e-42ad-a462-8b3f9747a02c";
    let graph = spawn_unthrottled(&fresh_tenant()).await;
    let bridge =
        crate::helpers::spawn_bridge_over(std::sync::Arc::new(graph.app_directory().await)).await;
    let roles = bridge.ok("Get-MsolRole", serde_json::json!({})).await;
    let names: Vec<&str> = roles["Value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Name"].as_str().unwrap())
        .collect();
    // Every template of the built-in roles page, legacy names kept for MSOnline's table.
    assert!(names.len() > 100, "{}", names.len());
    assert!(names.contains(&"Authentication Policy Administrator"));
    assert!(names.contains(&"Company Administrator"));
    let upn = "admin@contoso.onmicrosoft.com";
    bridge
        .ok(
            "Add-MsolRoleMember",
            serde_json::json!({ "RoleName": "knowledge manager", "RoleMemberEmailAddress": upn }),
        )
        .await;
    let members = bridge
        .ok(
            "Get-MsolRoleMember",
            serde_json::json!({ "RoleObjectId": KNOWLEDGE_MANAGER }),
        )
        .await;
    assert_eq!(members["Value"][0]["EmailAddress"], upn, "{members}");
    let held = bridge
        .ok(
            "Get-MsolUserRole",
            serde_json::json!({ "UserPrincipalName": upn }),
        )
        .await;
    let held: Vec<&str> = held["Value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Name"].as_str().unwrap())
        .collect();
    assert!(held.contains(&"Knowledge Manager"), "{held:?}");
    assert!(held.contains(&"Company Administrator"), "{held:?}");
    bridge
        .ok(
            "Remove-MsolRoleMember",
            serde_json::json!({ "RoleObjectId": KNOWLEDGE_MANAGER, "RoleMemberEmailAddress": upn }),
        )
        .await;
    let unknown = bridge
        .fault(
            "Get-MsolRoleMember",
            serde_json::json!({ "RoleObjectId": "00000000-0000-0000-0000-00000000abcd" }),
        )
        .await;
    assert_eq!(unknown["Code"], "RoleNotFoundException", "{unknown}");

    // The local tenant knows MSOnline's table only.
    let local = crate::helpers::spawn_bridge().await;
    let refused = local
        .fault(
            "Add-MsolRoleMember",
            serde_json::json!({ "RoleName": "Knowledge Manager", "RoleMemberEmailAddress": upn }),
        )
        .await;
    assert_eq!(refused["Code"], "RoleNotFoundException", "{refused}");
}

/// Adds a cloud user `<alias>@contoso.onmicrosoft.com` holding a role (by template id).
pub fn add_admin(snapshot: &mut TenantSnapshot, alias: &str, role: &str) {
    let admin = User::new(
        Uuid::new_v4(),
        format!("{alias}@contoso.onmicrosoft.com"),
        Timestamp::now(),
    );
    grant_role(snapshot, &admin, role);
    snapshot.users.push(admin);
}

/// Makes a user of the snapshot a member of a role (by template id).
pub fn grant_role(snapshot: &mut TenantSnapshot, member: &User, role: &str) {
    snapshot.role_assignments.push(RoleAssignment {
        role_object_id: Uuid::parse_str(role).unwrap(),
        member_object_id: member.object_id,
        role_member_type: RoleMemberType::User,
    });
}

/// Asserts that `refused` is MSOnline's AccessDenied and that its message names `named` (the role
/// or permission the request needs).
pub fn assert_denied_naming(refused: &msol_bridge::domain::fault::Fault, named: &str) {
    assert_eq!(refused.code(), "AccessDeniedException", "{refused}");
    assert!(
        refused.to_string().contains(named),
        "{refused} should name {named}"
    );
}

/// Gives a user of the simulated tenant the password the sign-in helpers use.
fn give_password(graph: &TestGraph, upn: &str) {
    graph.sim.with_tenant_mut(|tenant| {
        let index = tenant.find_user(upn).unwrap();
        tenant.users[index].password = Some("Correct-Horse-9".to_string());
    });
}

/// An unthrottled simulator whose tenant consented just `permissions` for Graph PowerShell's client.
async fn spawn_consented(snapshot: &TenantSnapshot, permissions: &[&str]) -> TestGraph {
    let mut consents = HashMap::new();
    consents.insert(
        graph::auth::GRAPH_POWERSHELL_CLIENT_ID.to_string(),
        permissions.iter().map(|p| p.to_string()).collect(),
    );
    spawn_simulator(
        snapshot,
        SimSettings {
            limits: None,
            consents,
            ..SimSettings::default()
        },
    )
    .await
}

/// A delegated token for a user of the simulated tenant, by the password grant (the user gets
/// the password first), for the Graph PowerShell client.
async fn user_token_answer(graph: &TestGraph, upn: &str, scope: &str) -> serde_json::Value {
    give_password(graph, upn);
    post_form(
        &reqwest::Client::new(),
        format!("{}/contoso.onmicrosoft.com/oauth2/v2.0/token", graph.url),
        &[
            ("client_id", graph::auth::GRAPH_POWERSHELL_CLIENT_ID),
            ("grant_type", "password"),
            ("username", upn),
            ("password", "Correct-Horse-9"),
            ("scope", scope),
        ],
    )
    .await
}

/// Graph's permission model as documented: tokens carry `scp` or `roles`; `.default` yields what
/// was consented and an explicit scope outside it gets AADSTS65001; each request needs one of its
/// permissions and, delegated, one of its roles; refusals are 403 Authorization_RequestDenied.
#[tokio::test]
async fn permissions_consent_and_roles_are_enforced_as_documented() {
    const AUTHENTICATION_POLICY_ADMINISTRATOR: &str = "0526716b-113d-4c15-b2c8-68e3c22b9f80";
    let mut snapshot = fresh_tenant();
    let mut users = Vec::new();
    for (alias, role) in [
        ("useradmin", Some(USER_ADMINISTRATOR)),
        ("policyadmin", Some(AUTHENTICATION_POLICY_ADMINISTRATOR)),
        ("authadmin", Some(AUTHENTICATION_ADMINISTRATOR)),
        ("staff", None),
        ("target", None),
        ("exec", Some(GLOBAL_READER)),
    ] {
        let member = user(alias);
        if let Some(role) = role {
            grant_role(&mut snapshot, &member, role);
        }
        users.push(member);
    }
    snapshot.users.extend(users);
    let graph = spawn_consented(
        &snapshot,
        &[
            "User.Read.All",
            "UserAuthenticationMethod.ReadWrite.All",
            "Policy.ReadWrite.AuthenticationMethod",
        ],
    )
    .await;
    let upn = |alias: &str| format!("{alias}@contoso.onmicrosoft.com");
    let client = reqwest::Client::new();
    let call =
        |method: reqwest::Method, path: String, token: String, body: Option<serde_json::Value>| {
            let (client, url) = (client.clone(), graph.url.clone());
            async move {
                let mut request = client
                    .request(method, format!("{url}{path}"))
                    .bearer_auth(token);
                if let Some(body) = body {
                    request = request.json(&body);
                }
                let response = request.send().await.unwrap();
                let status = response.status().as_u16();
                let text = response.text().await.unwrap();
                (
                    status,
                    serde_json::from_str::<serde_json::Value>(&text).unwrap_or_default(),
                )
            }
        };
    let requirement =
        |alias: &str| format!("/beta/users/{}/authentication/requirements", upn(alias));
    let enforce = || Some(serde_json::json!({"perUserMfaState": "enforced"}));

    // Consent: `.default` gives exactly what was consented; an explicit scope beyond it is refused.
    let admin = user_token_answer(
        &graph,
        "admin@contoso.onmicrosoft.com",
        "https://graph.microsoft.com/.default",
    )
    .await;
    let claims = jwt_claims(admin["access_token"].as_str().expect("a token"));
    assert_eq!(
        claims["scp"],
        "Policy.ReadWrite.AuthenticationMethod User.Read.All UserAuthenticationMethod.ReadWrite.All"
    );
    assert!(claims.get("roles").is_none());
    let refused = user_token_answer(
        &graph,
        "admin@contoso.onmicrosoft.com",
        "User.Read.All Directory.ReadWrite.All",
    )
    .await;
    assert_eq!(refused["error"], "invalid_grant", "{refused}");
    assert!(
        refused["error_description"]
            .as_str()
            .unwrap()
            .starts_with("AADSTS65001:"),
        "{refused}"
    );
    let narrow = user_token_answer(
        &graph,
        "admin@contoso.onmicrosoft.com",
        "https://graph.microsoft.com/User.Read.All",
    )
    .await;
    let narrow = narrow["access_token"].as_str().unwrap().to_string();
    assert_eq!(jwt_claims(&narrow)["scp"], "User.Read.All");
    let (status, _) = call(
        reqwest::Method::GET,
        "/v1.0/users".into(),
        narrow.clone(),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = call(
        reqwest::Method::PATCH,
        requirement("staff"),
        narrow,
        enforce(),
    )
    .await;
    assert_eq!(status, 403, "a permission the token lacks");
    assert_eq!(body["error"]["code"], "Authorization_RequestDenied");

    // App-only tokens carry roles: the test app has none recorded, so it is fully consented.
    let app = app_token_answer(&client, &graph, "contoso.onmicrosoft.com").await;
    let app_claims = jwt_claims(app["access_token"].as_str().unwrap());
    assert!(app_claims["roles"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("Policy.ReadWrite.AuthenticationMethod")));
    assert!(app_claims.get("scp").is_none());

    // Roles: PATCH requirements needs Authentication Policy Administrator (or Global Administrator).
    let token_of = |alias: &'static str| {
        let graph = &graph;
        async move {
            user_token_answer(
                graph,
                &format!("{alias}@contoso.onmicrosoft.com"),
                "https://graph.microsoft.com/.default",
            )
            .await["access_token"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    for (alias, expected) in [
        ("useradmin", 403),
        ("authadmin", 403),
        ("staff", 403),
        ("policyadmin", 204),
    ] {
        let (status, body) = call(
            reqwest::Method::PATCH,
            requirement("target"),
            token_of(alias).await,
            enforce(),
        )
        .await;
        assert_eq!(status, expected, "{alias} changing MFA state: {body}");
    }
    let (status, _) = call(
        reqwest::Method::PATCH,
        requirement("target"),
        admin["access_token"].as_str().unwrap().to_string(),
        enforce(),
    )
    .await;
    assert_eq!(status, 204, "a Global Administrator");
    // Reading requirements: Global Reader or Authentication Policy Administrator.
    let (status, _) = call(
        reqwest::Method::GET,
        requirement("staff"),
        token_of("exec").await,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = call(
        reqwest::Method::GET,
        requirement("staff"),
        token_of("useradmin").await,
        None,
    )
    .await;
    assert_eq!(status, 403);

    // Methods: an Authentication Administrator changes a non-administrator's, not an administrator's.
    let phone = || Some(serde_json::json!({"phoneNumber": "+1 4255550123", "phoneType": "mobile"}));
    let phones = |alias: &str| format!("/v1.0/users/{}/authentication/phoneMethods", upn(alias));
    let authadmin = token_of("authadmin").await;
    let (status, body) = call(
        reqwest::Method::POST,
        phones("staff"),
        authadmin.clone(),
        phone(),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = call(reqwest::Method::POST, phones("exec"), authadmin, phone()).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("Authorization_RequestDenied")),
        "{body}"
    );
    let (status, _) = call(
        reqwest::Method::POST,
        phones("policyadmin"),
        token_of("useradmin").await,
        phone(),
    )
    .await;
    assert_eq!(status, 403, "a User Administrator manages no methods");
}

/// A directory signed in as a user of the simulated tenant (password grant, Graph PowerShell's client).
pub async fn directory_as(graph: &TestGraph, upn: &str) -> Result<GraphDirectory, String> {
    give_password(graph, upn);
    let sign_in = SignIn::Password {
        client_id: graph::auth::GRAPH_POWERSHELL_CLIENT_ID.into(),
        username: upn.into(),
        password: Secret::new("Correct-Horse-9".into()),
    };
    graph::connect(graph.settings(sign_in), &|_| {})
        .await
        .map_err(|e| e.to_string())
}

/// The bridge signs in with explicit scopes, says how to consent what a tenant lacks, and turns
/// Graph's 403 into MSOnline's AccessDenied naming the role and permission the change needs.
#[tokio::test]
async fn missing_consent_and_missing_roles_are_named_at_the_cmdlet() {
    let mut snapshot = fresh_tenant();
    let useradmin = user("useradmin");
    grant_role(&mut snapshot, &useradmin, USER_ADMINISTRATOR);
    snapshot.users.extend([useradmin, user("staff")]);

    let partly = spawn_consented(&snapshot, &["User.ReadWrite.All", "Directory.Read.All"]).await;
    let refused = directory_as(&partly, "admin@contoso.onmicrosoft.com")
        .await
        .err()
        .expect("a tenant without consent refuses the sign-in");
    assert!(refused.contains("AADSTS65001"), "{refused}");
    assert!(
        refused.contains("Policy.ReadWrite.AuthenticationMethod")
            && refused.contains("Connect-MgGraph -ClientId 14d82eec-204b-4c2f-b7e8-296a70dab67e"),
        "{refused}"
    );

    let graph = spawn_unthrottled(&snapshot).await;
    let directory = directory_as(&graph, "useradmin@contoso.onmicrosoft.com")
        .await
        .unwrap();
    let bridge = crate::helpers::spawn_bridge_over(std::sync::Arc::new(directory)).await;
    let denied = bridge
        .fault(
            "Set-MsolUser",
            serde_json::json!({
                "UserPrincipalName": "staff@contoso.onmicrosoft.com",
                "StrongAuthenticationRequirements": [{ "RelyingParty": "*", "State": "Enforced" }],
            }),
        )
        .await;
    assert_eq!(denied["Code"], "AccessDeniedException", "{denied}");
    let message = denied["Message"].as_str().unwrap();
    assert!(
        message.contains("Authentication Policy Administrator")
            && message.contains("Policy.ReadWrite.AuthenticationMethod"),
        "{message}"
    );
    let title = bridge
        .ok(
            "Set-MsolUser",
            serde_json::json!({ "UserPrincipalName": "staff@contoso.onmicrosoft.com", "Title": "Clerk" }),
        )
        .await;
    assert!(title.is_object(), "a User Administrator changes profiles");
}

/// Requiring re-registration when the alternate mobile is the default and a mobile exists: the
/// default moves to the mobile first, or neither phone could be deleted.
#[tokio::test]
async fn resetting_methods_with_a_default_alternate_mobile_removes_every_phone() {
    let mut snapshot = fresh_tenant();
    let mut target = user("target");
    target.mobile_phone = Some("+1 4255550100".into());
    target.strong_authentication_methods = vec![
        StrongAuthenticationMethod {
            method_type: MethodType::OneWaySms,
            is_default: false,
        },
        StrongAuthenticationMethod {
            method_type: MethodType::TwoWayVoiceAlternateMobile,
            is_default: true,
        },
    ];
    target.strong_authentication_user_details = Some(StrongAuthenticationUserDetails {
        phone_number: Some("+1 4255550100".into()),
        alternative_phone_number: Some("+1 4255550111".into()),
        ..Default::default()
    });
    snapshot.users.push(target);
    for how in ["Reset-MsolStrongAuthenticationMethodByUpn", "Set-MsolUser"] {
        let graph = spawn_unthrottled(&snapshot).await;
        let bridge =
            crate::helpers::spawn_bridge_over(std::sync::Arc::new(graph.app_directory().await))
                .await;
        let upn = "target@contoso.onmicrosoft.com";
        let body = match how {
            "Set-MsolUser" => {
                serde_json::json!({ "UserPrincipalName": upn, "StrongAuthenticationMethods": [] })
            }
            _ => serde_json::json!({ "UserPrincipalName": upn }),
        };
        bridge.ok(how, body).await;
        graph.sim.with_tenant(|tenant| {
            let target = &tenant.users[tenant.find_user(upn).unwrap()];
            assert!(
                target.auth.phones.is_empty(),
                "{how}: {:?}",
                target.auth.phones
            );
        });
    }
}

/// Deleted users as Entra keeps them: the user principal name prefixed with the object id. The
/// bridge still finds, shows and restores them by their own name, as MSOnline did.
#[tokio::test]
async fn deleted_users_are_found_by_their_own_name_and_restored_to_it() {
    let mut snapshot = fresh_tenant();
    snapshot.users.push(user("leaver"));
    let graph = spawn_unthrottled(&snapshot).await;
    let bridge =
        crate::helpers::spawn_bridge_over(std::sync::Arc::new(graph.app_directory().await)).await;
    let upn = "leaver@contoso.onmicrosoft.com";
    bridge
        .ok(
            "Remove-MsolUser",
            serde_json::json!({ "UserPrincipalName": upn }),
        )
        .await;
    let stored = graph.sim.with_tenant(|tenant| {
        let leaver = tenant
            .users
            .iter()
            .find(|u| u.deleted_date_time.is_some())
            .unwrap();
        (leaver.id, leaver.user_principal_name.clone())
    });
    assert_eq!(stored.1, format!("{}{upn}", stored.0.simple()));
    let deleted = bridge
        .ok(
            "Get-MsolUser",
            serde_json::json!({ "ReturnDeletedUsers": true, "All": true }),
        )
        .await;
    assert_eq!(deleted["Value"][0]["UserPrincipalName"], upn, "{deleted}");
    bridge
        .ok(
            "Restore-MsolUser",
            serde_json::json!({ "UserPrincipalName": upn }),
        )
        .await;
    assert_eq!(bridge.user(upn).await["UserPrincipalName"], upn);
}

/// A hardware OATH token reads back as PhoneAppOTP while activated, and requiring re-registration
/// deactivates it (it stays assigned), as the portal does.
#[tokio::test]
async fn hardware_oath_tokens_read_as_phone_app_otp_and_reset_deactivates_them() {
    let mut snapshot = fresh_tenant();
    snapshot.users.push(user("fob"));
    let graph = spawn_unthrottled(&snapshot).await;
    let upn = "fob@contoso.onmicrosoft.com";
    graph.sim.with_tenant_mut(|tenant| {
        let index = tenant.find_user(upn).unwrap();
        tenant.users[index]
            .auth
            .hardware_oath
            .push(graph_sim::state::HardwareToken {
                id: "5b4a8c7d-0000-4000-8000-00000000f0b1".into(),
                serial_number: "TOTP-0001".into(),
                display_name: "Key fob".into(),
                activated: true,
            });
    });
    let bridge =
        crate::helpers::spawn_bridge_over(std::sync::Arc::new(graph.app_directory().await)).await;
    assert_eq!(method_types(&bridge.user(upn).await), ["PhoneAppOTP"]);
    bridge
        .ok(
            "Reset-MsolStrongAuthenticationMethodByUpn",
            serde_json::json!({ "UserPrincipalName": upn }),
        )
        .await;
    assert!(method_types(&bridge.user(upn).await).is_empty());
    graph.sim.with_tenant(|tenant| {
        let tokens = &tenant.users[tenant.find_user(upn).unwrap()]
            .auth
            .hardware_oath;
        assert_eq!(tokens.len(), 1, "still assigned");
        assert!(!tokens[0].activated, "deactivated");
    });
}

/// A registered phone shows as the method types the tenant's authentication methods policy allows:
/// with SMS disabled, a mobile phone is TwoWayVoiceMobile only.
#[tokio::test]
async fn phone_methods_follow_the_tenants_sms_and_voice_policy() {
    let mut snapshot = fresh_tenant();
    let target = sms_user("caller");
    snapshot.users.push(target);
    let upn = "caller@contoso.onmicrosoft.com";
    for (sms, voice, expected) in [
        (true, true, vec!["OneWaySMS", "TwoWayVoiceMobile"]),
        (false, true, vec!["TwoWayVoiceMobile"]),
        (true, false, vec!["OneWaySMS"]),
    ] {
        let graph = spawn_unthrottled(&snapshot).await;
        graph.sim.with_tenant_mut(|tenant| {
            tenant.phone_policy = graph_sim::state::PhonePolicy { sms, voice };
        });
        let bridge =
            crate::helpers::spawn_bridge_over(std::sync::Arc::new(graph.app_directory().await))
                .await;
        assert_eq!(
            method_types(&bridge.user(upn).await),
            expected,
            "sms {sms}, voice {voice}"
        );
    }
}
