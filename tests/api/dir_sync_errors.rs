//! Get-MsolDirSyncProvisioningError and Get-MsolHasObjectsWithDirSyncProvisioningErrors on both
//! backends: users, groups and contacts with synchronization conflicts, each filter and sort.

use msol_bridge::domain::model::DirSyncProvisioningError;
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use msol_bridge::tenant::TenantSnapshot;
use serde_json::{json, Value};

use crate::graph::spawn_bridge_over_graph;
use crate::helpers::{fresh_tenant, spawn_bridge_with, TestBridge};

fn conflict(property: &str, value: &str) -> DirSyncProvisioningError {
    DirSyncProvisioningError {
        error_category: "PropertyConflict".into(),
        property_name: property.into(),
        property_value: value.into(),
        when_started: Timestamp::parse("2026-02-01T08:00:00Z").unwrap(),
    }
}

/// The demo (Henrietta's and Carla's conflicts), a synchronized user whose UPN conflicts, and a
/// synchronized group whose address does.
fn conflicted_tenant() -> (TenantSnapshot, String) {
    let mut snapshot = demo_tenant(40, Timestamp::now());
    let user = snapshot
        .users
        .iter_mut()
        .find(|u| {
            u.last_dir_sync_time.is_some()
                && u.soft_deletion_timestamp.is_none()
                && !u.user_principal_name.starts_with("henrietta")
        })
        .expect("a synchronized user");
    user.dir_sync_provisioning_errors =
        vec![conflict("UserPrincipalName", &user.user_principal_name)];
    let upn = user.user_principal_name.clone();
    let group = snapshot
        .groups
        .iter_mut()
        .find(|g| g.display_name == "Finance")
        .unwrap();
    group.last_dir_sync_time = Some(Timestamp::parse("2026-02-01T07:00:00Z").unwrap());
    group.dir_sync_provisioning_errors =
        vec![conflict("ProxyAddresses", "SMTP:finance@contoso.com")];
    (snapshot, upn)
}

fn names(answer: &Value) -> Vec<String> {
    answer["Value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["DisplayName"].as_str().unwrap_or_default().to_string())
        .collect()
}

async fn answers(bridge: &TestBridge, upn: &str) -> Vec<Value> {
    let by_name = json!({ "ErrorCategory": "PropertyConflict", "SortField": "DisplayName" });
    let all = bridge.ok("Get-MsolDirSyncProvisioningError", by_name).await;
    let listed = names(&all);
    assert_eq!(listed.len(), 4, "{all}");
    let mut by_name = listed.clone();
    by_name.sort_by_key(|n| n.to_lowercase());
    assert_eq!(listed, by_name);
    let kind_of = |name: &str| {
        all["Value"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["DisplayName"] == name)
            .unwrap_or_else(|| panic!("{name} is listed"))
            .clone()
    };
    assert_eq!(kind_of("Carla Reyes")["ObjectType"], "Contact");
    assert_eq!(kind_of("Finance")["ObjectType"], "Group");
    let henrietta = kind_of("Henrietta Mueller");
    assert_eq!(henrietta["ObjectType"], "User");
    assert_eq!(
        henrietta["UserPrincipalName"],
        "henrietta.mueller@contoso.com"
    );
    assert!(henrietta["ImmutableId"].is_string());
    assert_eq!(
        henrietta["ProvisioningErrors"][0]["PropertyName"],
        "ProxyAddresses"
    );
    assert_eq!(
        henrietta["ProvisioningErrors"][0]["PropertyValue"],
        "SMTP:hr@contoso.com"
    );

    let descending = bridge
        .ok(
            "Get-MsolDirSyncProvisioningError",
            json!({ "SortField": "DisplayName", "SortDirection": "Descending" }),
        )
        .await;
    let mut reversed = listed.clone();
    reversed.reverse();
    assert_eq!(names(&descending), reversed);

    let upn_conflicts = bridge
        .ok(
            "Get-MsolDirSyncProvisioningError",
            json!({ "ErrorCategory": "PropertyConflict", "PropertyName": "UserPrincipalName" }),
        )
        .await;
    assert_eq!(upn_conflicts["Value"].as_array().unwrap().len(), 1);
    assert_eq!(upn_conflicts["Value"][0]["UserPrincipalName"], upn);
    let by_value = bridge
        .ok(
            "Get-MsolDirSyncProvisioningError",
            json!({ "PropertyName": "ProxyAddresses", "PropertyValue": "smtp:HR@contoso.com" }),
        )
        .await;
    assert_eq!(names(&by_value), ["Henrietta Mueller"]);
    let searched = bridge
        .ok(
            "Get-MsolDirSyncProvisioningError",
            json!({ "SearchString": "fin" }),
        )
        .await;
    assert_eq!(names(&searched), ["Finance"]);
    let capped = bridge
        .ok(
            "Get-MsolDirSyncProvisioningError",
            json!({ "SortField": "DisplayName", "MaxResults": 2 }),
        )
        .await;
    assert_eq!(names(&capped), listed[..2]);

    let bad = bridge
        .fault(
            "Get-MsolDirSyncProvisioningError",
            json!({ "ErrorCategory": "Duplicate" }),
        )
        .await;
    let message = bad["Message"].as_str().unwrap();
    assert!(
        message.contains("ErrorCategory") && message.contains("PropertyConflict"),
        "{bad}"
    );
    let has = bridge
        .ok("Get-MsolHasObjectsWithDirSyncProvisioningErrors", json!({}))
        .await;
    assert_eq!(has["Value"], true);
    vec![all, descending, upn_conflicts, by_value]
}

#[tokio::test]
async fn conflicts_are_listed_alike_on_both_backends() {
    let (snapshot, upn) = conflicted_tenant();
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers(&local, &upn).await;
    let (_graph, over_graph) = spawn_bridge_over_graph(&snapshot).await;
    assert_eq!(answers(&over_graph, &upn).await, local_answers);
}

#[tokio::test]
async fn a_tenant_without_conflicts_has_none() {
    let local = spawn_bridge_with(fresh_tenant()).await;
    let (_graph, over_graph) = spawn_bridge_over_graph(&fresh_tenant()).await;
    for bridge in [&local, &over_graph] {
        let has = bridge
            .ok("Get-MsolHasObjectsWithDirSyncProvisioningErrors", json!({}))
            .await;
        assert_eq!(has["Value"], false);
        let none = bridge
            .ok("Get-MsolDirSyncProvisioningError", json!({ "All": true }))
            .await;
        assert_eq!(none["Value"], json!([]));
    }
}
