use serde_json::{json, Value};

use crate::helpers::{spawn_bridge_with, TestBridge};
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;

async fn demo(users: usize) -> TestBridge {
    spawn_bridge_with(demo_tenant(users, Timestamp::now())).await
}

/// Follows NextPageToken to the end, as a streaming client does.
async fn all_pages(bridge: &TestBridge, operation: &str, body: Value) -> (Vec<Value>, usize, bool) {
    let mut items = Vec::new();
    let mut pages = 0;
    let mut request = body.clone();
    loop {
        let page = bridge.ok(operation, request.clone()).await;
        pages += 1;
        items.extend(page["Value"].as_array().unwrap().iter().cloned());
        match page.get("NextPageToken").and_then(Value::as_str) {
            Some(token) => request["PageToken"] = json!(token),
            None => {
                return (
                    items,
                    pages,
                    page["MoreResultsAvailable"].as_bool().unwrap(),
                )
            }
        }
    }
}

#[tokio::test]
async fn get_user_caps_at_500_and_all_pages_through_everything() {
    let bridge = demo(1200).await;
    let capped = bridge.ok("Get-MsolUser", json!({})).await;
    assert_eq!(capped["Value"].as_array().unwrap().len(), 500);
    assert_eq!(capped["MoreResultsAvailable"], true);
    assert!(capped.get("NextPageToken").is_none());
    let (all, pages, more) = all_pages(
        &bridge,
        "Get-MsolUser",
        json!({ "All": true, "PageSize": 100 }),
    )
    .await;
    let active = demo_tenant(1200, Timestamp::now())
        .users
        .iter()
        .filter(|u| u.soft_deletion_timestamp.is_none())
        .count();
    assert_eq!(all.len(), active);
    // The first page of a whole unfiltered listing says how long it will be, for progress.
    let first = bridge
        .ok("Get-MsolUser", json!({ "All": true, "PageSize": 100 }))
        .await;
    assert_eq!(first["EstimatedTotal"], json!(active));
    let second = bridge
        .ok(
            "Get-MsolUser",
            json!({ "All": true, "PageSize": 100, "PageToken": first["NextPageToken"] }),
        )
        .await;
    assert!(
        second.get("EstimatedTotal").is_none(),
        "only the first page"
    );
    for unsized_listing in [
        json!({ "All": true, "EnabledFilter": "EnabledOnly" }),
        json!({ "All": true, "ReturnDeletedUsers": true }),
        json!({ "MaxResults": 10 }),
    ] {
        let page = bridge.ok("Get-MsolUser", unsized_listing.clone()).await;
        assert!(page.get("EstimatedTotal").is_none(), "{unsized_listing}");
    }
    assert!(pages >= 12 && !more);
    let mut names: Vec<String> = all
        .iter()
        .map(|u| u["UserPrincipalName"].as_str().unwrap().to_lowercase())
        .collect();
    let listed = names.clone();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), listed.len(), "no user twice");
    let (some, _, more) = all_pages(
        &bridge,
        "Get-MsolUser",
        json!({ "MaxResults": 250, "PageSize": 100 }),
    )
    .await;
    assert_eq!((some.len(), more), (250, true));
    assert_eq!(
        bridge
            .fault("Get-MsolUser", json!({ "All": true, "MaxResults": 5 }))
            .await["Field"],
        "MaxResults"
    );
    assert_eq!(
        bridge
            .fault("Get-MsolUser", json!({ "All": true, "PageToken": "abc" }))
            .await["Field"],
        "PageToken"
    );
}

