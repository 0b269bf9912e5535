use serde_json::json;

use crate::helpers::{fresh_tenant, spawn_bridge, upn};

#[tokio::test]
async fn new_user_answers_the_user_with_a_generated_password() {
    let bridge = spawn_bridge().await;
    let created = bridge.new_user("ada", json!({ "City": "Redmond", "UsageLocation": "us", "LicenseAssignment": ["contoso:ENTERPRISEPACK"] })).await;
    assert_eq!(created["UserPrincipalName"], upn("ada"));
    assert_eq!(created["UsageLocation"], "US");
    assert_eq!(created["IsLicensed"], true);
    assert_eq!(
        created["Licenses"][0]["AccountSkuId"],
        "contoso:ENTERPRISEPACK"
    );
    assert_eq!(created["StrongAuthenticationRequirements"], json!([]));
    assert_eq!(created["Password"].as_str().unwrap().len(), 16);
    assert!(created["ObjectId"].as_str().unwrap().len() == 36);
    let skus = bridge.ok("Get-MsolAccountSku", json!({})).await;
    assert_eq!(skus["Value"][0]["ConsumedUnits"], 1);
    assert_eq!(skus["Value"][0]["ActiveUnits"], 25);
}

#[tokio::test]
async fn new_user_checks_name_domain_and_password() {
    let bridge = spawn_bridge().await;
    let foreign = bridge
        .fault(
            "New-MsolUser",
            json!({ "UserPrincipalName": "ada@fabrikam.com", "DisplayName": "Ada" }),
        )
        .await;
    assert_eq!(foreign["Code"], "PropertyValidationException");
    assert_eq!(foreign["Field"], "UserPrincipalName");
    assert_eq!(foreign["AllowedValues"], json!(["contoso.onmicrosoft.com"]));
    let no_name = bridge
        .fault("New-MsolUser", json!({ "UserPrincipalName": upn("ada") }))
        .await;
    assert_eq!(no_name["Field"], "DisplayName");
    let weak = bridge.fault("New-MsolUser", json!({ "UserPrincipalName": upn("ada"), "DisplayName": "Ada", "Password": "ada12345" })).await;
    assert_eq!(weak["Field"], "Password");
    let missing_upn = bridge
        .fault("New-MsolUser", json!({ "DisplayName": "Ada" }))
        .await;
    assert_eq!(
        (missing_upn["Code"].as_str(), missing_upn["Field"].as_str()),
        (
            Some("RequiredPropertyNotSetException"),
            Some("UserPrincipalName")
        )
    );
    let created = bridge.ok("New-MsolUser", json!({ "UserPrincipalName": upn("ada"), "DisplayName": "Ada", "Password": "Str0ng!Pass", "ForceChangePassword": false })).await;
    assert_eq!(created["Password"], "Str0ng!Pass");
    assert_eq!(created["PasswordResetNotRequiredDuringActivate"], true);
}

#[tokio::test]
async fn set_user_changes_only_what_differs() {
    let bridge = spawn_bridge().await;
    bridge
        .new_user("bob", json!({ "Department": "Sales" }))
        .await;
    let user = bridge.user(&upn("bob")).await;
    // What a piped Get-MsolUser binds: the whole object's settable properties.
    let piped = json!({
        "ObjectId": user["ObjectId"], "UserPrincipalName": user["UserPrincipalName"], "DisplayName": user["DisplayName"],
        "Department": user["Department"], "BlockCredential": user["BlockCredential"],
        "LastPasswordChangeTimestamp": user["LastPasswordChangeTimestamp"],
        "StrongAuthenticationMethods": user["StrongAuthenticationMethods"], "AlternateEmailAddresses": user["AlternateEmailAddresses"]
    });
    assert_eq!(bridge.ok("Set-MsolUser", piped).await["Changed"], json!([]));
    let answer = bridge.ok("Set-MsolUser", json!({ "UserPrincipalName": upn("bob"), "Department": "Legal", "Title": "Counsel", "City": "" })).await;
    assert_eq!(answer["Changed"], json!(["Title", "Department"]));
    assert_eq!(answer["ObjectId"], user["ObjectId"]);
    let other = bridge.new_user("carol", json!({})).await;
    let mismatch = bridge
        .fault(
            "Set-MsolUser",
            json!({ "ObjectId": other["ObjectId"], "UserPrincipalName": upn("bob"), "City": "X" }),
        )
        .await;
    assert_eq!(mismatch["Field"], "UserPrincipalName");
    assert_eq!(
        bridge.user(&upn("carol")).await.get("City"),
        None,
        "a refused request changes nothing"
    );
}

