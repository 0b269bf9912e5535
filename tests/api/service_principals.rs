//! Service principals on both backends: Get-MsolServicePrincipal's parameter sets, and
//! certificates, symmetric keys and passwords through New- and Get-MsolServicePrincipalCredential.

use msol_bridge::directory::conformance::CERTIFICATE;
use msol_bridge::directory::ServicePrincipalDirectory;
use msol_bridge::domain::service_principals::{new_credential, CredentialRequest};
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use serde_json::json;
use uuid::Uuid;

use crate::graph::{
    add_admin, assert_denied_naming, directory_as, spawn_unthrottled, USER_ADMINISTRATOR,
};
use crate::helpers::{fresh_tenant, spawn_bridge_with};

const EXCHANGE: &str = "00000002-0000-0ff1-ce00-000000000000";
const CLOUD_APPLICATION_ADMINISTRATOR: &str = "158c047a-c907-4556-b7ef-446551a6b5f7";
const PASSWORD: &str = "Service-Secret-4711";

#[tokio::test]
async fn service_principals_are_listed_and_found_each_way() {
    let bridge = spawn_bridge_with(demo_tenant(20, Timestamp::now())).await;
    let all = bridge.ok("Get-MsolServicePrincipal", json!({})).await["Value"].clone();
    let names: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["DisplayName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Contoso Provisioning",
            "Office 365 Exchange Online",
            "Office 365 SharePoint Online",
            "Skype for Business Online"
        ]
    );
    let by_app = bridge
        .ok(
            "Get-MsolServicePrincipal",
            json!({ "AppPrincipalId": EXCHANGE }),
        )
        .await["Value"]
        .clone();
    assert_eq!(by_app[0]["DisplayName"], "Office 365 Exchange Online");
    assert_eq!(by_app[0]["AccountEnabled"], true);
    let by_name = bridge
        .ok(
            "Get-MsolServicePrincipal",
            json!({ "ServicePrincipalName": EXCHANGE.to_uppercase() }),
        )
        .await["Value"]
        .clone();
    assert_eq!(by_name, by_app);
    let by_url = bridge
        .ok(
            "Get-MsolServicePrincipal",
            json!({ "ServicePrincipalName": "https://outlook.office365.com/" }),
        )
        .await["Value"]
        .clone();
    assert_eq!(by_url, by_app);
    let id = by_app[0]["ObjectId"].clone();
    let by_id = bridge
        .ok("Get-MsolServicePrincipal", json!({ "ObjectId": id }))
        .await;
    assert_eq!(by_id["Value"], by_app);
    let office = bridge
        .ok(
            "Get-MsolServicePrincipal",
            json!({ "SearchString": "office 365" }),
        )
        .await["Value"]
        .clone();
    assert_eq!(office.as_array().unwrap().len(), 2);
    let capped = bridge
        .ok("Get-MsolServicePrincipal", json!({ "MaxResults": 1 }))
        .await;
    assert_eq!(capped["Value"].as_array().unwrap().len(), 1);
    assert_eq!(capped["MoreResultsAvailable"], true);

    for body in [
        json!({ "AppPrincipalId": Uuid::new_v4() }),
        json!({ "ObjectId": Uuid::new_v4() }),
        json!({ "ServicePrincipalName": "NoSuchApp" }),
    ] {
        let refused = bridge.fault("Get-MsolServicePrincipal", body.clone()).await;
        assert_eq!(
            refused["Code"], "ServicePrincipalNotFoundException",
            "{body}: {refused}"
        );
        assert_eq!(refused["Status"], 404);
    }
}