#[tokio::test]
async fn get_user_filters() {
    let bridge = demo(300).await;
    let count = |body: Value| {
        let bridge = &bridge;
        async move { all_pages(bridge, "Get-MsolUser", body).await.0 }
    };
    for user in count(json!({ "All": true, "EnabledFilter": "DisabledOnly" })).await {
        assert_eq!(user["BlockCredential"], true);
    }
    let unlicensed = count(json!({ "All": true, "UnlicensedUsersOnly": true })).await;
    assert!(!unlicensed.is_empty() && unlicensed.iter().all(|u| u["IsLicensed"] == false));
    let synced = count(json!({ "All": true, "Synchronized": true })).await;
    assert!(!synced.is_empty() && synced.iter().all(|u| u["LastDirSyncTime"].is_string()));
    let search = count(json!({ "SearchString": "adm." })).await;
    assert_eq!(search.len(), 4);
    let domain = count(json!({ "All": true, "DomainName": "contoso.onmicrosoft.com" })).await;
    assert!(domain.iter().all(|u| u["UserPrincipalName"]
        .as_str()
        .unwrap()
        .ends_with("contoso.onmicrosoft.com")));
    let city = count(json!({ "All": true, "City": "london", "UsageLocation": "GB" })).await;
    assert!(!city.is_empty() && city.iter().all(|u| u["City"] == "London"));
    let mixed = bridge
        .fault(
            "Get-MsolUser",
            json!({ "UserPrincipalName": "admin@contoso.onmicrosoft.com", "City": "London" }),
        )
        .await;
    assert_eq!(mixed["Field"], "City");
    let enum_value = bridge
        .fault("Get-MsolUser", json!({ "EnabledFilter": "Sometimes" }))
        .await;
    assert_eq!(
        enum_value["AllowedValues"],
        json!(["All", "EnabledOnly", "DisabledOnly"])
    );
}

#[tokio::test]
async fn company_domains_and_skus() {
    let bridge = demo(300).await;
    let company = bridge.ok("Get-MsolCompanyInformation", json!({})).await;
    assert_eq!(company["InitialDomain"], "contoso.onmicrosoft.com");
    let domains = bridge.ok("Get-MsolDomain", json!({})).await["Value"].clone();
    assert_eq!(domains.as_array().unwrap().len(), 2);
    let initial = bridge
        .ok(
            "Get-MsolDomain",
            json!({ "DomainName": "CONTOSO.onmicrosoft.com" }),
        )
        .await;
    assert_eq!(initial["Value"][0]["IsInitial"], true);
    let verified = bridge.ok("Get-MsolDomain", json!({ "Status": "Verified", "Authentication": "Managed", "Capability": "Sharepoint" })).await;
    assert_eq!(verified["Value"][0]["Name"], "contoso.com");
    assert_eq!(
        bridge
            .fault("Get-MsolDomain", json!({ "DomainName": "fabrikam.com" }))
            .await["Code"],
        "DomainNotFoundException"
    );
    let skus = bridge.ok("Get-MsolAccountSku", json!({})).await["Value"].clone();
    let e3 = skus
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["SkuPartNumber"] == "ENTERPRISEPACK")
        .unwrap()
        .clone();
    assert_eq!(e3["AccountSkuId"], "contoso:ENTERPRISEPACK");
    assert!(e3["ConsumedUnits"].as_i64().unwrap() > 100);
    let tenant = company["ObjectId"].clone();
    bridge
        .ok("Get-MsolAccountSku", json!({ "TenantId": tenant }))
        .await;
    let partner = bridge
        .fault(
            "Get-MsolAccountSku",
            json!({ "TenantId": uuid::Uuid::new_v4() }),
        )
        .await;
    assert_eq!(
        (partner["Code"].as_str(), partner["Status"].as_u64()),
        (Some("AccessDeniedException"), Some(403))
    );
}