#[tokio::test]
async fn remove_restore_and_purge() {
    let bridge = spawn_bridge().await;
    let user = bridge.new_user("dave", json!({})).await;
    bridge
        .ok(
            "Remove-MsolUser",
            json!({ "UserPrincipalName": upn("dave") }),
        )
        .await;
    assert_eq!(
        bridge
            .fault("Get-MsolUser", json!({ "UserPrincipalName": upn("dave") }))
            .await["Message"],
        format!("User Not Found.  User: {}.", upn("dave"))
    );
    let deleted = bridge
        .ok(
            "Get-MsolUser",
            json!({ "ReturnDeletedUsers": true, "All": true }),
        )
        .await;
    assert_eq!(deleted["Value"].as_array().unwrap().len(), 1);
    bridge
        .ok("Restore-MsolUser", json!({ "ObjectId": user["ObjectId"] }))
        .await;
    assert_eq!(
        bridge.user(&upn("dave")).await["ObjectId"],
        user["ObjectId"]
    );
    bridge
        .ok("Remove-MsolUser", json!({ "ObjectId": user["ObjectId"] }))
        .await;
    bridge
        .ok(
            "Remove-MsolUser",
            json!({ "ObjectId": user["ObjectId"], "RemoveFromRecycleBin": true }),
        )
        .await;
    assert_eq!(
        bridge
            .fault("Restore-MsolUser", json!({ "ObjectId": user["ObjectId"] }))
            .await["Code"],
        "UserNotFoundException"
    );
}

#[tokio::test]
async fn restore_is_refused_after_thirty_days() {
    let mut snapshot = fresh_tenant();
    let mut old = msol_bridge::domain::model::User::new(
        uuid::Uuid::new_v4(),
        upn("old"),
        msol_bridge::domain::time::Timestamp::parse("2020-01-01T00:00:00Z").unwrap(),
    );
    old.display_name = Some("Old".into());
    old.soft_deletion_timestamp =
        msol_bridge::domain::time::Timestamp::parse("2020-02-01T00:00:00Z");
    snapshot.users.push(old);
    let bridge = crate::helpers::spawn_bridge_with(snapshot).await;
    let refused = bridge
        .fault(
            "Restore-MsolUser",
            json!({ "UserPrincipalName": upn("old") }),
        )
        .await;
    assert_eq!(refused["Code"], "RestoreUserNotAllowedException");
    assert!(refused["Message"]
        .as_str()
        .unwrap()
        .contains("SoftDeletedUserIsTooOld"));
}

#[tokio::test]
async fn passwords_principal_names_and_licences() {
    let bridge = spawn_bridge().await;
    bridge
        .new_user("erin", json!({ "UsageLocation": "DE" }))
        .await;
    let generated = bridge
        .ok(
            "Set-MsolUserPassword",
            json!({ "UserPrincipalName": upn("erin") }),
        )
        .await;
    assert_eq!(generated["Password"].as_str().unwrap().len(), 16);
    let given = bridge.ok("Set-MsolUserPassword", json!({ "UserPrincipalName": upn("erin"), "NewPassword": "N3w!Secret", "ForceChangePassword": false })).await;
    assert_eq!(given["Password"], "N3w!Secret");
    let only = bridge
        .ok(
            "Set-MsolUserPassword",
            json!({ "UserPrincipalName": upn("erin"), "ForceChangePasswordOnly": true }),
        )
        .await;
    assert_eq!(only, json!({}));
    bridge
        .ok(
            "Set-MsolUserPrincipalName",
            json!({ "UserPrincipalName": upn("erin"), "NewUserPrincipalName": upn("erin.new") }),
        )
        .await;
    let renamed = bridge.user(&upn("erin.new")).await;
    assert_eq!(
        renamed["ProxyAddresses"],
        json!([
            format!("SMTP:{}", upn("erin.new")),
            format!("smtp:{}", upn("erin"))
        ])
    );
    bridge.ok("Set-MsolUserLicense", json!({ "UserPrincipalName": upn("erin.new"), "AddLicenses": ["contoso:ENTERPRISEPACK"],
        "LicenseOptions": [{ "AccountSkuId": "contoso:ENTERPRISEPACK", "DisabledServicePlans": ["TEAMS1"] }] })).await;
    let licensed = bridge.user(&upn("erin.new")).await;
    let teams = licensed["Licenses"][0]["ServiceStatus"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["ServicePlan"]["ServiceName"] == "TEAMS1")
        .unwrap()
        .clone();
    assert_eq!(teams["ProvisioningStatus"], "Disabled");
    assert_eq!(
        licensed["LicenseAssignmentDetails"][0]["Assignments"][0]["DisabledServicePlans"],
        json!(["TEAMS1"])
    );
    let bad_plan = bridge.fault("Set-MsolUserLicense", json!({ "UserPrincipalName": upn("erin.new"),
        "LicenseOptions": [{ "AccountSkuId": "contoso:ENTERPRISEPACK", "DisabledServicePlans": ["NOPE"] }] })).await;
    assert_eq!(bad_plan["Code"], "InvalidLicenseConfigurationException");
    assert!(bad_plan["AllowedValues"]
        .as_array()
        .unwrap()
        .contains(&json!("TEAMS1")));
}

