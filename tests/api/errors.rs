use serde_json::json;

use crate::helpers::{spawn_bridge, SECRET};

#[tokio::test]
async fn malformed_requests_answer_in_the_error_shape_and_change_nothing() {
    let bridge = spawn_bridge().await;
    let post = |path: &str, body: &'static str| {
        bridge
            .client
            .post(format!("{}{path}", bridge.url))
            .bearer_auth(SECRET)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let not_json = post("/v1/Set-MsolUser", "{nope").await.unwrap();
    assert_eq!(not_json.status().as_u16(), 400);
    assert_eq!(
        not_json.json::<serde_json::Value>().await.unwrap()["Error"]["Code"],
        "InvalidRequestException"
    );
    // An absent body means no parameters; whitespace alone is malformed JSON.
    let blank = post("/v1/Get-MsolRole", " ").await.unwrap();
    assert_eq!(blank.status().as_u16(), 400);
    let absent = post("/v1/Get-MsolRole", "").await.unwrap();
    assert_eq!(absent.status().as_u16(), 200);

    let unknown = bridge
        .fault(
            "Set-MsolUser",
            json!({ "UserPrincipalName": "x@contoso.onmicrosoft.com", "Citty": "Oslo" }),
        )
        .await;
    assert_eq!(unknown["Field"], "Citty");
    assert!(unknown["AllowedValues"]
        .as_array()
        .unwrap()
        .contains(&json!("City")));
    let nested = bridge.fault("Set-MsolUser", json!({ "UserPrincipalName": "x@contoso.onmicrosoft.com", "StrongAuthenticationMethods": [{ "MethodType": "OneWaySMS", "Default": true }] })).await;
    assert_eq!(nested["Field"], "StrongAuthenticationMethods[0].Default");
    assert_eq!(nested["AllowedValues"], json!(["IsDefault", "MethodType"]));
    let wrong_type = bridge
        .fault(
            "Set-MsolUser",
            json!({ "UserPrincipalName": "x@contoso.onmicrosoft.com", "BlockCredential": "yes" }),
        )
        .await;
    assert_eq!(
        (wrong_type["Code"].as_str(), wrong_type["Field"].as_str()),
        (Some("PropertyValidationException"), Some("BlockCredential"))
    );
    let guid = bridge
        .fault("Get-MsolUser", json!({ "ObjectId": "not-a-guid" }))
        .await;
    assert_eq!(guid["Field"], "ObjectId");
    let date = bridge.fault("Set-MsolUser", json!({ "UserPrincipalName": "x@contoso.onmicrosoft.com", "StsRefreshTokensValidFrom": "yesterday" })).await;
    assert_eq!(date["Field"], "StsRefreshTokensValidFrom");
    let array = bridge.fault("Get-MsolUser", json!([1, 2])).await;
    assert_eq!(array["Code"], "PropertyValidationException");

    let big = format!("{{\"UserPrincipalName\":\"{}\"}}", "a".repeat(300 * 1024));
    let too_large = bridge
        .client
        .post(format!("{}/v1/Get-MsolUser", bridge.url))
        .bearer_auth(SECRET)
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(too_large.status().as_u16(), 413);
    assert_eq!(
        too_large.json::<serde_json::Value>().await.unwrap()["Error"]["Code"],
        "RequestTooLargeException"
    );

    let unknown_op = bridge
        .client
        .post(format!("{}/v1/Get-MsolUserz", bridge.url))
        .bearer_auth(SECRET)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown_op.status().as_u16(), 404);
    let body: serde_json::Value = unknown_op.json().await.unwrap();
    assert!(body["Error"]["AllowedValues"]
        .as_array()
        .unwrap()
        .contains(&json!("Get-MsolUser")));
    let no_route = bridge
        .client
        .get(format!("{}/nothing/here", bridge.url))
        .bearer_auth(SECRET)
        .send()
        .await
        .unwrap();
    assert_eq!(no_route.status().as_u16(), 404);
    let wrong_method = bridge
        .client
        .get(format!("{}/v1/Get-MsolUser", bridge.url))
        .bearer_auth(SECRET)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_method.status().as_u16(), 405);
    assert_eq!(
        wrong_method.json::<serde_json::Value>().await.unwrap()["Error"]["Code"],
        "MethodNotAllowedException"
    );
}

