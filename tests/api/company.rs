//! Set-MsolDirSyncEnabled on both backends: what turning directory synchronization off does to
//! synchronized users, the 72-hour wait before turning it back on, the tenant file's record of it,
//! and who may do it on Graph.

use chrono::Duration;
use msol_bridge::directory::{CompanyDirectory, UserDirectory};
use msol_bridge::domain::model::User;
use msol_bridge::domain::requests::{SetUserParams, UserChanges, UserRef};
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use msol_bridge::tenant::TenantSnapshot;
use serde_json::json;
use uuid::Uuid;

use crate::graph::{directory_as, grant_role, spawn_unthrottled, USER_ADMINISTRATOR};
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
    assert_eq!(refused.code(), "AccessDeniedException");
    assert!(
        refused
            .to_string()
            .contains("Hybrid Identity Administrator"),
        "{refused}"
    );
    assert!(
        directory
            .company_information()
            .await
            .unwrap()
            .directory_synchronization_enabled,
        "nothing changed"
    );
}