#[tokio::test]
async fn licence_options_are_checked_against_the_tenants_subscriptions() {
    let bridge = spawn_bridge().await;
    let option = bridge
        .ok(
            "New-MsolLicenseOptions",
            json!({ "AccountSkuId": "CONTOSO:enterprisepack", "DisabledPlans": ["teams1", "MCOSTANDARD"] }),
        )
        .await;
    assert_eq!(
        option,
        json!({ "AccountSkuId": { "AccountName": "contoso", "SkuPartNumber": "ENTERPRISEPACK" }, "DisabledServicePlans": ["TEAMS1", "MCOSTANDARD"] })
    );
    let unknown_sku = bridge
        .fault(
            "New-MsolLicenseOptions",
            json!({ "AccountSkuId": "contoso:NOPE" }),
        )
        .await;
    assert_eq!(
        (unknown_sku["Code"].as_str(), unknown_sku["Field"].as_str()),
        (
            Some("InvalidLicenseConfigurationException"),
            Some("AccountSkuId")
        )
    );
    assert_eq!(
        unknown_sku["AllowedValues"],
        json!(["contoso:ENTERPRISEPACK"])
    );
    let unknown_plan = bridge
        .fault(
            "New-MsolLicenseOptions",
            json!({ "AccountSkuId": "contoso:ENTERPRISEPACK", "DisabledPlans": ["NOPE"] }),
        )
        .await;
    assert_eq!(unknown_plan["Field"], "DisabledPlans");
    assert!(unknown_plan["AllowedValues"]
        .as_array()
        .unwrap()
        .contains(&json!("EXCHANGE_S_ENTERPRISE")));
    let batch = bridge
        .client
        .post(format!("{}/v1/New-MsolLicenseOptions/batch", bridge.url))
        .bearer_auth(crate::helpers::SECRET)
        .json(&json!({ "Requests": [] }))
        .send()
        .await
        .unwrap();
    assert_eq!(batch.status(), 400, "building options is no write to batch");
}

#[tokio::test]
async fn licences_run_out() {
    let mut snapshot = fresh_tenant();
    snapshot.subscriptions[0].active_units = 1;
    snapshot.subscriptions[0].terms[0].total_licenses = 1;
    let bridge = crate::helpers::spawn_bridge_with(snapshot).await;
    bridge
        .new_user(
            "first",
            json!({ "UsageLocation": "US", "LicenseAssignment": ["contoso:ENTERPRISEPACK"] }),
        )
        .await;
    bridge
        .new_user("second", json!({ "UsageLocation": "US" }))
        .await;
    let exhausted = bridge.fault("Set-MsolUserLicense", json!({ "UserPrincipalName": upn("second"), "AddLicenses": ["contoso:ENTERPRISEPACK"] })).await;
    assert_eq!(
        (exhausted["Code"].as_str(), exhausted["Status"].as_u64()),
        (Some("LicenseQuotaExceededException"), Some(409))
    );
    let unlicensed = bridge
        .fault(
            "Set-MsolUser",
            json!({ "UserPrincipalName": upn("first"), "UsageLocation": "" }),
        )
        .await;
    assert_eq!(unlicensed["Field"], "UsageLocation");
}

#[tokio::test]
async fn synchronized_users_are_read_only_where_active_directory_owns_them() {
    let mut snapshot = fresh_tenant();
    let mut synced = msol_bridge::domain::model::User::new(
        uuid::Uuid::new_v4(),
        upn("synced"),
        msol_bridge::domain::time::Timestamp::now(),
    );
    synced.display_name = Some("Synced".into());
    synced.last_dir_sync_time = Some(msol_bridge::domain::time::Timestamp::now());
    snapshot.users.push(synced);
    let bridge = crate::helpers::spawn_bridge_with(snapshot).await;
    let refused = bridge
        .fault(
            "Set-MsolUser",
            json!({ "UserPrincipalName": upn("synced"), "BlockCredential": true }),
        )
        .await;
    assert_eq!(
        (refused["Code"].as_str(), refused["Field"].as_str()),
        (
            Some("PropertyNotSettableException"),
            Some("BlockCredential")
        )
    );
    bridge.ok("Set-MsolUser", json!({ "UserPrincipalName": upn("synced"), "UsageLocation": "FR", "DisplayName": "Synced" })).await;
    let password = bridge
        .fault(
            "Set-MsolUserPassword",
            json!({ "UserPrincipalName": upn("synced") }),
        )
        .await;
    assert_eq!(password["Code"], "PropertyNotSettableException");
}
