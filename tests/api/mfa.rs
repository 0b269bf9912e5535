use serde_json::json;

use crate::helpers::{spawn_bridge, upn};

fn enabled() -> serde_json::Value {
    json!([{ "RelyingParty": "*", "State": "Enabled" }])
}

#[tokio::test]
async fn enabling_mfa_and_pre_populating_sms() {
    let bridge = spawn_bridge().await;
    bridge
        .new_user("fay", json!({ "MobilePhone": "+1 (425) 555-0123" }))
        .await;
    let answer = bridge.ok("Set-MsolUser", json!({ "UserPrincipalName": upn("fay"), "StrongAuthenticationRequirements": enabled() })).await;
    assert_eq!(
        answer["Changed"],
        json!(["StrongAuthenticationRequirements"])
    );
    let user = bridge.user(&upn("fay")).await;
    assert_eq!(
        user["StrongAuthenticationRequirements"][0]["State"],
        "Enabled"
    );
    assert!(
        user["StrongAuthenticationRequirements"][0]["RememberDevicesNotIssuedBefore"].is_string()
    );
    bridge.ok("Set-MsolUser", json!({ "UserPrincipalName": upn("fay"), "StrongAuthenticationMethods": [
        { "MethodType": "OneWaySMS", "IsDefault": true }, { "MethodType": "TwoWayVoiceMobile", "IsDefault": false }] })).await;
    let user = bridge.user(&upn("fay")).await;
    assert_eq!(
        user["StrongAuthenticationRequirements"][0]["State"],
        "Enforced"
    );
    assert_eq!(
        user["StrongAuthenticationUserDetails"]["PhoneNumber"],
        "+1 4255550123"
    );
    assert_eq!(
        user["StrongAuthenticationMethods"][1]["MethodType"],
        "TwoWayVoiceMobile"
    );
}

#[tokio::test]
async fn invalid_requirements_are_refused_with_the_allowed_values() {
    let bridge = spawn_bridge().await;
    bridge.new_user("gil", json!({})).await;
    let disabled = bridge.fault("Set-MsolUser", json!({ "UserPrincipalName": upn("gil"), "StrongAuthenticationRequirements": [{ "RelyingParty": "*", "State": "Disabled" }] })).await;
    assert_eq!(disabled["Code"], "PropertyValidationException");
    assert_eq!(
        disabled["Field"],
        "StrongAuthenticationRequirements[0].State"
    );
    assert_eq!(disabled["AllowedValues"], json!(["Enabled", "Enforced"]));
    assert!(disabled["Message"].as_str().unwrap().starts_with(
        "Invalid value for parameter.  Parameter Name: StrongAuthenticationRequirements[0].State."
    ));
    let party = bridge.fault("Set-MsolUser", json!({ "UserPrincipalName": upn("gil"), "StrongAuthenticationRequirements": [{ "RelyingParty": "app", "State": "Enabled" }] })).await;
    assert_eq!(party["AllowedValues"], json!(["*"]));
    let two = bridge.fault("Set-MsolUser", json!({ "UserPrincipalName": upn("gil"), "StrongAuthenticationRequirements": [{ "State": "Enabled" }, { "State": "Enforced" }] })).await;
    assert_eq!(two["Code"], "UniquenessValidationException");
    assert_eq!(
        bridge.user(&upn("gil")).await["StrongAuthenticationRequirements"],
        json!([])
    );
}

