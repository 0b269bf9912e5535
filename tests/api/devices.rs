//! Devices on both backends: Get-MsolDevice's parameter sets, Enable-, Disable- and
//! Remove-MsolDevice, and Graph's permissions for changing devices.

use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::graph::{
    assert_denied_naming, directory_as, grant_role, spawn_bridge_over_graph, spawn_unthrottled,
    user,
};
use crate::helpers::{spawn_bridge_with, TestBridge};

const CLOUD_DEVICE_ADMINISTRATOR: &str = "7698a772-787b-4ac8-901f-60d6b08affd2";

fn names(answer: &Value) -> Vec<String> {
    answer["Value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["DisplayName"].as_str().unwrap().to_string())
        .collect()
}

async fn device(bridge: &TestBridge, name: &str) -> Value {
    bridge.ok("Get-MsolDevice", json!({ "Name": name })).await["Value"][0].clone()
}

/// Every parameter set of the device cmdlets against one bridge over the demo tenant.
async fn answers_each_parameter_set(bridge: &TestBridge) -> Vec<Value> {
    let all = bridge.ok("Get-MsolDevice", json!({ "All": true })).await;
    assert_eq!(
        names(&all),
        [
            "DESKTOP-HR-042",
            "DESKTOP-HR-051",
            "Galaxy-S21-ADELE",
            "KIOSK-LOBBY",
            "LAPTOP-MEGAN01",
            "LAPTOP-OLD-007",
            "Lee's iPhone"
        ],
        "-All leaves out the system-managed Autopilot device"
    );
    assert!(all["Value"][0]["RegisteredOwners"]
        .as_array()
        .unwrap()
        .is_empty());
    let with_system = bridge
        .ok(
            "Get-MsolDevice",
            json!({ "All": true, "IncludeSystemManagedDevices": true }),
        )
        .await;
    assert_eq!(names(&with_system)[0], "AUTOPILOT-5CG1234");
    let stale = bridge
        .ok(
            "Get-MsolDevice",
            json!({ "All": true, "LogonTimeBefore": "2025-10-01T00:00:00Z" }),
        )
        .await;
    assert_eq!(
        names(&stale),
        ["Galaxy-S21-ADELE", "KIOSK-LOBBY", "LAPTOP-OLD-007"]
    );
    let owned = bridge
        .ok(
            "Get-MsolDevice",
            json!({ "All": true, "ReturnRegisteredOwners": true }),
        )
        .await;
    let galaxy = owned["Value"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["DisplayName"] == "Galaxy-S21-ADELE")
        .unwrap();
    assert_eq!(
        galaxy["RegisteredOwners"],
        json!(["adele.vance@contoso.com"])
    );
    assert_eq!(galaxy["DeviceTrustType"], "Workplace Joined");
    assert_eq!(galaxy["DeviceTrustLevel"], "Compliant");
    assert_eq!(galaxy["DeviceOsType"], "Android");
    let megan = bridge
        .ok(
            "Get-MsolDevice",
            json!({ "RegisteredOwnerUpn": "MEGAN.BOWEN@contoso.com" }),
        )
        .await;
    assert_eq!(names(&megan), ["LAPTOP-MEGAN01"]);
    assert_eq!(
        megan["Value"][0]["RegisteredOwners"],
        json!(["megan.bowen@contoso.com"])
    );
    let nobody = bridge
        .fault(
            "Get-MsolDevice",
            json!({ "RegisteredOwnerUpn": "nobody@contoso.com" }),
        )
        .await;
    assert_eq!(nobody["Code"], "UserNotFoundException");

    let iphone = device(bridge, "LEE'S IPHONE").await;
    assert_eq!(iphone["DeviceTrustType"], "Workplace Joined");
    let hybrid = device(bridge, "DESKTOP-HR-042").await;
    assert_eq!(hybrid["DeviceTrustType"], "Domain Joined");
    assert_eq!(hybrid["DirSyncEnabled"], true);
    assert!(hybrid["AlternativeSecurityIds"][0]
        .as_str()
        .unwrap()
        .starts_with("X509:<SHA1-TP-PUBKEY>"));
    let pending = device(bridge, "DESKTOP-HR-051").await;
    assert!(pending["AlternativeSecurityIds"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(pending.get("ApproximateLastLogonTimestamp").is_none());

    let laptop = device(bridge, "LAPTOP-MEGAN01").await;
    let by_object = bridge
        .ok("Get-MsolDevice", json!({ "ObjectId": laptop["ObjectId"] }))
        .await;
    assert_eq!(by_object["Value"][0], laptop);
    let by_device = bridge
        .ok("Get-MsolDevice", json!({ "DeviceId": laptop["DeviceId"] }))
        .await;
    assert_eq!(by_device["Value"][0], laptop);

    let missing = Uuid::new_v4();
    let refused = bridge
        .fault("Get-MsolDevice", json!({ "DeviceId": missing }))
        .await;
    assert_eq!(refused["Code"], "DeviceNotFoundException");
    assert_eq!(refused["Status"], 404);
    assert!(refused["Message"]
        .as_str()
        .unwrap()
        .contains(&missing.to_string()));
    let both = bridge
        .fault(
            "Get-MsolDevice",
            json!({ "Name": "KIOSK-LOBBY", "All": true }),
        )
        .await;
    assert_eq!(both["Code"], "PropertyValidationException");
    assert!(
        both["Message"].as_str().unwrap().contains("Name, All"),
        "{both}"
    );
    let nothing = bridge.fault("Get-MsolDevice", json!({})).await;
    assert_eq!(nothing["Code"], "RequiredPropertyNotSetException");

    // Disabling twice changes it once; enabling by ObjectId changes it back.
    let disabled = bridge
        .ok(
            "Disable-MsolDevice",
            json!({ "DeviceId": laptop["DeviceId"] }),
        )
        .await;
    assert_eq!(disabled["Changed"], json!(["Enabled"]));
    let again = bridge
        .ok(
            "Disable-MsolDevice",
            json!({ "DeviceId": laptop["DeviceId"] }),
        )
        .await;
    assert_eq!(again["Changed"], json!([]));
    assert_eq!(device(bridge, "LAPTOP-MEGAN01").await["Enabled"], false);
    let enabled = bridge
        .ok(
            "Enable-MsolDevice",
            json!({ "ObjectId": laptop["ObjectId"] }),
        )
        .await;
    assert_eq!(enabled["Changed"], json!(["Enabled"]));
    assert_eq!(device(bridge, "LAPTOP-MEGAN01").await, laptop);
    let unnamed = bridge.fault("Enable-MsolDevice", json!({})).await;
    assert_eq!(unnamed["Code"], "RequiredPropertyNotSetException");
    let gone = bridge
        .fault("Disable-MsolDevice", json!({ "ObjectId": missing }))
        .await;
    assert_eq!(gone["Code"], "DeviceNotFoundException");

    let kiosk = device(bridge, "KIOSK-LOBBY").await;
    let removed = bridge
        .ok(
            "Remove-MsolDevice",
            json!({ "DeviceId": kiosk["DeviceId"] }),
        )
        .await;
    assert_eq!(removed["ObjectId"], kiosk["ObjectId"]);
    let after = bridge
        .fault(
            "Remove-MsolDevice",
            json!({ "DeviceId": kiosk["DeviceId"] }),
        )
        .await;
    assert_eq!(after["Code"], "DeviceNotFoundException");
    vec![all, stale, owned, hybrid, laptop]
}

#[tokio::test]
async fn devices_answer_alike_on_both_backends() {
    let snapshot = demo_tenant(30, Timestamp::now());
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers_each_parameter_set(&local).await;

    let (_graph, over_graph) = spawn_bridge_over_graph(&snapshot).await;
    let graph_answers = answers_each_parameter_set(&over_graph).await;
    assert_eq!(local_answers, graph_answers);
}

/// Graph lets users change devices only in a device role, and applications enable or disable
/// only Windows devices (graph/api/device-update).
#[tokio::test]
async fn changing_devices_on_graph_needs_a_device_role_or_a_windows_device() {
    use msol_bridge::directory::DeviceDirectory;
    use msol_bridge::domain::devices::{DeviceKey, DeviceQuery};

    let mut snapshot = demo_tenant(5, Timestamp::now());
    let staff = user("staff");
    let devices = user("devices");
    grant_role(&mut snapshot, &devices, CLOUD_DEVICE_ADMINISTRATOR);
    snapshot.users.extend([staff, devices]);
    let iphone = snapshot
        .devices
        .iter()
        .find(|d| d.display_name == "Lee's iPhone")
        .unwrap()
        .object_id;
    let graph = spawn_unthrottled(&snapshot).await;

    let as_staff = directory_as(&graph, "staff@contoso.onmicrosoft.com")
        .await
        .unwrap();
    assert_eq!(
        as_staff
            .devices(&DeviceQuery::default())
            .await
            .unwrap()
            .len(),
        8,
        "any member reads devices"
    );
    let refused = as_staff
        .set_device_enabled(DeviceKey::ObjectId(iphone), false)
        .await
        .unwrap_err();
    assert_denied_naming(&refused, "Cloud Device Administrator");

    let app = graph.app_directory().await;
    let refused = app
        .set_device_enabled(DeviceKey::ObjectId(iphone), false)
        .await
        .unwrap_err();
    assert_eq!(
        refused.code(),
        "AccessDeniedException",
        "an application cannot disable an iPhone"
    );

    let as_admin = directory_as(&graph, "devices@contoso.onmicrosoft.com")
        .await
        .unwrap();
    let outcome = as_admin
        .set_device_enabled(DeviceKey::ObjectId(iphone), false)
        .await
        .unwrap();
    assert_eq!(outcome.changed, ["Enabled"]);
    as_admin
        .remove_device(DeviceKey::ObjectId(iphone))
        .await
        .unwrap();
    assert_eq!(
        as_admin
            .device(DeviceKey::ObjectId(iphone), false)
            .await
            .unwrap_err()
            .code(),
        "DeviceNotFoundException"
    );
}

/// Get- and Set-MsolDeviceRegistrationServicePolicy on both backends.
#[tokio::test]
async fn the_device_registration_policy_changes_alike_on_both_backends() {
    async fn answers(bridge: &TestBridge) -> Vec<Value> {
        let before = bridge
            .ok("Get-MsolDeviceRegistrationServicePolicy", json!({}))
            .await;
        assert_eq!(before["MaximumDevicesPerUser"], 50);
        assert_eq!(before["AllowedToAzureAdJoin"], "All");
        let set = bridge
            .ok(
                "Set-MsolDeviceRegistrationServicePolicy",
                json!({ "MaximumDevicesPerUser": 20, "RequireMultiFactorAuth": true, "AllowedToWorkplaceJoin": "None" }),
            )
            .await;
        assert_eq!(
            set["Changed"],
            json!([
                "MaximumDevicesPerUser",
                "RequireMultiFactorAuth",
                "AllowedToWorkplaceJoin"
            ])
        );
        let same = bridge
            .ok(
                "Set-MsolDeviceRegistrationServicePolicy",
                json!({ "MaximumDevicesPerUser": 20 }),
            )
            .await;
        assert_eq!(same["Changed"], json!([]));
        let selected = bridge
            .ok(
                "Set-MsolDeviceRegistrationServicePolicy",
                json!({ "AllowedToAzureAdJoin": "Selected" }),
            )
            .await;
        assert!(
            selected["Warnings"][0]
                .as_str()
                .unwrap()
                .contains("nobody may join"),
            "{selected}"
        );
        let refused = bridge
            .fault(
                "Set-MsolDeviceRegistrationServicePolicy",
                json!({ "AllowedToWorkplaceJoin": "Selected" }),
            )
            .await;
        assert_eq!(refused["Code"], "PropertyValidationException");
        let after = bridge
            .ok("Get-MsolDeviceRegistrationServicePolicy", json!({}))
            .await;
        assert_eq!(
            after,
            json!({
                "MaximumDevicesPerUser": 20,
                "RequireMultiFactorAuth": true,
                "AllowedToWorkplaceJoin": "None",
                "AllowedToAzureAdJoin": "Selected",
                "Users": [],
                "Groups": [],
            })
        );
        vec![before, after]
    }
    let snapshot = demo_tenant(5, Timestamp::now());
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers(&local).await;
    let (_graph, over_graph) = spawn_bridge_over_graph(&snapshot).await;
    assert_eq!(answers(&over_graph).await, local_answers);
}
