//! Federated domains on both backends: Set-MsolDomainAuthentication both ways, Get- and
//! Set-MsolDomainFederationSettings, Convert-MsolFederatedUser, and the refusals.

use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use serde_json::{json, Value};

use crate::graph::spawn_bridge_over_graph;
use crate::helpers::{spawn_bridge_with, TestBridge};

/// The base64 of a DER SEQUENCE: the shape of an exported token-signing certificate.
const CERTIFICATE: &str = "MIIBCgABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJic=";

async fn answers(bridge: &TestBridge) -> Vec<Value> {
    let managed = bridge
        .fault(
            "Get-MsolDomainFederationSettings",
            json!({ "DomainName": "contoso.com" }),
        )
        .await;
    assert_eq!(managed["Field"], "DomainName");
    let incomplete = bridge
        .fault(
            "Set-MsolDomainAuthentication",
            json!({ "DomainName": "contoso.com", "Authentication": "Federated", "IssuerUri": "http://sts.contoso.com/adfs/services/trust" }),
        )
        .await;
    assert_eq!(incomplete["Code"], "RequiredPropertyNotSetException");
    let initial = bridge
        .fault(
            "Set-MsolDomainAuthentication",
            json!({ "DomainName": "contoso.onmicrosoft.com", "Authentication": "Managed" }),
        )
        .await;
    assert_eq!(initial["Field"], "DomainName");
    let federated = bridge
        .ok(
            "Set-MsolDomainAuthentication",
            json!({
                "DomainName": "contoso.com",
                "Authentication": "Federated",
                "IssuerUri": "http://sts.contoso.com/adfs/services/trust",
                "PassiveLogOnUri": "https://sts.contoso.com/adfs/ls/",
                "LogOffUri": "https://sts.contoso.com/adfs/ls/",
                "SigningCertificate": CERTIFICATE,
                "FederationBrandName": "Contoso",
                "PreferredAuthenticationProtocol": "WsFed",
                "PromptLoginBehavior": "NativeSupport",
                "SupportsMfa": true,
            }),
        )
        .await;
    assert_eq!(federated["Changed"], json!(["Authentication"]));
    let domain = bridge
        .ok("Get-MsolDomain", json!({ "DomainName": "contoso.com" }))
        .await;
    assert_eq!(domain["Value"][0]["Authentication"], "Federated");
    let settings = bridge
        .ok(
            "Get-MsolDomainFederationSettings",
            json!({ "DomainName": "contoso.com" }),
        )
        .await;
    assert_eq!(settings["SupportsMfa"], true);
    assert_eq!(settings["PreferredAuthenticationProtocol"], "WsFed");
    let changed = bridge
        .ok(
            "Set-MsolDomainFederationSettings",
            json!({ "DomainName": "contoso.com", "SupportsMfa": false, "MetadataExchangeUri": "https://sts.contoso.com/adfs/services/trust/mex", "FederationBrandName": "Contoso" }),
        )
        .await;
    assert_eq!(
        changed["Changed"],
        json!(["MetadataExchangeUri", "SupportsMfa"])
    );
    let gone = bridge
        .fault(
            "Set-MsolDomainFederationSettings",
            json!({ "DomainName": "contoso.com", "OpenIdConnectDiscoveryEndpoint": "https://sts.contoso.com/.well-known/openid-configuration" }),
        )
        .await;
    assert_eq!(gone["Field"], "OpenIdConnectDiscoveryEndpoint");
    let bad_certificate = bridge
        .fault(
            "Set-MsolDomainFederationSettings",
            json!({ "DomainName": "contoso.com", "NextSigningCertificate": "-----BEGIN CERTIFICATE-----" }),
        )
        .await;
    assert_eq!(bad_certificate["Field"], "NextSigningCertificate");
    let after = bridge
        .ok(
            "Get-MsolDomainFederationSettings",
            json!({ "DomainName": "contoso.com" }),
        )
        .await;
    let still_federated = bridge
        .fault(
            "Convert-MsolFederatedUser",
            json!({ "UserPrincipalName": "megan.bowen@contoso.com" }),
        )
        .await;
    assert_eq!(still_federated["Field"], "UserPrincipalName");
    let back = bridge
        .ok(
            "Set-MsolDomainAuthentication",
            json!({ "DomainName": "contoso.com", "Authentication": "Managed" }),
        )
        .await;
    assert_eq!(back["Changed"], json!(["Authentication"]));
    let again = bridge
        .ok(
            "Set-MsolDomainAuthentication",
            json!({ "DomainName": "contoso.com", "Authentication": "Managed" }),
        )
        .await;
    assert_eq!(again["Changed"], json!([]));
    let converted = bridge
        .ok(
            "Convert-MsolFederatedUser",
            json!({ "UserPrincipalName": "megan.bowen@contoso.com" }),
        )
        .await;
    assert!(
        converted["Password"].as_str().unwrap().len() >= 8,
        "{converted}"
    );
    vec![settings, changed, after, back]
}

#[tokio::test]
async fn federated_domains_change_alike_on_both_backends() {
    let snapshot = demo_tenant(10, Timestamp::now());
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers(&local).await;
    let (_graph, over_graph) = spawn_bridge_over_graph(&snapshot).await;
    assert_eq!(answers(&over_graph).await, local_answers);
}