#[tokio::test]
async fn credentials_are_checked_kept_without_secrets_and_read_back() {
    let folder = tempfile::tempdir().unwrap();
    let bridge = spawn_bridge_with(fresh_tenant()).await;
    let certificate = CERTIFICATE.trim();
    let added = bridge
        .ok(
            "New-MsolServicePrincipalCredential",
            json!({ "AppPrincipalId": EXCHANGE, "Type": "Asymmetric", "Usage": "Verify", "Value": certificate }),
        )
        .await;
    assert_eq!(added["Changed"], json!(["Credentials"]));
    bridge
        .ok(
            "New-MsolServicePrincipalCredential",
            json!({ "ServicePrincipalName": EXCHANGE, "Type": "Password", "Value": PASSWORD }),
        )
        .await;
    bridge
        .ok(
            "New-MsolServicePrincipalCredential",
            json!({ "ObjectId": added["ObjectId"] }),
        )
        .await;

    let listed = bridge
        .ok(
            "Get-MsolServicePrincipalCredential",
            json!({ "AppPrincipalId": EXCHANGE }),
        )
        .await["Value"]
        .clone();
    let types: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["Type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["Asymmetric", "Password", "Symmetric"]);
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c.get("Value").is_none()));
    let with_values = bridge
        .ok(
            "Get-MsolServicePrincipalCredential",
            json!({ "AppPrincipalId": EXCHANGE, "ReturnKeyValues": true }),
        )
        .await["Value"]
        .clone();
    assert_eq!(with_values[0]["Value"], certificate);
    assert!(
        with_values[1].get("Value").is_none(),
        "a password is never kept"
    );

    let refusals = [
        (
            json!({ "AppPrincipalId": EXCHANGE, "Type": "Asymmetric", "Value": "bm90IGEgY2VydA==" }),
            "PropertyValidationException",
            "Value",
        ),
        (
            json!({ "AppPrincipalId": EXCHANGE, "Type": "Asymmetric", "Value": certificate, "EndDate": "2125-06-01T00:00:00Z" }),
            "PropertyValidationException",
            "EndDate",
        ),
        (
            json!({ "AppPrincipalId": EXCHANGE, "Type": "Asymmetric", "Usage": "Sign", "Value": certificate }),
            "PropertyValidationException",
            "Usage",
        ),
        (
            json!({ "AppPrincipalId": EXCHANGE, "Type": "Password" }),
            "RequiredPropertyNotSetException",
            "Value",
        ),
        (
            json!({ "AppPrincipalId": Uuid::new_v4(), "Value": PASSWORD, "Type": "Password" }),
            "ServicePrincipalNotFoundException",
            "Service principal",
        ),
        (
            json!({ "Type": "Symmetric" }),
            "RequiredPropertyNotSetException",
            "ObjectId",
        ),
    ];
    for (body, code, named) in refusals {
        let refused = bridge
            .fault("New-MsolServicePrincipalCredential", body.clone())
            .await;
        assert_eq!(refused["Code"], code, "{body}: {refused}");
        assert!(refused.to_string().contains(named), "{body}: {refused}");
        assert!(
            !refused.to_string().contains(PASSWORD),
            "no secret in an error"
        );
    }
    let (status, answer) = bridge
        .call(
            "New-MsolServicePrincipalCredential",
            json!({ "AppPrincipalId": EXCHANGE, "Type": "Certificate" }),
        )
        .await;
    assert_eq!(status, 400);
    assert!(answer.to_string().contains("Asymmetric"), "{answer}");
    let (status, answer) = bridge
        .call(
            "New-MsolServicePrincipalCredential",
            json!({ "AppPrincipalId": EXCHANGE, "KeyValue": "x" }),
        )
        .await;
    assert_eq!(status, 400, "an unknown member is refused: {answer}");
    assert!(answer.to_string().contains("KeyValue"), "{answer}");
    let after = bridge
        .ok(
            "Get-MsolServicePrincipalCredential",
            json!({ "AppPrincipalId": EXCHANGE }),
        )
        .await["Value"]
        .clone();
    assert_eq!(
        after.as_array().unwrap().len(),
        3,
        "refusals changed nothing"
    );

    // The tenant file holds the certificate and no secret; export and import keep the keys.
    let exported = bridge.directory().store().export().unwrap();
    assert_eq!(exported.service_principal_credentials.len(), 3);
    let file = std::fs::read(bridge.directory().store().path()).unwrap();
    assert!(!file
        .windows(PASSWORD.len())
        .any(|w| w == PASSWORD.as_bytes()));
    let text = serde_json::to_string(&exported).unwrap();
    assert!(!text.contains(PASSWORD));
    let later = spawn_bridge_with(exported.clone()).await;
    assert_eq!(later.directory().store().export().unwrap(), exported);
    drop(folder);
}