/// A valid request for every operation, against the demo tenant; a new operation must be added here.
#[tokio::test]
async fn the_demo_tenant_answers_every_operation() {
    use msol_bridge::api::operations::Operation;
    let bridge = demo(300).await;
    let admins = "62e90394-69f5-4237-9190-012177145e10";
    let groups = bridge.ok("Get-MsolGroup", json!({})).await;
    let group = groups["Value"][0]["ObjectId"].clone();
    let grady = "grady.archie@contoso.com";
    let grady_id = bridge.user(grady).await["ObjectId"].clone();
    let spare = bridge
        .ok("New-MsolGroup", json!({ "DisplayName": "Spare" }))
        .await["ObjectId"]
        .clone();
    let unit = bridge
        .ok(
            "Get-MsolAdministrativeUnit",
            json!({ "SearchString": "East" }),
        )
        .await["Value"][0]["ObjectId"]
        .clone();
    let setting = bridge.ok("Get-MsolAllSettings", json!({})).await["Value"][0]["Id"].clone();
    let exchange = json!({ "AppPrincipalId": "00000002-0000-0ff1-ce00-000000000000" });
    bridge
        .ok("New-MsolServicePrincipalCredential", exchange.clone())
        .await;
    let spare_key = bridge
        .ok("Get-MsolServicePrincipalCredential", exchange)
        .await["Value"][0]["KeyId"]
        .clone();
    let kiosk = bridge
        .ok("Get-MsolDevice", json!({ "Name": "KIOSK-LOBBY" }))
        .await["Value"][0]["DeviceId"]
        .clone();
    let requests: Vec<(&str, Value)> = vec![
        ("Get-MsolUser", json!({ "SearchString": "grady" })),
        (
            "Get-MsolUserByStrongAuthentication",
            json!({ "Requirements": [{ "RelyingParty": "*", "State": "Enforced" }] }),
        ),
        (
            "New-MsolUser",
            json!({ "UserPrincipalName": "new.hire@contoso.com", "DisplayName": "New Hire", "UsageLocation": "US", "LicenseAssignment": ["contoso:ENTERPRISEPACK"] }),
        ),
        (
            "Set-MsolUser",
            json!({ "UserPrincipalName": "isaiah.langer@contoso.com", "MobilePhone": "+1 425 555 0177", "StrongAuthenticationMethods": [{ "MethodType": "OneWaySMS", "IsDefault": true }] }),
        ),
        (
            "Remove-MsolUser",
            json!({ "UserPrincipalName": "irvin.sayers@contoso.com" }),
        ),
        (
            "Restore-MsolUser",
            json!({ "UserPrincipalName": "debra.berger@contoso.com" }),
        ),
        (
            "Set-MsolUserPassword",
            json!({ "UserPrincipalName": grady }),
        ),
        (
            "Set-MsolUserPrincipalName",
            json!({ "UserPrincipalName": "new.hire@contoso.com", "NewUserPrincipalName": "new.hire@contoso.onmicrosoft.com" }),
        ),
        (
            "Set-MsolUserLicense",
            json!({ "UserPrincipalName": grady, "RemoveLicenses": ["contoso:EMS"] }),
        ),
        (
            "Reset-MsolStrongAuthenticationMethodByUpn",
            json!({ "UserPrincipalName": grady }),
        ),
        (
            "New-MsolLicenseOptions",
            json!({ "AccountSkuId": "contoso:ENTERPRISEPACK", "DisabledPlans": ["TEAMS1"] }),
        ),
        ("Get-MsolAccountSku", json!({})),
        ("Get-MsolCompanyInformation", json!({})),
        ("Get-MsolDomain", json!({})),
        (
            "Get-MsolRole",
            json!({ "RoleName": "Helpdesk Administrator" }),
        ),
        ("Get-MsolRoleMember", json!({ "RoleObjectId": admins })),
        (
            "Add-MsolRoleMember",
            json!({ "RoleName": "Company Administrator", "RoleMemberEmailAddress": grady }),
        ),
        (
            "Remove-MsolRoleMember",
            json!({ "RoleObjectId": admins, "RoleMemberEmailAddress": grady }),
        ),
        (
            "Get-MsolUserRole",
            json!({ "UserPrincipalName": "adm.alex.wilber@contoso.com" }),
        ),
        ("Get-MsolGroup", json!({ "GroupType": "Security" })),
        ("Get-MsolGroupMember", json!({ "GroupObjectId": group })),
        ("New-MsolGroup", json!({ "DisplayName": "Every operation" })),
        (
            "Set-MsolGroup",
            json!({ "ObjectId": spare, "Description": "changed" }),
        ),
        (
            "Add-MsolGroupMember",
            json!({ "GroupObjectId": spare, "GroupMemberObjectId": grady_id }),
        ),
        (
            "Remove-MsolGroupMember",
            json!({ "GroupObjectId": spare, "GroupMemberObjectId": grady_id }),
        ),
        ("Remove-MsolGroup", json!({ "ObjectId": spare })),
        ("Set-MsolDirSyncEnabled", json!({ "EnableDirSync": false })),
        (
            "Get-MsolPasswordPolicy",
            json!({ "DomainName": "contoso.onmicrosoft.com" }),
        ),
        ("Get-MsolSubscription", json!({})),
        ("Get-MsolContact", json!({ "SearchString": "Ana" })),
        (
            "Get-MsolDevice",
            json!({ "All": true, "ReturnRegisteredOwners": true }),
        ),
        ("Disable-MsolDevice", json!({ "DeviceId": kiosk })),
        ("Enable-MsolDevice", json!({ "DeviceId": kiosk })),
        ("Remove-MsolDevice", json!({ "DeviceId": kiosk })),
        (
            "Get-MsolDirSyncProvisioningError",
            json!({ "ErrorCategory": "PropertyConflict" }),
        ),
        ("Get-MsolHasObjectsWithDirSyncProvisioningErrors", json!({})),
        (
            "Get-MsolDirSyncFeatures",
            json!({ "Feature": "PasswordSync" }),
        ),
        (
            "Set-MsolDirSyncFeature",
            json!({ "Feature": "BlockSoftMatch", "Enable": true }),
        ),
        ("Get-MsolDirSyncConfiguration", json!({})),
        (
            "Set-MsolDirSyncConfiguration",
            json!({ "AccidentalDeletionThreshold": 250 }),
        ),
        (
            "Set-MsolCompanySettings",
            json!({ "SelfServePasswordResetEnabled": true, "DefaultUsageLocation": "GB" }),
        ),
        ("New-MsolDomain", json!({ "Name": "every-operation.com" })),
        (
            "Get-MsolDomainVerificationDns",
            json!({ "DomainName": "every-operation.com" }),
        ),
        ("Confirm-MsolDomain", json!({ "DomainName": "contoso.com" })),
        (
            "Set-MsolDomain",
            json!({ "Name": "contoso.com", "IsDefault": true }),
        ),
        (
            "Remove-MsolDomain",
            json!({ "DomainName": "every-operation.com" }),
        ),
        (
            "Get-MsolServicePrincipal",
            json!({ "SearchString": "Contoso" }),
        ),
        (
            "New-MsolServicePrincipalCredential",
            json!({ "AppPrincipalId": "00000002-0000-0ff1-ce00-000000000000" }),
        ),
        (
            "New-MsolServicePrincipal",
            json!({ "DisplayName": "Every Operation", "ServicePrincipalNames": ["EveryOperation"] }),
        ),
        (
            "Set-MsolServicePrincipal",
            json!({ "AppPrincipalId": "00000002-0000-0ff1-ce00-000000000000", "AccountEnabled": true }),
        ),
        (
            "Remove-MsolServicePrincipal",
            json!({ "ServicePrincipalName": "EveryOperation" }),
        ),
        (
            "Get-MsolServicePrincipalCredential",
            json!({ "AppPrincipalId": "00000002-0000-0ff1-ce00-000000000000" }),
        ),
        (
            "Remove-MsolServicePrincipalCredential",
            json!({ "AppPrincipalId": "00000002-0000-0ff1-ce00-000000000000", "KeyIds": [spare_key] }),
        ),
        (
            "Set-MsolCompanyContactInformation",
            json!({ "TechnicalNotificationEmails": ["tech@contoso.com"] }),
        ),
        (
            "Set-MsolCompanySecurityComplianceContactInformation",
            json!({ "SecurityComplianceNotificationPhones": ["+1 425 555 0100"] }),
        ),
        ("Get-MsolDeviceRegistrationServicePolicy", json!({})),
        (
            "Set-MsolDeviceRegistrationServicePolicy",
            json!({ "MaximumDevicesPerUser": 25 }),
        ),
        ("Get-MsolAdministrativeUnit", json!({ "All": true })),
        (
            "New-MsolAdministrativeUnit",
            json!({ "DisplayName": "Every Operation" }),
        ),
        (
            "Set-MsolAdministrativeUnit",
            json!({ "ObjectId": unit, "Description": "East" }),
        ),
        (
            "Get-MsolAdministrativeUnitMember",
            json!({ "AdministrativeUnitObjectId": unit }),
        ),
        (
            "Add-MsolAdministrativeUnitMember",
            json!({ "AdministrativeUnitObjectId": unit, "AdministrativeUnitMemberObjectId": grady_id }),
        ),
        (
            "Remove-MsolAdministrativeUnitMember",
            json!({ "AdministrativeUnitObjectId": unit, "AdministrativeUnitMemberObjectId": grady_id }),
        ),
        (
            "Add-MsolScopedRoleMember",
            json!({ "RoleObjectId": "729827e3-9c14-49f7-bb1b-9608f156bbb8", "AdministrativeUnitObjectId": unit, "RoleMemberUserPrincipalName": grady }),
        ),
        ("Get-MsolScopedRoleMember", json!({ "All": true })),
        (
            "Remove-MsolScopedRoleMember",
            json!({ "RoleObjectId": "729827e3-9c14-49f7-bb1b-9608f156bbb8", "AdministrativeUnitObjectId": unit, "RoleMemberObjectId": grady_id }),
        ),
        ("Remove-MsolAdministrativeUnit", json!({ "ObjectId": unit })),
        ("Get-MsolAllSettingTemplate", json!({})),
        (
            "Get-MsolSettingTemplate",
            json!({ "TemplateId": "62375ab9-6b52-47ed-826b-58e47e0e304b" }),
        ),
        ("Get-MsolAllSettings", json!({})),
        ("Get-MsolSettings", json!({ "SettingId": setting })),
        (
            "Set-MsolSettings",
            json!({ "SettingId": setting, "Values": { "AllowToAddGuests": "false" } }),
        ),
        (
            "New-MsolSettings",
            json!({ "TemplateId": "08d542b9-071f-4e16-94b0-74abb372e3d9", "TargetType": "Groups", "TargetObjectId": group }),
        ),
        ("Remove-MsolSettings", json!({ "SettingId": setting })),
        (
            "Set-MsolDomainAuthentication",
            json!({ "DomainName": "contoso.com", "Authentication": "Federated", "IssuerUri": "http://sts.contoso.com/adfs/services/trust", "PassiveLogOnUri": "https://sts.contoso.com/adfs/ls/", "SigningCertificate": "MIIBCgABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJic=" }),
        ),
        (
            "Get-MsolDomainFederationSettings",
            json!({ "DomainName": "contoso.com" }),
        ),
        (
            "Set-MsolDomainFederationSettings",
            json!({ "DomainName": "contoso.com", "SupportsMfa": true }),
        ),
        (
            "Set-MsolDomainAuthentication",
            json!({ "DomainName": "contoso.com", "Authentication": "Managed" }),
        ),
        (
            "Convert-MsolFederatedUser",
            json!({ "UserPrincipalName": grady, "NewPassword": "Correct-Horse-Battery-9" }),
        ),
        (
            "Set-MsolPasswordPolicy",
            json!({ "DomainName": "contoso.onmicrosoft.com", "ValidityPeriod": 90, "NotificationDays": 14 }),
        ),
    ];
    let covered: Vec<&str> = requests.iter().map(|(name, _)| *name).collect();
    for op in Operation::ALL {
        assert!(
            covered.contains(&op.name()),
            "{} has no request in this test",
            op.name()
        );
    }
    for (operation, body) in requests {
        bridge.ok(operation, body).await;
    }
    let isaiah = bridge.user("isaiah.langer@contoso.com").await;
    assert_eq!(
        isaiah["StrongAuthenticationUserDetails"]["PhoneNumber"],
        "+1 4255550177"
    );
    let johanna = bridge.fault("Set-MsolUser", json!({ "UserPrincipalName": "johanna.lorenz@contoso.com", "StrongAuthenticationMethods": [{ "MethodType": "OneWaySMS", "IsDefault": true }] })).await;
    assert!(
        johanna["Message"]
            .as_str()
            .unwrap()
            .contains("no country code"),
        "{johanna}"
    );
}