#[tokio::test]
async fn schemas_and_openapi_are_served() {
    let bridge = spawn_bridge().await;
    let get = |path: &str| {
        bridge
            .client
            .get(format!("{}{path}", bridge.url))
            .bearer_auth(SECRET)
            .send()
    };
    let openapi: serde_json::Value = get("/openapi.json").await.unwrap().json().await.unwrap();
    for op in msol_bridge::api::operations::Operation::ALL {
        assert!(
            openapi["paths"][format!("/v1/{}", op.name())]["post"].is_object(),
            "{} is documented",
            op.name()
        );
        assert_eq!(
            openapi["paths"][format!("/v1/{}/batch", op.name())]["post"].is_object(),
            op.is_write(),
            "{} is documented as batchable exactly when it writes",
            op.name()
        );
    }
    assert!(openapi["paths"]["/v1/batches/{BatchId}/stop"]["post"].is_object());
    // What the fuzzer found missing: path parameters, errors on every route, a closed batch
    // envelope, a body required only where a parameter is, Warnings optional in answers.
    let stop = &openapi["paths"]["/v1/batches/{BatchId}/stop"]["post"];
    assert_eq!(stop["parameters"][0]["name"], "BatchId");
    for path in ["/health", "/schemas/{name}.json", "/openapi.json", "/proof"] {
        assert!(
            openapi["paths"][path]["get"]["responses"]["default"].is_object(),
            "{path}"
        );
    }
    let batch = &openapi["paths"]["/v1/Set-MsolUser/batch"]["post"]["requestBody"];
    assert_eq!(
        batch["content"]["application/json"]["schema"]["additionalProperties"],
        false
    );
    assert_eq!(
        openapi["paths"]["/v1/Get-MsolUser"]["post"]["requestBody"]["required"],
        false
    );
    assert_eq!(
        openapi["paths"]["/v1/New-MsolUser"]["post"]["requestBody"]["required"],
        true
    );
    let outcome = &openapi["paths"]["/v1/Reset-MsolStrongAuthenticationMethodByUpn"]["post"]
        ["responses"]["200"]["content"]["application/json"]["schema"];
    assert!(
        !outcome["required"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("Warnings")),
        "{outcome}"
    );
    let set_user: serde_json::Value = get("/schemas/Set-MsolUser.json")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(set_user["additionalProperties"], false);
    assert!(set_user["properties"]["StrongAuthenticationMethods"].is_object());
    let tenant: serde_json::Value = get("/schemas/tenant.json")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(tenant["properties"]["Users"].is_object());
    let health: serde_json::Value = get("/health").await.unwrap().json().await.unwrap();
    assert_eq!(health["Backend"], "local");
    assert_eq!(
        get("/schemas/nothing.json")
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );
}

/// Every string parameter has its documented length limit and refuses control characters, named
/// by field, with nothing written; the published schemas say so.
#[tokio::test]
async fn overlong_strings_and_control_characters_are_refused_naming_the_field() {
    let bridge = spawn_bridge().await;
    let alias = "text.rules";
    bridge.new_user(alias, json!({})).await;
    let upn = crate::helpers::upn(alias);

    let long = bridge
        .fault(
            "Set-MsolUser",
            json!({ "UserPrincipalName": upn, "DisplayName": "x".repeat(257) }),
        )
        .await;
    assert_eq!(long["Code"], "PropertyValidationException");
    assert_eq!(long["Field"], "DisplayName");
    assert!(
        long["Message"].as_str().unwrap().contains("at most 256"),
        "{long}"
    );
    assert!(
        !long["Message"].as_str().unwrap().contains(&"x".repeat(100)),
        "the value is not echoed"
    );
    bridge
        .ok(
            "Set-MsolUser",
            json!({ "UserPrincipalName": upn, "DisplayName": "x".repeat(256) }),
        )
        .await;

    for (field, value) in [
        ("City", "Oslo\u{1b}[31m"),
        ("Title", "Boss\r\nInjected: header"),
        ("Department", "nul\u{0}byte"),
    ] {
        let refused = bridge
            .fault(
                "Set-MsolUser",
                json!({ "UserPrincipalName": upn, field: value }),
            )
            .await;
        assert_eq!(refused["Code"], "PropertyValidationException", "{refused}");
        assert_eq!(refused["Field"], field);
        assert!(
            refused["Message"]
                .as_str()
                .unwrap()
                .contains("control character U+00"),
            "{refused}"
        );
        assert!(
            bridge.user(&upn).await[field].is_null(),
            "{field} was not written"
        );
    }
    let list = bridge
        .fault("Set-MsolUser", json!({ "UserPrincipalName": upn, "AlternateEmailAddresses": ["ok@contoso.com", "bad\u{7}@contoso.com"] }))
        .await;
    assert_eq!(list["Field"], "AlternateEmailAddresses[1]");
    // A street address may span lines.
    bridge
        .ok(
            "Set-MsolUser",
            json!({ "UserPrincipalName": upn, "StreetAddress": "1 Main St\r\nSuite 5\tBack" }),
        )
        .await;
    assert_eq!(
        bridge.user(&upn).await["StreetAddress"],
        "1 Main St\r\nSuite 5\tBack"
    );
    let upn_too_long = bridge
        .fault("New-MsolUser", json!({ "UserPrincipalName": format!("{}@contoso.onmicrosoft.com", "a".repeat(100)), "DisplayName": "Long" }))
        .await;
    assert_eq!(upn_too_long["Field"], "UserPrincipalName");

    let schema: serde_json::Value = bridge
        .client
        .get(format!("{}/schemas/Set-MsolUser.json", bridge.url))
        .bearer_auth(SECRET)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let properties = &schema["properties"];
    assert_eq!(properties["DisplayName"]["maxLength"], 256);
    assert_eq!(properties["PostalCode"]["maxLength"], 40);
    assert_eq!(
        properties["AlternateEmailAddresses"]["items"]["maxLength"],
        256
    );
    assert!(properties["City"]["pattern"].is_string());
}
