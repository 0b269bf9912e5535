//! The company family on both backends. Set-MsolDirSyncEnabled: what turning directory
//! synchronization off does to synchronized users, the 72-hour wait before turning it back on, the
//! tenant file's record of it, and who may do it on Graph. Get- and Set-MsolPasswordPolicy.

use chrono::Duration;
use msol_bridge::directory::{CompanyDirectory, UserDirectory};
use msol_bridge::domain::model::{DomainStatus, PasswordPolicy, User};
use msol_bridge::domain::requests::{SetUserParams, UserChanges, UserRef};
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use msol_bridge::tenant::{managed_domain, TenantSnapshot};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::graph::{
    add_admin, assert_denied_naming, directory_as, grant_role, spawn_unthrottled,
    USER_ADMINISTRATOR,
};

const DOMAIN_NAME_ADMINISTRATOR: &str = "8329153b-31d0-4727-b945-745eb3bc5f31";
use crate::helpers::{fresh_tenant, spawn_bridge_with};

const HENRIETTA: &str = "henrietta.mueller@contoso.com";

fn hours_ago(hours: i64) -> Timestamp {
    Timestamp::from_datetime(Timestamp::now().datetime() - Duration::hours(hours))
}

#[tokio::test]
async fn turning_directory_synchronization_off_makes_synchronized_users_cloud_only() {
    let bridge = spawn_bridge_with(demo_tenant(60, Timestamp::now())).await;
    let company = bridge.ok("Get-MsolCompanyInformation", json!({})).await;
    assert_eq!(company["DirectorySynchronizationEnabled"], true);
    let refused = bridge
        .fault(
            "Set-MsolUser",
            json!({ "UserPrincipalName": HENRIETTA, "Department": "Legal" }),
        )
        .await;
    assert_eq!(refused["Code"], "PropertyNotSettableException", "{refused}");

    // Bad input changes nothing and names the field.
    for body in [json!({}), json!({ "EnableDirSync": "no" })] {
        let (status, answer) = bridge.call("Set-MsolDirSyncEnabled", body).await;
        assert_eq!(status, 400, "{answer}");
        assert!(answer.to_string().contains("EnableDirSync"), "{answer}");
    }

    let outcome = bridge
        .ok("Set-MsolDirSyncEnabled", json!({ "EnableDirSync": false }))
        .await;
    assert_eq!(
        outcome["Changed"],
        json!(["DirectorySynchronizationEnabled"])
    );
    assert_eq!(outcome["ObjectId"], company["ObjectId"]);
    let company = bridge.ok("Get-MsolCompanyInformation", json!({})).await;
    assert_eq!(company["DirectorySynchronizationEnabled"], false);
    assert_eq!(company["DirectorySynchronizationStatus"], "Disabled");
    let synced = bridge
        .ok("Get-MsolUser", json!({ "All": true, "Synchronized": true }))
        .await;
    assert_eq!(
        synced["Value"],
        json!([]),
        "no user is synchronized any more"
    );
    let henrietta = bridge.user(HENRIETTA).await;
    assert!(henrietta.get("LastDirSyncTime").is_none(), "{henrietta}");
    assert!(
        henrietta["ImmutableId"].is_string(),
        "the source anchor stays"
    );
    bridge
        .ok(
            "Set-MsolUser",
            json!({ "UserPrincipalName": HENRIETTA, "Department": "Legal" }),
        )
        .await;

    // The documented 72-hour wait, recorded in the tenant file and carried by export/import.
    let again = bridge
        .ok("Set-MsolDirSyncEnabled", json!({ "EnableDirSync": false }))
        .await;
    assert_eq!(again["Changed"], json!([]));
    let refused = bridge
        .fault("Set-MsolDirSyncEnabled", json!({ "EnableDirSync": true }))
        .await;
    assert_eq!(refused["Status"], 409, "{refused}");
    assert_eq!(refused["Code"], "DirSyncStatusChangeNotAllowedException");
    assert!(
        refused["Message"].as_str().unwrap().contains("72 hours"),
        "{refused}"
    );
    let mut exported = bridge.directory().store().export().unwrap();
    let turned_off = exported
        .dir_sync_turned_off_at
        .expect("the export records when");
    assert!(Timestamp::now().datetime() - turned_off.datetime() < Duration::minutes(5));

    let long_ago = hours_ago(73);
    exported.dir_sync_turned_off_at = Some(long_ago);
    let later = spawn_bridge_with(exported).await;
    let outcome = later
        .ok("Set-MsolDirSyncEnabled", json!({ "EnableDirSync": true }))
        .await;
    assert_eq!(
        outcome["Changed"],
        json!(["DirectorySynchronizationEnabled"])
    );
    let company = later.ok("Get-MsolCompanyInformation", json!({})).await;
    assert_eq!(company["DirectorySynchronizationStatus"], "Enabled");
    let round_trip = later.directory().store().export().unwrap();
    assert_eq!(round_trip.dir_sync_turned_off_at, Some(long_ago));
}

