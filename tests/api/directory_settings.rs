//! Directory settings on both backends: the templates, a tenant setting made, read, changed and
//! removed, a group's setting, and the refusals.

use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use serde_json::{json, Value};

use crate::graph::spawn_bridge_over_graph;
use crate::helpers::{spawn_bridge_with, TestBridge};

const GROUP_UNIFIED: &str = "62375ab9-6b52-47ed-826b-58e47e0e304b";
const GROUP_UNIFIED_GUEST: &str = "08d542b9-071f-4e16-94b0-74abb372e3d9";

fn value(setting: &Value, name: &str) -> String {
    setting["Values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["Name"] == name)
        .map(|v| v["Value"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("{name} in {setting}"))
}

/// The tenant's settings through every cmdlet; answers what both backends must agree on, with the
/// new setting's id (the backend's to give) written as NEW.
async fn answers(bridge: &TestBridge) -> Vec<Value> {
    let templates = bridge.ok("Get-MsolAllSettingTemplate", json!({})).await;
    let names: Vec<&str> = templates["Value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["DisplayName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Group.Unified", "Group.Unified.Guest"]);
    let unified = bridge
        .ok(
            "Get-MsolSettingTemplate",
            json!({ "TemplateId": GROUP_UNIFIED }),
        )
        .await;
    assert_eq!(unified["Values"].as_array().unwrap().len(), 15);
    let unknown = bridge
        .fault(
            "Get-MsolSettingTemplate",
            json!({ "TemplateId": uuid::Uuid::new_v4() }),
        )
        .await;
    assert_eq!(unknown["Code"], "SettingTemplateNotFoundException");
    let demo = bridge.ok("Get-MsolAllSettings", json!({})).await;
    assert_eq!(
        demo["Value"].as_array().unwrap().len(),
        1,
        "the demo's Group.Unified setting"
    );
    assert_eq!(
        value(&demo["Value"][0], "ClassificationList"),
        "Public,Internal,Confidential"
    );
    let twice = bridge
        .fault("New-MsolSettings", json!({ "TemplateId": GROUP_UNIFIED }))
        .await;
    assert_eq!(twice["Code"], "ObjectAlreadyExistsException");
    bridge
        .ok(
            "Remove-MsolSettings",
            json!({ "SettingId": demo["Value"][0]["Id"] }),
        )
        .await;
    let none = bridge.ok("Get-MsolAllSettings", json!({})).await;
    assert_eq!(none["Value"], json!([]));

    let created = bridge
        .ok(
            "New-MsolSettings",
            json!({ "TemplateId": GROUP_UNIFIED, "Values": { "UsageGuidelinesUrl": "https://contoso.com/groups", "EnableGroupCreation": "False" } }),
        )
        .await;
    assert_eq!(created["DisplayName"], "Group.Unified");
    assert_eq!(created["Values"].as_array().unwrap().len(), 15);
    assert_eq!(value(&created, "EnableGroupCreation"), "false");
    assert_eq!(value(&created, "AllowToAddGuests"), "true");
    let id = created["Id"].as_str().unwrap().to_string();
    let guest_for_tenant = bridge
        .fault(
            "New-MsolSettings",
            json!({ "TemplateId": GROUP_UNIFIED_GUEST }),
        )
        .await;
    assert_eq!(guest_for_tenant["Field"], "TemplateId");
    let misnamed = bridge
        .fault(
            "Set-MsolSettings",
            json!({ "SettingId": id, "Values": { "AllowGuests": "false" } }),
        )
        .await;
    assert_eq!(misnamed["Field"], "SettingsValue");
    assert!(misnamed["AllowedValues"]
        .as_array()
        .unwrap()
        .contains(&json!("AllowToAddGuests")));
    let users = bridge
        .fault(
            "Get-MsolAllSettings",
            json!({ "TargetType": "Users", "TargetObjectId": uuid::Uuid::new_v4().to_string() }),
        )
        .await;
    assert_eq!(users["Field"], "TargetType");

    let set = bridge
        .ok(
            "Set-MsolSettings",
            json!({ "SettingId": id, "Values": { "AllowToAddGuests": "false", "UsageGuidelinesUrl": "https://contoso.com/groups" } }),
        )
        .await;
    assert_eq!(set["Changed"], json!(["AllowToAddGuests"]));
    let read = bridge
        .ok("Get-MsolSettings", json!({ "SettingId": id }))
        .await;
    assert_eq!(value(&read, "AllowToAddGuests"), "false");
    assert_eq!(
        value(&read, "UsageGuidelinesUrl"),
        "https://contoso.com/groups",
        "a change keeps the values it leaves out"
    );
    assert_eq!(value(&read, "EnableGroupCreation"), "false");
    bridge
        .ok("Remove-MsolSettings", json!({ "SettingId": id }))
        .await;
    let gone = bridge
        .fault("Get-MsolSettings", json!({ "SettingId": id }))
        .await;
    assert_eq!(gone["Code"], "SettingNotFoundException");

    let text = serde_json::to_string(&vec![templates, unified, demo, created, set, read])
        .unwrap()
        .replace(&id, "NEW");
    serde_json::from_str(&text).unwrap()
}

#[tokio::test]
async fn directory_settings_answer_alike_on_both_backends() {
    let snapshot = demo_tenant(10, Timestamp::now());
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers(&local).await;
    let (_graph, over_graph) = spawn_bridge_over_graph(&snapshot).await;
    assert_eq!(answers(&over_graph).await, local_answers);
}

/// A group's guest setting: on the local tenant for any of its groups (it models no Microsoft 365
/// groups), on Graph for a Microsoft 365 group only.
#[tokio::test]
async fn a_group_takes_a_guest_setting_of_its_own() {
    async fn guest_setting(bridge: &TestBridge, group: &str) {
        let target = json!({ "TargetType": "Groups", "TargetObjectId": group });
        let mut body = target.clone();
        body["TemplateId"] = json!(GROUP_UNIFIED);
        let wrong = bridge.fault("New-MsolSettings", body).await;
        assert_eq!(
            wrong["Field"], "TemplateId",
            "a group takes Group.Unified.Guest only"
        );
        let mut body = target.clone();
        body["TemplateId"] = json!(GROUP_UNIFIED_GUEST);
        body["Values"] = json!({ "AllowToAddGuests": "false" });
        let created = bridge.ok("New-MsolSettings", body).await;
        assert_eq!(value(&created, "AllowToAddGuests"), "false");
        let listed = bridge.ok("Get-MsolAllSettings", target.clone()).await;
        assert_eq!(listed["Value"].as_array().unwrap().len(), 1);
        assert_eq!(
            bridge.ok("Get-MsolAllSettings", json!({})).await["Value"]
                .as_array()
                .unwrap()
                .len(),
            1,
            "the tenant's own setting stays apart"
        );
        let mut body = target.clone();
        body["SettingId"] = created["Id"].clone();
        bridge.ok("Remove-MsolSettings", body).await;
        let missing = bridge
            .fault(
                "Get-MsolAllSettings",
                json!({ "TargetType": "Groups", "TargetObjectId": uuid::Uuid::new_v4().to_string() }),
            )
            .await;
        assert_eq!(missing["Code"], "GroupNotFoundException");
    }

    let snapshot = demo_tenant(10, Timestamp::now());
    let local = spawn_bridge_with(snapshot.clone()).await;
    let sales = local
        .ok("Get-MsolGroup", json!({ "SearchString": "Sales Team" }))
        .await["Value"][0]["ObjectId"]
        .as_str()
        .unwrap()
        .to_string();
    guest_setting(&local, &sales).await;
    let unknown = local
        .fault("Get-MsolAllSettings", json!({ "TargetKind": "Groups" }))
        .await;
    assert_eq!(
        unknown["Status"], 400,
        "the flattened target keeps the request closed: {unknown}"
    );

    let (graph, over_graph) = spawn_bridge_over_graph(&snapshot).await;
    let unified = uuid::Uuid::new_v4();
    graph.sim.with_tenant_mut(|tenant| {
        let mut group = tenant.groups[0].clone();
        group.id = unified;
        group.display_name = "Project Falcon".into();
        group.unified = true;
        group.members.clear();
        tenant.groups.push(group);
    });
    guest_setting(&over_graph, &unified.to_string()).await;
    let security = over_graph
        .fault(
            "New-MsolSettings",
            json!({ "TemplateId": GROUP_UNIFIED_GUEST, "TargetType": "Groups", "TargetObjectId": sales }),
        )
        .await;
    assert!(
        security["Message"]
            .as_str()
            .unwrap()
            .contains("Microsoft 365 groups"),
        "{security}"
    );
}
