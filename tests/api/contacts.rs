//! Mail contacts on both backends: Get-MsolContact's parameter sets, contacts as group members,
//! and Graph's roles for reading them.

use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::graph::{
    assert_denied_naming, directory_as, grant_role, spawn_bridge_over_graph, spawn_unthrottled,
    user, USER_ADMINISTRATOR,
};
use crate::helpers::{spawn_bridge_with, TestBridge};

fn names(answer: &Value) -> Vec<String> {
    answer["Value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["DisplayName"].as_str().unwrap().to_string())
        .collect()
}

/// Every parameter set of Get-MsolContact against one bridge over the demo tenant.
async fn answers_each_parameter_set(bridge: &TestBridge) -> Vec<Value> {
    let all = bridge.ok("Get-MsolContact", json!({ "All": true })).await;
    assert_eq!(
        names(&all),
        [
            "Ana Souza",
            "Ben Walters",
            "Carla Reyes",
            "Fabrikam Support"
        ]
    );
    let by_address = bridge
        .ok("Get-MsolContact", json!({ "SearchString": "SUPPORT@" }))
        .await;
    assert_eq!(names(&by_address), ["Fabrikam Support"]);
    let by_name = bridge
        .ok("Get-MsolContact", json!({ "SearchString": "ben w" }))
        .await;
    assert_eq!(names(&by_name), ["Ben Walters"]);
    let with_errors = bridge
        .ok("Get-MsolContact", json!({ "HasErrorsOnly": true }))
        .await;
    assert_eq!(names(&with_errors), ["Carla Reyes"]);
    let carla = &with_errors["Value"][0];
    assert_eq!(carla["ValidationStatus"], "Error");
    assert_eq!(
        carla["Errors"][0]["ServiceInstance"],
        "exchange/eurprd05-001-01"
    );
    assert!(carla["LastDirSyncTime"].is_string());
    let capped = bridge
        .ok("Get-MsolContact", json!({ "MaxResults": 2 }))
        .await;
    assert_eq!(names(&capped), ["Ana Souza", "Ben Walters"]);
    let id = all["Value"][0]["ObjectId"].clone();
    let one = bridge
        .ok("Get-MsolContact", json!({ "ObjectId": id }))
        .await;
    assert_eq!(one["Value"][0], all["Value"][0]);
    assert_eq!(one["Value"][0]["City"], "Lisbon");
    assert_eq!(one["Value"][0]["Title"], "Account Manager");

    let missing = Uuid::new_v4();
    let refused = bridge
        .fault("Get-MsolContact", json!({ "ObjectId": missing }))
        .await;
    assert_eq!(refused["Code"], "ContactNotFoundException");
    assert_eq!(refused["Status"], 404);
    assert!(
        refused["Message"]
            .as_str()
            .unwrap()
            .contains(&missing.to_string()),
        "{refused}"
    );
    let bad = bridge
        .fault("Get-MsolContact", json!({ "HasErrorsOnly": "yes" }))
        .await;
    assert!(
        bad["Message"].as_str().unwrap().contains("HasErrorsOnly"),
        "{bad}"
    );

    let sales = bridge
        .ok("Get-MsolGroup", json!({ "SearchString": "Sales Team" }))
        .await["Value"][0]["ObjectId"]
        .clone();
    let contacts_in_sales = bridge
        .ok(
            "Get-MsolGroupMember",
            json!({ "GroupObjectId": sales, "MemberObjectTypes": ["Contact"], "All": true }),
        )
        .await;
    let mut members = names(&contacts_in_sales);
    members.sort();
    assert_eq!(members, ["Ana Souza", "Fabrikam Support"]);
    let ana = contacts_in_sales["Value"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["DisplayName"] == "Ana Souza")
        .unwrap();
    assert_eq!(ana["EmailAddress"], "ana.souza@fabrikam.com");
    assert_eq!(ana["GroupMemberType"], "Contact");
    vec![all]
}

#[tokio::test]
async fn contacts_answer_alike_on_both_backends() {
    let snapshot = demo_tenant(30, Timestamp::now());
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers_each_parameter_set(&local).await;

    let (_graph, over_graph) = spawn_bridge_over_graph(&snapshot).await;
    let graph_answers = answers_each_parameter_set(&over_graph).await;
    assert_eq!(local_answers, graph_answers);
}

/// Graph lets delegated callers read contacts only in one of the roles its pages list.
#[tokio::test]
async fn reading_contacts_on_graph_needs_a_directory_role() {
    let mut snapshot = demo_tenant(5, Timestamp::now());
    let staff = user("staff");
    let useradmin = user("useradmin");
    grant_role(&mut snapshot, &useradmin, USER_ADMINISTRATOR);
    snapshot.users.extend([staff, useradmin]);
    let graph = spawn_unthrottled(&snapshot).await;

    use msol_bridge::directory::ContactDirectory;
    let refused = directory_as(&graph, "staff@contoso.onmicrosoft.com")
        .await
        .unwrap()
        .contacts()
        .await
        .unwrap_err();
    assert_denied_naming(&refused, "Directory Readers");
    let read = directory_as(&graph, "useradmin@contoso.onmicrosoft.com")
        .await
        .unwrap()
        .contacts()
        .await
        .unwrap();
    assert_eq!(read.len(), 4);
}