#[tokio::test]
async fn list_answers_carry_the_next_page_token_as_a_header_too() {
    let bridge = demo(120).await;
    let send = |body: Value| {
        bridge
            .client
            .post(format!("{}/v1/Get-MsolUser", bridge.url))
            .bearer_auth(crate::helpers::SECRET)
            .json(&body)
            .send()
    };
    let first = send(json!({"All": true, "PageSize": 50})).await.unwrap();
    let header = first
        .headers()
        .get("Next-Page-Token")
        .map(|v| v.to_str().unwrap().to_string());
    let page: Value = first.json().await.unwrap();
    assert_eq!(
        header.as_deref(),
        page["NextPageToken"].as_str(),
        "header and body agree"
    );
    assert!(header.is_some());

    let last = send(json!({"All": true, "PageSize": 500})).await.unwrap();
    assert!(last.headers().get("Next-Page-Token").is_none());
    let single = send(json!({"UserPrincipalName": "grady.archie@contoso.com"}))
        .await
        .unwrap();
    assert!(single.headers().get("Next-Page-Token").is_none());
}

/// Get-MsolSubscription: the commercial subscriptions behind the demo's licences (EMS is a trial
/// ending soon), one by ObjectId, and an unknown id refused.
#[tokio::test]
async fn subscriptions_list_and_one_by_id() {
    let bridge = demo(60).await;
    let all = bridge.ok("Get-MsolSubscription", json!({})).await["Value"].clone();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 4, "one per demo licence");
    let skus = bridge.ok("Get-MsolAccountSku", json!({})).await["Value"].clone();
    for subscription in all {
        let sku = skus
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["SkuId"] == subscription["SkuId"])
            .unwrap();
        assert_eq!(sku["SubscriptionIds"], json!([subscription["ObjectId"]]));
        assert_eq!(subscription["TotalLicenses"], sku["ActiveUnits"]);
        assert_eq!(subscription["Status"], "Enabled");
        assert!(subscription["DateCreated"].is_string(), "{subscription}");
    }
    let ems = all.iter().find(|s| s["SkuPartNumber"] == "EMS").unwrap();
    assert_eq!(ems["IsTrial"], true);
    assert!(ems["NextLifecycleDate"].as_str().unwrap() > ems["DateCreated"].as_str().unwrap());
    assert_eq!(
        ems["ServiceStatus"][0]["ServicePlan"]["ServiceName"],
        "AAD_PREMIUM"
    );

    let one = bridge
        .ok(
            "Get-MsolSubscription",
            json!({ "SubscriptionId": ems["ObjectId"] }),
        )
        .await;
    assert_eq!(one["Value"], json!([ems]));
    let missing = uuid::Uuid::new_v4();
    let refused = bridge
        .fault("Get-MsolSubscription", json!({ "SubscriptionId": missing }))
        .await;
    assert_eq!(
        refused["Code"], "SubscriptionNotFoundException",
        "{refused}"
    );
    assert_eq!(refused["Status"], 404);
    assert!(refused.to_string().contains(&missing.to_string()));
    let (status, answer) = bridge
        .call(
            "Get-MsolSubscription",
            json!({ "SubscriptionId": "not-a-guid" }),
        )
        .await;
    assert_eq!(status, 400, "{answer}");
    assert!(answer.to_string().contains("SubscriptionId"), "{answer}");
}