#[tokio::test]
async fn graph_takes_certificates_from_a_cloud_application_administrator() {
    let mut snapshot = fresh_tenant();
    add_admin(&mut snapshot, "appadmin", CLOUD_APPLICATION_ADMINISTRATOR);
    add_admin(&mut snapshot, "useradmin", USER_ADMINISTRATOR);
    let graph = spawn_unthrottled(&snapshot).await;
    let exchange = snapshot
        .service_principals
        .iter()
        .find(|s| s.app_principal_id.to_string() == EXCHANGE)
        .unwrap()
        .object_id;
    let certificate = |principal| {
        new_credential(
            principal,
            &CredentialRequest {
                credential_type: Some(msol_bridge::domain::model::CredentialType::Asymmetric),
                value: Some(CERTIFICATE.trim().to_string()),
                ..Default::default()
            },
            Timestamp::now(),
        )
        .unwrap()
    };

    let refused = directory_as(&graph, "useradmin@contoso.onmicrosoft.com")
        .await
        .unwrap()
        .add_service_principal_credential(certificate(exchange))
        .await
        .unwrap_err();
    assert_denied_naming(&refused, "Cloud Application Administrator");

    let directory = directory_as(&graph, "appadmin@contoso.onmicrosoft.com")
        .await
        .unwrap();
    let password = new_credential(
        exchange,
        &CredentialRequest {
            credential_type: Some(msol_bridge::domain::model::CredentialType::Password),
            value: Some(PASSWORD.into()),
            ..Default::default()
        },
        Timestamp::now(),
    )
    .unwrap();
    let writes_before = graph.sim.counters().writes.len();
    let refused = directory
        .add_service_principal_credential(password)
        .await
        .unwrap_err();
    assert_eq!(refused.field(), Some("Type"));
    assert_eq!(refused.allowed(), ["Asymmetric"]);
    assert!(!refused.to_string().contains(PASSWORD));
    assert_eq!(
        graph.sim.counters().writes.len(),
        writes_before,
        "nothing was sent"
    );

    let first = certificate(exchange);
    let second = certificate(exchange);
    let ids = [first.key_id, second.key_id];
    directory
        .add_service_principal_credential(first)
        .await
        .unwrap();
    directory
        .add_service_principal_credential(second)
        .await
        .unwrap();
    let stored = graph.sim.with_tenant(|t| {
        t.service_principals
            .iter()
            .find(|s| s.id == exchange)
            .unwrap()
            .key_credentials
            .clone()
    });
    assert_eq!(stored.len(), 2, "the second certificate kept the first");
    assert!(stored
        .iter()
        .all(|k| k["key"] == CERTIFICATE.trim() && k["type"] == "AsymmetricX509Cert"));
    let read = directory
        .service_principal_credentials(exchange)
        .await
        .unwrap();
    assert_eq!(read.iter().map(|c| c.key_id).collect::<Vec<_>>(), ids);
    assert_eq!(read[0].value.as_deref(), Some(CERTIFICATE.trim()));
}

