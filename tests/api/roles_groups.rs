use serde_json::{json, Value};

use crate::helpers::{spawn_bridge, spawn_bridge_with, upn};
use msol_bridge::tenant::demo::demo_tenant;

const COMPANY_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";

fn names(list: &Value, key: &str) -> Vec<String> {
    list["Value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v[key].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn roles_by_legacy_and_current_name() {
    let bridge = spawn_bridge().await;
    let all = bridge.ok("Get-MsolRole", json!({})).await;
    assert!(names(&all, "Name").contains(&"Company Administrator".to_string()));
    let legacy = bridge
        .ok(
            "Get-MsolRole",
            json!({ "RoleName": "Company Administrator" }),
        )
        .await;
    let current = bridge
        .ok(
            "Get-MsolRole",
            json!({ "RoleName": "global administrator" }),
        )
        .await;
    assert_eq!(legacy, current);
    assert_eq!(legacy["Value"][0]["ObjectId"], COMPANY_ADMINISTRATOR);
    assert_eq!(
        bridge
            .ok("Get-MsolRole", json!({ "ObjectId": COMPANY_ADMINISTRATOR }))
            .await,
        legacy
    );
    assert_eq!(
        bridge
            .fault("Get-MsolRole", json!({ "RoleName": "Chief Administrator" }))
            .await["Code"],
        "RoleNotFoundException"
    );
}

#[tokio::test]
async fn role_members_are_added_listed_and_removed() {
    let bridge = spawn_bridge().await;
    bridge
        .new_user("root", json!({ "MobilePhone": "+1 425 555 0100" }))
        .await;
    bridge
        .ok(
            "Add-MsolRoleMember",
            json!({ "RoleName": "Company Administrator", "RoleMemberEmailAddress": upn("root") }),
        )
        .await;
    let again = bridge
        .fault(
            "Add-MsolRoleMember",
            json!({ "RoleObjectId": COMPANY_ADMINISTRATOR, "RoleMemberEmailAddress": upn("root") }),
        )
        .await;
    assert_eq!(again["Code"], "RoleMemberAlreadyExistsException");
    let members = bridge
        .ok(
            "Get-MsolRoleMember",
            json!({ "RoleObjectId": COMPANY_ADMINISTRATOR }),
        )
        .await;
    assert_eq!(names(&members, "EmailAddress"), vec![upn("root")]);
    assert_eq!(members["Value"][0]["RoleMemberType"], "User");
    let roles = bridge
        .ok(
            "Get-MsolUserRole",
            json!({ "UserPrincipalName": upn("root") }),
        )
        .await;
    assert_eq!(names(&roles, "Name"), vec!["Company Administrator"]);
    let group = bridge.fault("Add-MsolRoleMember", json!({ "RoleName": "Helpdesk Administrator", "RoleMemberType": "Group", "RoleMemberObjectId": uuid::Uuid::new_v4() })).await;
    assert_eq!(group["AllowedValues"], json!(["User", "ServicePrincipal"]));
    let nobody = bridge
        .fault(
            "Add-MsolRoleMember",
            json!({ "RoleName": "Helpdesk Administrator" }),
        )
        .await;
    assert_eq!(nobody["Field"], "RoleMemberObjectId");
    bridge
        .ok(
            "Remove-MsolRoleMember",
            json!({ "RoleName": "Global Administrator", "RoleMemberEmailAddress": upn("root") }),
        )
        .await;
    let gone = bridge
        .fault(
            "Remove-MsolRoleMember",
            json!({ "RoleName": "Global Administrator", "RoleMemberEmailAddress": upn("root") }),
        )
        .await;
    assert_eq!(gone["Code"], "RoleMemberNotFoundException");
    let missing_role = bridge.fault("Get-MsolRoleMember", json!({})).await;
    assert_eq!(missing_role["Field"], "RoleObjectId");
}

#[tokio::test]
async fn demo_roles_groups_and_service_principals() {
    let bridge = spawn_bridge_with(demo_tenant(
        300,
        msol_bridge::domain::time::Timestamp::now(),
    ))
    .await;
    let admins = bridge
        .ok(
            "Get-MsolRoleMember",
            json!({ "RoleObjectId": COMPANY_ADMINISTRATOR, "All": true }),
        )
        .await;
    assert!(names(&admins, "EmailAddress").contains(&"adm.alex.wilber@contoso.com".to_string()));
    let users_only = bridge.ok("Get-MsolRoleMember", json!({ "RoleObjectId": "fe930be7-5e62-47db-91af-98c3a49a38b1", "MemberObjectTypes": ["ServicePrincipal"] })).await;
    assert_eq!(
        names(&users_only, "DisplayName"),
        vec!["Contoso Provisioning"]
    );
    let groups = bridge.ok("Get-MsolGroup", json!({ "All": true })).await;
    assert_eq!(
        names(&groups, "DisplayName"),
        vec!["All Staff", "Finance", "Helpdesk Operators", "Sales Team"]
    );
    let security = bridge
        .ok(
            "Get-MsolGroup",
            json!({ "GroupType": "Security", "SearchString": "help" }),
        )
        .await;
    assert_eq!(names(&security, "DisplayName"), vec!["Helpdesk Operators"]);
    let helpdesk = security["Value"][0]["ObjectId"].clone();
    let members = bridge
        .ok(
            "Get-MsolGroupMember",
            json!({ "GroupObjectId": helpdesk, "All": true }),
        )
        .await;
    let first = members["Value"][0]["EmailAddress"]
        .as_str()
        .unwrap()
        .to_string();
    let held = bridge
        .ok("Get-MsolUserRole", json!({ "UserPrincipalName": first }))
        .await;
    assert!(
        names(&held, "Name").contains(&"Helpdesk Administrator".to_string()),
        "roles held through a group count"
    );
    let of_user = bridge
        .ok("Get-MsolGroup", json!({ "UserPrincipalName": first }))
        .await;
    assert!(names(&of_user, "DisplayName").contains(&"Helpdesk Operators".to_string()));
    let by_id = bridge
        .ok("Get-MsolGroup", json!({ "ObjectId": helpdesk }))
        .await;
    assert_eq!(by_id["Value"][0]["DisplayName"], "Helpdesk Operators");
    let all_staff = bridge
        .ok(
            "Get-MsolGroupMember",
            json!({ "GroupObjectId": groups["Value"][0]["ObjectId"] }),
        )
        .await;
    assert_eq!(all_staff["Value"].as_array().unwrap().len(), 250);
    assert_eq!(all_staff["MoreResultsAvailable"], true);
    assert_eq!(
        bridge
            .fault("Get-MsolGroup", json!({ "ObjectId": uuid::Uuid::new_v4() }))
            .await["Code"],
        "GroupNotFoundException"
    );
}

#[tokio::test]
async fn security_groups_over_http_refuse_bad_input_and_change_nothing() {
    let bridge = spawn_bridge().await;
    let member = bridge.new_user("grouped", json!({})).await;
    let group = bridge
        .ok(
            "New-MsolGroup",
            json!({ "DisplayName": "Http Group", "ManagedBy": upn("grouped") }),
        )
        .await;
    assert_eq!(group["GroupType"], "Security");
    assert_eq!(group["ManagedBy"], member["ObjectId"]);
    let id = group["ObjectId"].as_str().unwrap().to_string();

    // Refusals name the field, and nothing is written.
    let unnamed = bridge
        .fault("New-MsolGroup", json!({ "DisplayName": "  " }))
        .await;
    assert_eq!(unnamed["Field"], "DisplayName");
    let too_long = bridge
        .fault("New-MsolGroup", json!({ "DisplayName": "x".repeat(257) }))
        .await;
    assert_eq!(too_long["Field"], "DisplayName");
    let unknown_owner = bridge
        .fault(
            "New-MsolGroup",
            json!({ "DisplayName": "Owned", "ManagedBy": upn("nobody") }),
        )
        .await;
    assert_eq!(unknown_owner["Code"], "UserNotFoundException");
    let no_member = bridge
        .fault("Add-MsolGroupMember", json!({ "GroupObjectId": id }))
        .await;
    assert_eq!(no_member["Field"], "GroupMemberObjectId");
    let contact = bridge
        .fault(
            "Add-MsolGroupMember",
            json!({ "GroupObjectId": id, "GroupMemberType": "Contact", "GroupMemberObjectId": member["ObjectId"] }),
        )
        .await;
    assert_eq!(contact["AllowedValues"], json!(["User", "Group"]));
    let groups = bridge
        .ok("Get-MsolGroup", json!({ "SearchString": "Owned" }))
        .await;
    assert_eq!(groups["Value"], json!([]));

    bridge
        .ok(
            "Add-MsolGroupMember",
            json!({ "GroupObjectId": id, "GroupMemberObjectId": member["ObjectId"] }),
        )
        .await;
    let members = bridge
        .ok("Get-MsolGroupMember", json!({ "GroupObjectId": id }))
        .await;
    assert_eq!(
        names(&members, "ObjectId"),
        vec![member["ObjectId"].as_str().unwrap()]
    );
    let again = bridge
        .fault(
            "Add-MsolGroupMember",
            json!({ "GroupObjectId": id, "GroupMemberObjectId": member["ObjectId"] }),
        )
        .await;
    assert_eq!(again["Code"], "GroupMemberAlreadyExistsException");
    bridge
        .ok("Remove-MsolGroup", json!({ "ObjectId": id }))
        .await;
    let gone = bridge
        .fault("Get-MsolGroup", json!({ "ObjectId": id }))
        .await;
    assert_eq!(gone["Code"], "GroupNotFoundException");
}
