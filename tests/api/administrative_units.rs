//! Administrative units on both backends: Get-, New-, Set- and Remove-MsolAdministrativeUnit,
//! their members, the roles scoped to them, and Graph's permissions for changing them.

use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use serde_json::{json, Value};

use crate::graph::{
    assert_denied_naming, directory_as, spawn_bridge_over_graph, spawn_unthrottled, user,
};
use crate::helpers::{spawn_bridge_with, TestBridge};

const HELPDESK_ADMINISTRATOR: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
const USER_ACCOUNT_ADMINISTRATOR: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const COMPANY_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";

fn names(answer: &Value, key: &str) -> Vec<String> {
    answer["Value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v[key].as_str().unwrap_or_default().to_string())
        .collect()
}

async fn unit_id(bridge: &TestBridge, name: &str) -> String {
    let found = bridge
        .ok(
            "Get-MsolAdministrativeUnit",
            json!({ "SearchString": name }),
        )
        .await;
    found["Value"][0]["ObjectId"].as_str().unwrap().to_string()
}

async fn user_id(bridge: &TestBridge, upn: &str) -> String {
    bridge
        .ok("Get-MsolUser", json!({ "UserPrincipalName": upn }))
        .await["Value"][0]["ObjectId"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Every cmdlet of the family against one bridge over the demo tenant; answers what both
/// backends must agree on, with the new unit's ObjectId (the backend's to give) written as NEW.
async fn answers(bridge: &TestBridge) -> Vec<Value> {
    let all = bridge.ok("Get-MsolAdministrativeUnit", json!({})).await;
    assert_eq!(names(&all, "DisplayName"), ["East Coast", "West Coast"]);
    let west = unit_id(bridge, "west").await;
    let of_lee = bridge
        .ok(
            "Get-MsolAdministrativeUnit",
            json!({ "UserPrincipalName": "lee.gu@contoso.com" }),
        )
        .await;
    assert_eq!(names(&of_lee, "DisplayName"), ["West Coast"]);
    let one = bridge
        .ok("Get-MsolAdministrativeUnit", json!({ "ObjectId": west }))
        .await;
    assert_eq!(one["Value"][0]["Description"], "West Coast region");
    let mixed = bridge
        .fault(
            "Get-MsolAdministrativeUnit",
            json!({ "ObjectId": west, "SearchString": "West" }),
        )
        .await;
    assert_eq!(mixed["Code"], "PropertyValidationException", "{mixed}");

    let members = bridge
        .ok(
            "Get-MsolAdministrativeUnitMember",
            json!({ "AdministrativeUnitObjectId": west }),
        )
        .await;
    assert_eq!(
        names(&members, "DisplayName"),
        ["LAPTOP-MEGAN01", "Lee Gu", "Megan Bowen", "Sales Team"]
    );
    assert_eq!(
        names(&members, "AdministrativeUnitMemberType"),
        ["Device", "User", "User", "Group"]
    );

    let created = bridge
        .ok(
            "New-MsolAdministrativeUnit",
            json!({ "DisplayName": " Pacific Northwest ", "Description": "Seattle and Portland" }),
        )
        .await;
    assert_eq!(created["DisplayName"], "Pacific Northwest");
    let new = created["ObjectId"].as_str().unwrap().to_string();
    let nameless = bridge
        .fault("New-MsolAdministrativeUnit", json!({ "Description": "x" }))
        .await;
    assert_eq!(nameless["Code"], "RequiredPropertyNotSetException");
    let set = bridge
        .ok(
            "Set-MsolAdministrativeUnit",
            json!({ "ObjectId": new, "DisplayName": "Pacific Northwest", "Description": "" }),
        )
        .await;
    assert_eq!(set["Changed"], json!(["Description"]));
    let again = bridge
        .ok(
            "Set-MsolAdministrativeUnit",
            json!({ "ObjectId": new, "Description": "" }),
        )
        .await;
    assert_eq!(again["Changed"], json!([]));

    let diego = user_id(bridge, "diego.siciliani@contoso.com").await;
    let change =
        json!({ "AdministrativeUnitObjectId": new, "AdministrativeUnitMemberObjectId": diego });
    bridge
        .ok("Add-MsolAdministrativeUnitMember", change.clone())
        .await;
    let repeat = bridge
        .fault("Add-MsolAdministrativeUnitMember", change.clone())
        .await;
    assert_eq!(
        repeat["Code"],
        "AdministrativeUnitMemberAlreadyExistsException"
    );
    let stranger = bridge
        .fault(
            "Add-MsolAdministrativeUnitMember",
            json!({ "AdministrativeUnitObjectId": new, "AdministrativeUnitMemberObjectId": uuid::Uuid::new_v4() }),
        )
        .await;
    assert_eq!(stranger["Code"], "PropertyValidationException");
    assert_eq!(stranger["Field"], "AdministrativeUnitMemberObjectId");
    let of_diego = bridge
        .ok(
            "Get-MsolAdministrativeUnit",
            json!({ "UserObjectId": diego }),
        )
        .await;
    assert_eq!(names(&of_diego, "DisplayName"), ["Pacific Northwest"]);

    let scoped = bridge
        .ok(
            "Get-MsolScopedRoleMember",
            json!({ "AdministrativeUnitObjectId": west }),
        )
        .await;
    assert_eq!(
        names(&scoped, "UserPrincipalName"),
        ["nestor.wilke@contoso.com"]
    );
    assert_eq!(scoped["Value"][0]["RoleObjectId"], HELPDESK_ADMINISTRATOR);
    let assignment = json!({
        "RoleObjectId": USER_ACCOUNT_ADMINISTRATOR,
        "AdministrativeUnitObjectId": new,
        "RoleMemberUserPrincipalName": "diego.siciliani@contoso.com",
    });
    let added = bridge
        .ok("Add-MsolScopedRoleMember", assignment.clone())
        .await;
    assert_eq!(added["Changed"], json!(["ScopedRoleMembership"]));
    let repeat = bridge
        .fault("Add-MsolScopedRoleMember", assignment.clone())
        .await;
    assert_eq!(repeat["Code"], "RoleMemberAlreadyExistsException");
    let unscopable = bridge
        .fault(
            "Add-MsolScopedRoleMember",
            json!({ "RoleObjectId": COMPANY_ADMINISTRATOR, "AdministrativeUnitObjectId": new, "RoleMemberObjectId": diego }),
        )
        .await;
    assert_eq!(unscopable["Code"], "PropertyValidationException");
    assert!(
        unscopable["AllowedValues"]
            .as_array()
            .unwrap()
            .contains(&json!("Helpdesk Administrator")),
        "{unscopable}"
    );
    let everywhere = bridge.ok("Get-MsolScopedRoleMember", json!({})).await;
    assert_eq!(everywhere["Value"].as_array().unwrap().len(), 2);
    let in_role = bridge
        .ok(
            "Get-MsolScopedRoleMember",
            json!({ "RoleObjectId": USER_ACCOUNT_ADMINISTRATOR }),
        )
        .await;
    assert_eq!(
        names(&in_role, "UserPrincipalName"),
        ["diego.siciliani@contoso.com"]
    );
    bridge
        .ok("Remove-MsolScopedRoleMember", assignment.clone())
        .await;
    let gone = bridge
        .fault("Remove-MsolScopedRoleMember", assignment)
        .await;
    assert_eq!(gone["Code"], "RoleMemberNotFoundException");

    bridge
        .ok("Remove-MsolAdministrativeUnitMember", change.clone())
        .await;
    let not_member = bridge
        .fault("Remove-MsolAdministrativeUnitMember", change)
        .await;
    assert_eq!(
        not_member["Code"],
        "AdministrativeUnitMemberNotFoundException"
    );
    bridge
        .ok("Remove-MsolAdministrativeUnit", json!({ "ObjectId": new }))
        .await;
    let removed = bridge
        .fault("Get-MsolAdministrativeUnit", json!({ "ObjectId": new }))
        .await;
    assert_eq!(removed["Code"], "AdministrativeUnitNotFoundException");
    let members_of_gone = bridge
        .fault(
            "Get-MsolAdministrativeUnitMember",
            json!({ "AdministrativeUnitObjectId": new }),
        )
        .await;
    assert_eq!(
        members_of_gone["Code"],
        "AdministrativeUnitNotFoundException"
    );

    let text = serde_json::to_string(&vec![
        all, of_lee, members, created, set, scoped, everywhere, in_role,
    ])
    .unwrap()
    .replace(&new, "NEW");
    serde_json::from_str(&text).unwrap()
}

#[tokio::test]
async fn administrative_units_answer_alike_on_both_backends() {
    let snapshot = demo_tenant(30, Timestamp::now());
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers(&local).await;

    let (_graph, over_graph) = spawn_bridge_over_graph(&snapshot).await;
    let graph_answers = answers(&over_graph).await;
    assert_eq!(local_answers, graph_answers);
}

/// Graph lets only a Privileged Role Administrator (or Global Administrator) create units and
/// scope roles to them, while any member user reads them (directory-post-administrativeunits,
/// administrativeunit-post-scopedrolemembers, directory-list-administrativeunits).
#[tokio::test]
async fn changing_administrative_units_on_graph_needs_privileged_role_administrator() {
    use msol_bridge::directory::AdministrativeUnitDirectory;
    use msol_bridge::domain::model::AdministrativeUnit;

    let mut snapshot = demo_tenant(5, Timestamp::now());
    let staff = user("staff");
    snapshot.users.push(staff.clone());
    let west = snapshot
        .administrative_units
        .iter()
        .find(|u| u.display_name == "West Coast")
        .unwrap()
        .object_id;
    let graph = spawn_unthrottled(&snapshot).await;
    let as_staff = directory_as(&graph, "staff@contoso.onmicrosoft.com")
        .await
        .unwrap();
    assert_eq!(as_staff.administrative_units(None).await.unwrap().len(), 2);
    let refused = as_staff
        .new_administrative_unit(AdministrativeUnit {
            object_id: uuid::Uuid::nil(),
            display_name: "Nordics".into(),
            description: None,
        })
        .await
        .unwrap_err();
    assert_denied_naming(&refused, "Privileged Role Administrator");
    let refused = as_staff
        .add_scoped_role_member(
            west,
            uuid::Uuid::parse_str(HELPDESK_ADMINISTRATOR).unwrap(),
            staff.object_id,
        )
        .await
        .unwrap_err();
    assert_denied_naming(&refused, "RoleManagement.ReadWrite.Directory");
}