/// Remove-MsolServicePrincipalCredential on both backends: a certificate and a password leave by
/// KeyId; a KeyId the principal does not hold removes nothing and names those it holds.
#[tokio::test]
async fn credentials_are_removed_by_key_id_on_both_backends() {
    let mut snapshot = fresh_tenant();
    let exchange = snapshot
        .service_principals
        .iter()
        .find(|s| s.app_principal_id.to_string() == EXCHANGE)
        .unwrap()
        .object_id;
    let credential = |credential_type, value: &str| {
        let mut credential = new_credential(
            exchange,
            &CredentialRequest {
                credential_type: Some(credential_type),
                value: Some(value.to_string()),
                ..Default::default()
            },
            Timestamp::now(),
        )
        .unwrap();
        // A password's secret is never kept.
        if credential_type == msol_bridge::domain::model::CredentialType::Password {
            credential.value = None;
        }
        credential
    };
    let certificate = credential(
        msol_bridge::domain::model::CredentialType::Asymmetric,
        CERTIFICATE.trim(),
    );
    let password = credential(
        msol_bridge::domain::model::CredentialType::Password,
        PASSWORD,
    );
    snapshot.service_principal_credentials = vec![certificate.clone(), password.clone()];
    let local = spawn_bridge_with(snapshot.clone()).await;
    let graph = spawn_unthrottled(&snapshot).await;
    let over_graph =
        crate::helpers::spawn_bridge_over(std::sync::Arc::new(graph.app_directory().await)).await;
    for bridge in [&local, &over_graph] {
        let keys = |answer: serde_json::Value| -> Vec<String> {
            answer["Value"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["KeyId"].as_str().unwrap().to_string())
                .collect()
        };
        let list = json!({ "AppPrincipalId": EXCHANGE });
        let unknown = Uuid::new_v4();
        let refused = bridge
            .fault(
                "Remove-MsolServicePrincipalCredential",
                json!({ "AppPrincipalId": EXCHANGE, "KeyIds": [certificate.key_id, unknown] }),
            )
            .await;
        assert_eq!(refused["Field"], "KeyIds", "{refused}");
        assert!(refused["Message"]
            .as_str()
            .unwrap()
            .contains(&unknown.to_string()));
        assert_eq!(
            keys(
                bridge
                    .ok("Get-MsolServicePrincipalCredential", list.clone())
                    .await
            )
            .len(),
            2,
            "a refused request removes nothing"
        );
        bridge
            .ok(
                "Remove-MsolServicePrincipalCredential",
                json!({ "ObjectId": exchange, "KeyIds": [certificate.key_id] }),
            )
            .await;
        assert_eq!(
            keys(
                bridge
                    .ok("Get-MsolServicePrincipalCredential", list.clone())
                    .await
            ),
            [password.key_id.to_string()]
        );
        bridge
            .ok(
                "Remove-MsolServicePrincipalCredential",
                json!({ "ServicePrincipalName": EXCHANGE, "KeyIds": [password.key_id] }),
            )
            .await;
        assert!(keys(bridge.ok("Get-MsolServicePrincipalCredential", list).await).is_empty());
    }
}

/// New-, Set- and Remove-MsolServicePrincipal against one bridge; answers without ids or dates.
async fn principals_are_created_changed_and_removed(
    bridge: &crate::helpers::TestBridge,
) -> Vec<serde_json::Value> {
    let before = bridge
        .ok("Get-MsolServicePrincipal", json!({ "All": true }))
        .await["Value"]
        .as_array()
        .unwrap()
        .len();
    let created = bridge
        .ok(
            "New-MsolServicePrincipal",
            json!({
                "DisplayName": "My Application",
                "ServicePrincipalNames": ["MyApp/myapp.contoso.com"],
                "Addresses": [{ "Address": "https://myapp.contoso.com/signin", "AddressType": "Reply" }],
                "Type": "Asymmetric",
                "Value": CERTIFICATE.trim(),
            }),
        )
        .await;
    let app = created["AppPrincipalId"].as_str().unwrap().to_string();
    assert_eq!(created["DisplayName"], "My Application");
    assert_eq!(
        created["ServicePrincipalNames"],
        json!(["MyApp/myapp.contoso.com", app])
    );
    assert_eq!(
        created["Addresses"],
        json!(["https://myapp.contoso.com/signin"])
    );
    assert_eq!(created["AccountEnabled"], true);
    assert_eq!(created["Credentials"][0]["Type"], "Asymmetric");
    assert!(created.get("Warnings").is_none(), "{created}");
    let found = bridge
        .ok(
            "Get-MsolServicePrincipal",
            json!({ "ServicePrincipalName": "myapp" }),
        )
        .await;
    assert_eq!(found["Value"][0]["ObjectId"], created["ObjectId"]);

    let taken = bridge
        .fault(
            "New-MsolServicePrincipal",
            json!({ "DisplayName": "Copy", "ServicePrincipalNames": ["MYAPP/myapp.contoso.com"] }),
        )
        .await;
    assert_eq!(taken["Code"], "UniquenessValidationException");
    let realm = bridge
        .fault(
            "New-MsolServicePrincipal",
            json!({ "DisplayName": "Realm", "Addresses": [{ "Address": "urn:realm", "AddressType": "Realm" }] }),
        )
        .await;
    assert_eq!(realm["Code"], "PropertyValidationException");
    assert!(
        realm["Message"].as_str().unwrap().contains("Reply"),
        "{realm}"
    );
    let bad_name = bridge
        .fault(
            "New-MsolServicePrincipal",
            json!({ "DisplayName": "Bad", "ServicePrincipalNames": ["My App"] }),
        )
        .await;
    assert!(
        bad_name["Message"]
            .as_str()
            .unwrap()
            .contains("appName/hostname"),
        "{bad_name}"
    );
    let unnamed = bridge
        .fault("New-MsolServicePrincipal", json!({ "DisplayName": " " }))
        .await;
    let typo = bridge
        .fault(
            "New-MsolServicePrincipal",
            json!({ "DisplayName": "Typo", "Valeu": "x" }),
        )
        .await;
    assert!(
        typo["Message"].as_str().unwrap().contains("Valeu"),
        "{typo}"
    );
    assert_eq!(unnamed["Code"], "RequiredPropertyNotSetException");
    assert_eq!(
        bridge
            .ok("Get-MsolServicePrincipal", json!({ "All": true }))
            .await["Value"]
            .as_array()
            .unwrap()
            .len(),
        before + 1,
        "refusals create nothing"
    );

    let id = created["ObjectId"].clone();
    let changed = bridge
        .ok(
            "Set-MsolServicePrincipal",
            json!({ "ObjectId": id, "DisplayName": "My Super Application", "ServicePrincipalNames": [] }),
        )
        .await;
    assert_eq!(
        changed["Changed"],
        json!(["DisplayName", "ServicePrincipalNames"])
    );
    let again = bridge
        .ok(
            "Set-MsolServicePrincipal",
            json!({ "AppPrincipalId": app, "DisplayName": "My Super Application", "Addresses": [{ "Address": "https://myapp.contoso.com/signin" }] }),
        )
        .await;
    assert_eq!(again["Changed"], json!([]));
    let read = bridge
        .ok("Get-MsolServicePrincipal", json!({ "ObjectId": id }))
        .await["Value"][0]
        .clone();
    assert_eq!(read["ServicePrincipalNames"], json!([app]));
    assert_eq!(read["DisplayName"], "My Super Application");

    let removed = bridge
        .ok(
            "Remove-MsolServicePrincipal",
            json!({ "AppPrincipalId": app }),
        )
        .await;
    assert_eq!(removed["ObjectId"], id);
    let gone = bridge
        .fault("Get-MsolServicePrincipal", json!({ "ObjectId": id }))
        .await;
    assert_eq!(gone["Code"], "ServicePrincipalNotFoundException");
    let shape = |mut v: serde_json::Value| {
        for key in [
            "ObjectId",
            "AppPrincipalId",
            "ServicePrincipalNames",
            "Credentials",
        ] {
            v.as_object_mut().unwrap().remove(key);
        }
        v
    };
    vec![shape(created), shape(read)]
}

