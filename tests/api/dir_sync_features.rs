//! Directory synchronization's features and deletion guard on both backends: Get- and
//! Set-MsolDirSyncFeature(s), Get- and Set-MsolDirSyncConfiguration, and Graph's rule that only a
//! Global Administrator signed in as a user may read or change them.

use std::sync::Arc;

use msol_bridge::directory::CompanyDirectory;
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use serde_json::{json, Value};

use crate::graph::{assert_denied_naming, directory_as, grant_role, spawn_unthrottled, user};
use crate::helpers::{spawn_bridge_over, spawn_bridge_with, TestBridge};

const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
const HYBRID_IDENTITY_ADMINISTRATOR: &str = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2";

fn enabled(answer: &Value, feature: &str) -> bool {
    answer["Value"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["DirSyncFeature"] == feature)
        .unwrap()["Enabled"]
        .as_bool()
        .unwrap()
}

async fn answers(bridge: &TestBridge) -> Vec<Value> {
    let all = bridge.ok("Get-MsolDirSyncFeatures", json!({})).await;
    let names: Vec<&str> = all["Value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["DirSyncFeature"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 12);
    assert_eq!(names[0], "BlockCloudObjectTakeoverThroughHardMatch");
    assert!(names.contains(&"DuplicateUPNResiliency"));
    for (feature, on) in [
        ("PasswordSync", true),
        ("EnableSoftMatchOnUpn", true),
        ("DuplicateUPNResiliency", true),
        ("DeviceWriteback", false),
        ("BlockSoftMatch", false),
    ] {
        assert_eq!(enabled(&all, feature), on, "{feature}");
    }
    let one = bridge
        .ok(
            "Get-MsolDirSyncFeatures",
            json!({ "Feature": "passwordsync" }),
        )
        .await;
    assert_eq!(
        one["Value"],
        json!([{ "DirSyncFeature": "PasswordSync", "Enabled": true }])
    );
    let unknown = bridge
        .fault("Get-MsolDirSyncFeatures", json!({ "Feature": "Teleport" }))
        .await;
    assert_eq!(unknown["Code"], "PropertyValidationException");
    assert!(
        unknown["Message"]
            .as_str()
            .unwrap()
            .contains("Allowed values"),
        "{unknown}"
    );

    let set = |feature: &str, enable: bool| json!({ "Feature": feature, "Enable": enable });
    let blocked = bridge
        .ok("Set-MsolDirSyncFeature", set("blocksoftmatch", true))
        .await;
    assert_eq!(blocked["Changed"], json!(["BlockSoftMatch"]));
    let again = bridge
        .ok("Set-MsolDirSyncFeature", set("BlockSoftMatch", true))
        .await;
    assert_eq!(again["Changed"], json!([]));
    let after = bridge.ok("Get-MsolDirSyncFeatures", json!({})).await;
    assert!(enabled(&after, "BlockSoftMatch"));
    let permanent = bridge
        .fault("Set-MsolDirSyncFeature", set("EnableSoftMatchOnUpn", false))
        .await;
    assert_eq!(permanent["Code"], "PropertyValidationException");
    assert!(
        permanent["Message"]
            .as_str()
            .unwrap()
            .contains("cannot be disabled"),
        "{permanent}"
    );
    let not_settable = bridge
        .fault("Set-MsolDirSyncFeature", set("DeviceWriteback", true))
        .await;
    assert!(
        not_settable["Message"]
            .as_str()
            .unwrap()
            .contains("Allowed values: BlockCloudObjectTakeoverThroughHardMatch"),
        "{not_settable}"
    );
    assert!(!enabled(
        &bridge.ok("Get-MsolDirSyncFeatures", json!({})).await,
        "DeviceWriteback"
    ));

    let guard = bridge.ok("Get-MsolDirSyncConfiguration", json!({})).await;
    assert_eq!(
        guard,
        json!({ "AccidentalDeletionThreshold": 500, "DeletionPreventionType": "EnabledForCount" })
    );
    let lowered = bridge
        .ok(
            "Set-MsolDirSyncConfiguration",
            json!({ "AccidentalDeletionThreshold": 50 }),
        )
        .await;
    assert_eq!(lowered["Changed"], json!(["AccidentalDeletionThreshold"]));
    let same = bridge
        .ok(
            "Set-MsolDirSyncConfiguration",
            json!({ "AccidentalDeletionThreshold": 50 }),
        )
        .await;
    assert_eq!(same["Changed"], json!([]));
    let zero = bridge
        .fault(
            "Set-MsolDirSyncConfiguration",
            json!({ "AccidentalDeletionThreshold": 0 }),
        )
        .await;
    assert!(
        zero["Message"]
            .as_str()
            .unwrap()
            .contains("AccidentalDeletionThreshold"),
        "{zero}"
    );
    let read = bridge.ok("Get-MsolDirSyncConfiguration", json!({})).await;
    vec![all, after, read]
}

#[tokio::test]
async fn synchronization_features_answer_alike_on_both_backends() {
    let mut snapshot = demo_tenant(10, Timestamp::now());
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers(&local).await;

    let admin = user("syncadmin");
    grant_role(&mut snapshot, &admin, GLOBAL_ADMINISTRATOR);
    snapshot.users.push(admin);
    let graph = spawn_unthrottled(&snapshot).await;
    let signed_in = directory_as(&graph, "syncadmin@contoso.onmicrosoft.com")
        .await
        .unwrap();
    let over_graph = spawn_bridge_over(Arc::new(signed_in)).await;
    assert_eq!(answers(&over_graph).await, local_answers);
}

/// Graph documents these APIs for delegated callers only, and for Global Administrators only.
#[tokio::test]
async fn on_graph_only_a_signed_in_global_administrator_reads_them() {
    let mut snapshot = demo_tenant(5, Timestamp::now());
    let hybrid = user("hybrid");
    grant_role(&mut snapshot, &hybrid, HYBRID_IDENTITY_ADMINISTRATOR);
    snapshot.users.push(hybrid);
    let graph = spawn_unthrottled(&snapshot).await;

    let refused = graph
        .app_directory()
        .await
        .dir_sync_settings()
        .await
        .unwrap_err();
    assert_denied_naming(&refused, "Global Administrator signed in as a user");
    let as_hybrid = directory_as(&graph, "hybrid@contoso.onmicrosoft.com")
        .await
        .unwrap();
    assert_eq!(
        as_hybrid.dir_sync_settings().await.unwrap_err().code(),
        "AccessDeniedException",
        "Hybrid Identity Administrator is not a role these pages list"
    );
}