#[tokio::test]
async fn method_lists_follow_msonline_rules() {
    let bridge = spawn_bridge().await;
    bridge.new_user("hal", json!({ "MobilePhone": "+44 7700 900123", "PhoneNumber": "+44 20 7946 0000", "AlternateMobilePhones": ["+44 7700 900456"] })).await;
    let set = |methods: serde_json::Value| json!({ "UserPrincipalName": upn("hal"), "StrongAuthenticationMethods": methods });
    let unknown = bridge
        .fault(
            "Set-MsolUser",
            set(json!([{ "MethodType": "Email", "IsDefault": true }])),
        )
        .await;
    assert_eq!(
        unknown["Field"],
        "StrongAuthenticationMethods[0].MethodType"
    );
    assert_eq!(
        unknown["AllowedValues"],
        json!([
            "OneWaySMS",
            "TwoWayVoiceMobile",
            "TwoWayVoiceOffice",
            "TwoWayVoiceAlternateMobile",
            "PhoneAppOTP",
            "PhoneAppNotification"
        ])
    );
    let repeated = bridge.fault("Set-MsolUser", set(json!([{ "MethodType": "OneWaySMS", "IsDefault": true }, { "MethodType": "OneWaySMS", "IsDefault": false }]))).await;
    assert_eq!(repeated["Code"], "UniquenessValidationException");
    let none = bridge.fault("Set-MsolUser", set(json!([{ "MethodType": "OneWaySMS", "IsDefault": false }, { "MethodType": "TwoWayVoiceOffice", "IsDefault": false }]))).await;
    assert_eq!(none["Field"], "StrongAuthenticationMethods.IsDefault");
    let two = bridge.fault("Set-MsolUser", set(json!([{ "MethodType": "OneWaySMS", "IsDefault": true }, { "MethodType": "TwoWayVoiceOffice", "IsDefault": true }]))).await;
    assert_eq!(two["Field"], "StrongAuthenticationMethods.IsDefault");
    bridge
        .ok(
            "Set-MsolUser",
            set(json!([{ "MethodType": "TwoWayVoiceOffice" }])),
        )
        .await;
    assert_eq!(
        bridge.user(&upn("hal")).await["StrongAuthenticationMethods"],
        json!([{ "MethodType": "TwoWayVoiceOffice", "IsDefault": true }])
    );
    bridge.ok("Set-MsolUser", set(json!([{ "MethodType": "TwoWayVoiceAlternateMobile", "IsDefault": true }, { "MethodType": "OneWaySMS", "IsDefault": false }]))).await;
    let details = &bridge.user(&upn("hal")).await["StrongAuthenticationUserDetails"];
    assert_eq!(
        (
            details["PhoneNumber"].as_str(),
            details["AlternativePhoneNumber"].as_str()
        ),
        (Some("+44 7700900123"), Some("+44 7700900456"))
    );
    let app = bridge
        .fault(
            "Set-MsolUser",
            set(json!([{ "MethodType": "PhoneAppOTP", "IsDefault": true }])),
        )
        .await;
    assert_eq!(app["Field"], "StrongAuthenticationMethods[0].MethodType");
    bridge.ok("Set-MsolUser", set(json!([]))).await;
    assert_eq!(
        bridge.user(&upn("hal")).await["StrongAuthenticationMethods"],
        json!([])
    );
}

#[tokio::test]
async fn reset_requires_re_registration_and_keeps_the_requirement() {
    let bridge = spawn_bridge().await;
    bridge
        .new_user("ivy", json!({ "MobilePhone": "+49 89 1234567" }))
        .await;
    bridge
        .ok(
            "Set-MsolUser",
            json!({ "UserPrincipalName": upn("ivy"), "StrongAuthenticationRequirements": enabled(),
        "StrongAuthenticationMethods": [{ "MethodType": "OneWaySMS", "IsDefault": true }] }),
        )
        .await;
    let reset = bridge
        .ok(
            "Reset-MsolStrongAuthenticationMethodByUpn",
            json!({ "UserPrincipalName": upn("ivy") }),
        )
        .await;
    assert_eq!(reset["Changed"], json!(["StrongAuthenticationMethods"]));
    let user = bridge.user(&upn("ivy")).await;
    assert_eq!(user["StrongAuthenticationMethods"], json!([]));
    assert_eq!(
        user["StrongAuthenticationRequirements"][0]["State"],
        "Enforced"
    );
    let missing = bridge
        .fault(
            "Reset-MsolStrongAuthenticationMethodByUpn",
            json!({ "UserPrincipalName": upn("nobody") }),
        )
        .await;
    assert_eq!(missing["Code"], "UserNotFoundException");
}

#[tokio::test]
async fn users_by_strong_authentication_state() {
    let bridge = spawn_bridge().await;
    bridge
        .new_user(
            "on",
            json!({ "StrongAuthenticationRequirements": enabled() }),
        )
        .await;
    bridge.new_user("off", json!({})).await;
    let on = bridge
        .ok(
            "Get-MsolUserByStrongAuthentication",
            json!({ "Requirements": [{ "State": "Enabled" }], "All": true }),
        )
        .await;
    assert_eq!(
        on["Value"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["UserPrincipalName"].clone())
            .collect::<Vec<_>>(),
        vec![json!(upn("on"))]
    );
    let off = bridge
        .ok(
            "Get-MsolUserByStrongAuthentication",
            json!({ "RequirementUnsetOnly": true, "All": true }),
        )
        .await;
    assert_eq!(off["Value"].as_array().unwrap().len(), 1);
    let both = bridge
        .fault(
            "Get-MsolUserByStrongAuthentication",
            json!({ "RequirementUnsetOnly": true, "Requirements": [{ "State": "Enabled" }] }),
        )
        .await;
    assert_eq!(both["Field"], "RequirementUnsetOnly");
}