#[tokio::test]
async fn service_principals_are_created_changed_and_removed_alike_on_both_backends() {
    let snapshot = fresh_tenant();
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = principals_are_created_changed_and_removed(&local).await;
    let (_graph, over_graph) = crate::graph::spawn_bridge_over_graph(&snapshot).await;
    assert_eq!(
        principals_are_created_changed_and_removed(&over_graph).await,
        local_answers
    );

    // MSOnline's default credential, a generated symmetric key: kept without its value locally;
    // Graph has no symmetric keys, so the principal comes without one and the answer says so.
    let local_default = local
        .ok(
            "New-MsolServicePrincipal",
            json!({ "DisplayName": "Default Key" }),
        )
        .await;
    assert_eq!(local_default["Credentials"][0]["Type"], "Symmetric");
    assert!(local_default["Credentials"][0].get("Value").is_none());
    let graph_default = over_graph
        .ok(
            "New-MsolServicePrincipal",
            json!({ "DisplayName": "Default Key" }),
        )
        .await;
    assert_eq!(graph_default["Credentials"], json!([]));
    assert!(
        graph_default["Warnings"][0]
            .as_str()
            .unwrap()
            .contains("symmetric"),
        "{graph_default}"
    );
    let asked = over_graph
        .fault(
            "New-MsolServicePrincipal",
            json!({ "DisplayName": "Secret", "Type": "Password", "Value": PASSWORD }),
        )
        .await;
    assert!(
        asked["Message"].as_str().unwrap().contains("Asymmetric"),
        "{asked}"
    );
    let unknown_app = over_graph
        .fault(
            "New-MsolServicePrincipal",
            json!({ "DisplayName": "Foreign", "AppPrincipalId": Uuid::new_v4() }),
        )
        .await;
    assert!(
        unknown_app["Message"]
            .as_str()
            .unwrap()
            .contains("does not reference a valid application"),
        "{unknown_app}"
    );
}