fn synchronized_tenant(turned_off_hours_ago: Option<i64>) -> (TenantSnapshot, Uuid) {
    let mut snapshot = fresh_tenant();
    let mut synced = User::new(
        Uuid::new_v4(),
        "synced@contoso.onmicrosoft.com".to_string(),
        Timestamp::now(),
    );
    synced.last_dir_sync_time = Some(Timestamp::now());
    let id = synced.object_id;
    snapshot.users.push(synced);
    match turned_off_hours_ago {
        Some(hours) => snapshot.dir_sync_turned_off_at = Some(hours_ago(hours)),
        None => {
            snapshot.company.directory_synchronization_enabled = true;
            snapshot.company.directory_synchronization_status = "Enabled".into();
        }
    }
    (snapshot, id)
}

#[tokio::test]
async fn graph_turns_synchronization_off_through_the_organization() {
    let (snapshot, synced) = synchronized_tenant(None);
    let graph = spawn_unthrottled(&snapshot).await;
    let directory = graph.app_directory().await;
    let department = |value: &str| SetUserParams {
        object_id: Some(synced),
        changes: UserChanges {
            department: Some(value.into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let refused = directory.set_user(department("Legal")).await.unwrap_err();
    assert_eq!(refused.code(), "PropertyNotSettableException");

    let outcome = directory.set_dir_sync_enabled(false).await.unwrap();
    assert_eq!(outcome.changed, ["DirectorySynchronizationEnabled"]);
    let writes = graph.sim.counters().writes;
    assert!(
        writes
            .keys()
            .any(|w| w.starts_with("PATCH ") && w.contains("/organization/")),
        "{writes:?}"
    );
    let company = directory.company_information().await.unwrap();
    assert!(!company.directory_synchronization_enabled);
    let user = directory
        .get_user(&UserRef::by_id(synced), false)
        .await
        .unwrap();
    assert!(!user.is_synchronized(), "Graph shows the user cloud-only");
    directory.set_user(department("Legal")).await.unwrap();

    let refused = directory.set_dir_sync_enabled(true).await.unwrap_err();
    assert_eq!(refused.code(), "DirSyncStatusChangeNotAllowedException");
    assert!(refused.to_string().contains("72 hours"), "{refused}");

    // Turned off long enough ago, it may be turned back on.
    let (snapshot, _) = synchronized_tenant(Some(73));
    let graph = spawn_unthrottled(&snapshot).await;
    let directory = graph.app_directory().await;
    let outcome = directory.set_dir_sync_enabled(true).await.unwrap();
    assert_eq!(outcome.changed, ["DirectorySynchronizationEnabled"]);
    assert!(
        directory
            .company_information()
            .await
            .unwrap()
            .directory_synchronization_enabled
    );
}

#[tokio::test]
async fn graph_refuses_a_user_administrator_and_names_the_role() {
    let (mut snapshot, _) = synchronized_tenant(None);
    let admin = User::new(
        Uuid::new_v4(),
        "useradmin@contoso.onmicrosoft.com".to_string(),
        Timestamp::now(),
    );
    grant_role(&mut snapshot, &admin, USER_ADMINISTRATOR);
    snapshot.users.push(admin);
    let graph = spawn_unthrottled(&snapshot).await;
    let directory = directory_as(&graph, "useradmin@contoso.onmicrosoft.com")
        .await
        .unwrap();
    let refused = directory.set_dir_sync_enabled(false).await.unwrap_err();
    assert_denied_naming(&refused, "Hybrid Identity Administrator");
    assert!(
        directory
            .company_information()
            .await
            .unwrap()
            .directory_synchronization_enabled,
        "nothing changed"
    );
}

/// Get- and Set-MsolPasswordPolicy on the local tenant through the bridge: defaults, a change and
/// its reading back, refusals that change nothing, and the tenant file.
#[tokio::test]
async fn a_verified_domains_password_policy_is_read_and_set() {
    let mut snapshot = fresh_tenant();
    let mut pending = managed_domain("fabrikam.com", false, false);
    pending.status = DomainStatus::Unverified;
    snapshot.domains.push(pending);
    let bridge = spawn_bridge_with(snapshot).await;
    let get = |name: &str| json!({ "DomainName": name });
    let unset = bridge
        .ok("Get-MsolPasswordPolicy", get("contoso.onmicrosoft.com"))
        .await;
    assert_eq!(unset, json!({}), "both left out: the service defaults");

    let set = |name: &str, validity: u64, notification: u64| json!({ "DomainName": name, "ValidityPeriod": validity, "NotificationDays": notification });
    let outcome = bridge
        .ok(
            "Set-MsolPasswordPolicy",
            set("CONTOSO.onmicrosoft.com", 60, 14),
        )
        .await;
    assert_eq!(
        outcome["Changed"],
        json!(["ValidityPeriod", "NotificationDays"])
    );
    let again = bridge
        .ok(
            "Set-MsolPasswordPolicy",
            set("contoso.onmicrosoft.com", 60, 14),
        )
        .await;
    assert_eq!(again["Changed"], json!([]));

    for (body, code, named) in [
        (
            set("contoso.onmicrosoft.com", 0, 14),
            "PropertyValidationException",
            "ValidityPeriod",
        ),
        (
            set("contoso.onmicrosoft.com", 60, 45),
            "PropertyValidationException",
            "NotificationDays",
        ),
        (
            set("fabrikam.com", 60, 14),
            "PropertyValidationException",
            "contoso.onmicrosoft.com",
        ),
        (
            set("nowhere.example", 60, 14),
            "DomainNotFoundException",
            "nowhere.example",
        ),
    ] {
        let refused = bridge.fault("Set-MsolPasswordPolicy", body.clone()).await;
        assert_eq!(refused["Code"], code, "{body}: {refused}");
        assert!(refused.to_string().contains(named), "{body}: {refused}");
    }
    let refused = bridge
        .fault("Get-MsolPasswordPolicy", get("fabrikam.com"))
        .await;
    assert_eq!(refused["Code"], "PropertyValidationException", "{refused}");
    let (status, answer) = bridge
        .call("Set-MsolPasswordPolicy", json!({ "DomainName": "contoso.onmicrosoft.com", "ValidityPeriod": -1, "NotificationDays": 14 }))
        .await;
    assert_eq!(status, 400, "{answer}");
    assert!(answer.to_string().contains("ValidityPeriod"), "{answer}");

    let never = bridge
        .ok(
            "Set-MsolPasswordPolicy",
            set("contoso.onmicrosoft.com", 2147483647, 30),
        )
        .await;
    assert_eq!(
        never["Changed"],
        json!(["ValidityPeriod", "NotificationDays"])
    );
    let read = bridge
        .ok("Get-MsolPasswordPolicy", get("contoso.onmicrosoft.com"))
        .await;
    assert_eq!(
        read,
        json!({ "ValidityPeriod": 2147483647u32, "NotificationDays": 30 })
    );

    let exported = bridge.directory().store().export().unwrap();
    assert_eq!(exported.password_policies.len(), 1);
    let later = spawn_bridge_with(exported.clone()).await;
    let read = later
        .ok("Get-MsolPasswordPolicy", get("contoso.onmicrosoft.com"))
        .await;
    assert_eq!(read["ValidityPeriod"], 2147483647u32);
    assert_eq!(later.directory().store().export().unwrap(), exported);

    let mut unknown = exported.clone();
    unknown.password_policies[0].domain_name = "fabrikam.com".into();
    assert!(unknown
        .check()
        .unwrap_err()
        .to_string()
        .contains("PasswordPolicies"));
}

/// On Graph the policy is the domain's two properties; a User Administrator is refused with the
/// role the change needs, a Domain Name Administrator may change it.
#[tokio::test]
async fn graph_keeps_the_policy_on_the_domain_for_a_domain_name_administrator() {
    let mut snapshot = fresh_tenant();
    let useradmin = User::new(
        Uuid::new_v4(),
        "useradmin@contoso.onmicrosoft.com".into(),
        Timestamp::now(),
    );
    let domainadmin = User::new(
        Uuid::new_v4(),
        "domainadmin@contoso.onmicrosoft.com".into(),
        Timestamp::now(),
    );
    grant_role(&mut snapshot, &useradmin, USER_ADMINISTRATOR);
    grant_role(&mut snapshot, &domainadmin, DOMAIN_NAME_ADMINISTRATOR);
    snapshot.users.extend([useradmin, domainadmin]);
    let graph = spawn_unthrottled(&snapshot).await;
    let policy = PasswordPolicy {
        validity_period: Some(180),
        notification_days: Some(21),
    };
    const DOMAIN: &str = "contoso.onmicrosoft.com";

    let refused = directory_as(&graph, "useradmin@contoso.onmicrosoft.com")
        .await
        .unwrap()
        .set_password_policy(DOMAIN, policy)
        .await
        .unwrap_err();
    assert_denied_naming(&refused, "Domain Name Administrator");

    let directory = directory_as(&graph, "domainadmin@contoso.onmicrosoft.com")
        .await
        .unwrap();
    assert_eq!(
        directory.password_policy(DOMAIN).await.unwrap(),
        PasswordPolicy::default()
    );
    let outcome = directory.set_password_policy(DOMAIN, policy).await.unwrap();
    assert_eq!(outcome.changed, ["ValidityPeriod", "NotificationDays"]);
    let writes = graph.sim.counters().writes;
    assert!(
        writes
            .keys()
            .any(|w| w.starts_with("PATCH ") && w.contains("/domains/")),
        "{writes:?}"
    );
    let stored = graph.sim.with_tenant(|t| {
        let d = t.domains.iter().find(|d| d.id == DOMAIN).unwrap();
        (
            d.password_validity_period_in_days,
            d.password_notification_window_in_days,
        )
    });
    assert_eq!(stored, (Some(180), Some(21)));
    assert_eq!(directory.password_policy(DOMAIN).await.unwrap(), policy);
}

const PRIVILEGED_ROLE_ADMINISTRATOR: &str = "e8611ab8-c189-46e8-94e1-60213ab1f814";

/// Set-MsolCompanySettings through the bridge on both backends: real changes only, a bad usage
/// location that changes nothing, and what each backend cannot do.
#[tokio::test]
async fn company_settings_are_changed_and_read_back_on_both_backends() {
    let snapshot = demo_tenant(20, Timestamp::now());
    let local = spawn_bridge_with(snapshot.clone()).await;
    let graph = spawn_unthrottled(&snapshot).await;
    let over_graph =
        crate::helpers::spawn_bridge_over(std::sync::Arc::new(graph.app_directory().await)).await;
    for bridge in [&local, &over_graph] {
        let changed = bridge
            .ok(
                "Set-MsolCompanySettings",
                json!({ "UsersPermissionToCreateGroupsEnabled": false, "UsersPermissionToCreateLOBAppsEnabled": false, "AllowEmailVerifiedUsers": true }),
            )
            .await;
        assert_eq!(
            changed["Changed"],
            json!([
                "UsersPermissionToCreateGroupsEnabled",
                "UsersPermissionToCreateLOBAppsEnabled"
            ])
        );
        let company = bridge.ok("Get-MsolCompanyInformation", json!({})).await;
        assert_eq!(company["UsersPermissionToCreateGroupsEnabled"], false);
        assert_eq!(company["UsersPermissionToCreateLobAppsEnabled"], false);
        assert_eq!(company["AllowEmailVerifiedUsers"], true);
        let bad = bridge
            .fault(
                "Set-MsolCompanySettings",
                json!({ "SelfServePasswordResetEnabled": true, "DefaultUsageLocation": "UK" }),
            )
            .await;
        assert_eq!(bad["Field"], "DefaultUsageLocation", "{bad}");
        let company = bridge.ok("Get-MsolCompanyInformation", json!({})).await;
        assert_eq!(
            company["SelfServePasswordResetEnabled"], false,
            "nothing changed"
        );
        // -TenantId names this tenant or is refused, on either backend.
        bridge
            .ok(
                "Set-MsolCompanySettings",
                json!({ "TenantId": snapshot.company.object_id, "AllowEmailVerifiedUsers": true }),
            )
            .await;
        let foreign = bridge
            .fault(
                "Set-MsolCompanySettings",
                json!({ "TenantId": Uuid::new_v4(), "AllowEmailVerifiedUsers": false }),
            )
            .await;
        assert_eq!(foreign["Code"], "AccessDeniedException", "{foreign}");
    }
    let local_location = local
        .ok(
            "Set-MsolCompanySettings",
            json!({ "DefaultUsageLocation": "gb" }),
        )
        .await;
    assert_eq!(local_location["Changed"], json!(["DefaultUsageLocation"]));
    assert_eq!(
        local.ok("Get-MsolCompanyInformation", json!({})).await["DefaultUsageLocation"],
        "GB"
    );
    let refused = over_graph
        .fault(
            "Set-MsolCompanySettings",
            json!({ "DefaultUsageLocation": "GB", "AllowAdHocSubscriptions": false }),
        )
        .await;
    assert_eq!(refused["Code"], "PropertyNotSettableException", "{refused}");
    assert!(
        refused["Message"]
            .as_str()
            .unwrap()
            .contains("UsageLocation"),
        "{refused}"
    );
    assert_eq!(
        over_graph.ok("Get-MsolCompanyInformation", json!({})).await["AllowAdHocSubscriptions"],
        true,
        "a refused request changes nothing"
    );
}

/// Only a Privileged Role Administrator (or Global Administrator) changes the authorization
/// policy; any member may read it.
#[tokio::test]
async fn graph_changes_company_settings_only_for_a_privileged_role_administrator() {
    let mut snapshot = fresh_tenant();
    add_admin(&mut snapshot, "useradmin", USER_ADMINISTRATOR);
    add_admin(&mut snapshot, "roleadmin", PRIVILEGED_ROLE_ADMINISTRATOR);
    let graph = spawn_unthrottled(&snapshot).await;
    let request = msol_bridge::domain::requests::SetCompanySettingsParams {
        self_serve_password_reset_enabled: Some(true),
        ..Default::default()
    };
    let useradmin = directory_as(&graph, "useradmin@contoso.onmicrosoft.com")
        .await
        .unwrap();
    let refused = useradmin
        .set_company_settings(request.clone())
        .await
        .unwrap_err();
    assert_denied_naming(&refused, "Privileged Role Administrator");
    assert_eq!(
        useradmin
            .company_information()
            .await
            .unwrap()
            .self_serve_password_reset_enabled,
        Some(false)
    );
    let roleadmin = directory_as(&graph, "roleadmin@contoso.onmicrosoft.com")
        .await
        .unwrap();
    assert_eq!(
        roleadmin
            .set_company_settings(request)
            .await
            .unwrap()
            .changed,
        ["SelfServePasswordResetEnabled"]
    );
}

/// Set-MsolCompanyContactInformation and Set-MsolCompanySecurityComplianceContactInformation on
/// both backends: lists replaced, cleared, checked, and written only when they change.
#[tokio::test]
async fn company_contacts_are_replaced_alike_on_both_backends() {
    async fn answers(bridge: &crate::helpers::TestBridge) -> Vec<Value> {
        let set = bridge
            .ok(
                "Set-MsolCompanyContactInformation",
                json!({ "TechnicalNotificationEmails": ["tech@contoso.com", " noc@contoso.com "], "MarketingNotificationEmails": ["news@contoso.com"] }),
            )
            .await;
        assert_eq!(
            set["Changed"],
            json!(["TechnicalNotificationEmails", "MarketingNotificationEmails"])
        );
        let again = bridge
            .ok(
                "Set-MsolCompanyContactInformation",
                json!({ "TechnicalNotificationEmails": ["tech@contoso.com", "noc@contoso.com"] }),
            )
            .await;
        assert_eq!(again["Changed"], json!([]));
        let bad = bridge
            .fault(
                "Set-MsolCompanyContactInformation",
                json!({ "TechnicalNotificationEmails": ["ok@contoso.com", "not-an-address"] }),
            )
            .await;
        assert_eq!(bad["Code"], "PropertyValidationException");
        assert!(
            bad["Message"].as_str().unwrap().contains("not-an-address"),
            "{bad}"
        );
        let security = bridge
            .ok(
                "Set-MsolCompanySecurityComplianceContactInformation",
                json!({ "SecurityComplianceNotificationEmails": ["soc@contoso.com"], "SecurityComplianceNotificationPhones": ["+1 425 555 0100"] }),
            )
            .await;
        assert_eq!(
            security["Changed"],
            json!([
                "SecurityComplianceNotificationEmails",
                "SecurityComplianceNotificationPhones"
            ])
        );
        let cleared = bridge
            .ok(
                "Set-MsolCompanyContactInformation",
                json!({ "MarketingNotificationEmails": [] }),
            )
            .await;
        assert_eq!(cleared["Changed"], json!(["MarketingNotificationEmails"]));
        let company = bridge.ok("Get-MsolCompanyInformation", json!({})).await;
        assert_eq!(
            company["TechnicalNotificationEmails"],
            json!(["tech@contoso.com", "noc@contoso.com"])
        );
        assert_eq!(company["MarketingNotificationEmails"], json!([]));
        assert_eq!(
            company["SecurityComplianceNotificationPhones"],
            json!(["+1 425 555 0100"])
        );
        vec![
            company["TechnicalNotificationEmails"].clone(),
            company["SecurityComplianceNotificationEmails"].clone(),
        ]
    }
    let snapshot = fresh_tenant();
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers(&local).await;
    let (_graph, over_graph) = crate::graph::spawn_bridge_over_graph(&snapshot).await;
    assert_eq!(answers(&over_graph).await, local_answers);
}