/// A tenant file from before subscriptions were recorded gets one per licence, holding all its
/// units, whose id stays the same from then on; inconsistent ones are refused.
#[tokio::test]
async fn licences_recorded_without_subscriptions_get_one_each() {
    use msol_bridge::directory::local::store::Store;
    let mut snapshot = crate::helpers::fresh_tenant();
    let sku = &mut snapshot.subscriptions[0];
    sku.terms.clear();
    sku.subscription_ids.clear();
    let bridge = spawn_bridge_with(snapshot.clone()).await;
    let listed = bridge.ok("Get-MsolSubscription", json!({})).await["Value"].clone();
    assert_eq!(listed[0]["TotalLicenses"], 25);
    assert!(
        listed[0]["DateCreated"].is_null(),
        "the file does not say when"
    );
    assert_eq!(
        bridge.ok("Get-MsolSubscription", json!({})).await["Value"],
        listed,
        "the same id on every read"
    );

    // A file whose stored rows lack them (written by an older bridge) is completed at open.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("old.db");
    let store = Store::open(&path).unwrap();
    store.replace_all(&snapshot).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE subscriptions SET data = json_remove(json_remove(data, '$.Terms'), '$.SubscriptionIds')",
        [],
    )
    .unwrap();
    drop(conn);
    let first = Store::open(&path).unwrap().company_subscriptions().unwrap();
    let again = Store::open(&path).unwrap().company_subscriptions().unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first, again);

    let mut wrong = crate::helpers::fresh_tenant();
    wrong.subscriptions[0].terms[0].total_licenses = 30;
    let refused = wrong.check().unwrap_err().to_string();
    assert!(
        refused.contains("ENTERPRISEPACK") && refused.contains("ActiveUnits"),
        "{refused}"
    );
}
