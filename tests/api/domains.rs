//! Adding and verifying domains on both backends: New-MsolDomain, Get-MsolDomainVerificationDns
//! and Confirm-MsolDomain, against what the public DNS answers (the tenant file's published
//! records, which the simulator is seeded with).

use msol_bridge::domain::domains::{verification_code, DnsRecordType, PublishedDnsRecord};
use msol_bridge::domain::model::DomainStatus;
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use msol_bridge::tenant::{managed_domain, TenantSnapshot};
use serde_json::{json, Value};

use crate::graph::spawn_bridge_over_graph;
use crate::helpers::{spawn_bridge_with, TestBridge};

/// The demo with three domains waiting for verification: fabrikam.com has its TXT record
/// published, tailspintoys.com its MX record, northwindtraders.com nothing.
fn tenant_with_pending_domains() -> TenantSnapshot {
    let mut snapshot = demo_tenant(20, Timestamp::now());
    let company = snapshot.company.object_id;
    for name in ["fabrikam.com", "tailspintoys.com", "northwindtraders.com"] {
        let mut domain = managed_domain(name, false, false);
        domain.status = DomainStatus::Unverified;
        domain.capabilities = Vec::new();
        snapshot.domains.push(domain);
    }
    snapshot.published_dns_records = vec![
        PublishedDnsRecord {
            domain: "fabrikam.com".into(),
            record_type: DnsRecordType::Txt,
            value: format!("MS={}", verification_code(company, "fabrikam.com")),
        },
        PublishedDnsRecord {
            domain: "tailspintoys.com".into(),
            record_type: DnsRecordType::Mx,
            value: format!(
                "{}.msv1.invalid.",
                verification_code(company, "tailspintoys.com")
            ),
        },
        // Someone else's record proves nothing.
        PublishedDnsRecord {
            domain: "northwindtraders.com".into(),
            record_type: DnsRecordType::Txt,
            value: "MS=ms00000000".into(),
        },
    ];
    snapshot
}

async fn domain(bridge: &TestBridge, name: &str) -> Value {
    bridge
        .ok("Get-MsolDomain", json!({ "DomainName": name }))
        .await["Value"][0]
        .clone()
}

async fn answers(bridge: &TestBridge) -> Vec<Value> {
    let mx = bridge
        .ok(
            "Get-MsolDomainVerificationDns",
            json!({ "DomainName": "Fabrikam.com" }),
        )
        .await;
    assert_eq!(mx["Label"], "fabrikam.com");
    assert_eq!(mx["Ttl"], 3600);
    assert_eq!(mx["Preference"], 32767);
    let exchange = mx["MailExchange"].as_str().unwrap().to_string();
    assert!(exchange.ends_with(".msv1.invalid"), "{mx}");
    let txt = bridge
        .ok(
            "Get-MsolDomainVerificationDns",
            json!({ "DomainName": "fabrikam.com", "Mode": "DnsTxtRecord" }),
        )
        .await;
    assert_eq!(
        txt["Text"].as_str().unwrap(),
        format!("MS={}", exchange.trim_end_matches(".msv1.invalid"))
    );
    assert!(txt.get("MailExchange").is_none());

    for name in ["fabrikam.com", "TAILSPINTOYS.COM"] {
        let confirmed = bridge
            .ok("Confirm-MsolDomain", json!({ "DomainName": name }))
            .await;
        assert_eq!(confirmed["Changed"], json!(["Status"]), "{name}");
    }
    assert_eq!(domain(bridge, "fabrikam.com").await["Status"], "Verified");
    assert_eq!(
        domain(bridge, "tailspintoys.com").await["Status"],
        "Verified"
    );
    let again = bridge
        .ok(
            "Confirm-MsolDomain",
            json!({ "DomainName": "fabrikam.com" }),
        )
        .await;
    assert_eq!(again["Changed"], json!([]));

    let refused = bridge
        .fault(
            "Confirm-MsolDomain",
            json!({ "DomainName": "northwindtraders.com" }),
        )
        .await;
    assert_eq!(
        refused["Code"], "DomainVerificationFailedException",
        "{refused}"
    );
    assert!(
        refused["Message"]
            .as_str()
            .unwrap()
            .contains("northwindtraders.com"),
        "{refused}"
    );
    assert_eq!(
        domain(bridge, "northwindtraders.com").await["Status"],
        "Unverified"
    );

    let added = bridge
        .ok("New-MsolDomain", json!({ "Name": "Woodgrove.com" }))
        .await;
    assert_eq!(added["Name"], "woodgrove.com");
    assert_eq!(added["Status"], "Unverified");
    assert_eq!(added["Authentication"], "Managed");
    assert_eq!(added["IsDefault"], false);
    let unpublished = bridge
        .fault(
            "Confirm-MsolDomain",
            json!({ "DomainName": "woodgrove.com" }),
        )
        .await;
    assert_eq!(unpublished["Code"], "DomainVerificationFailedException");
    let sub = bridge
        .ok("New-MsolDomain", json!({ "Name": "sales.fabrikam.com" }))
        .await;
    assert_eq!(
        sub["Status"], "Verified",
        "a subdomain of a verified domain"
    );
    assert_eq!(sub["RootDomain"], "fabrikam.com");
    assert_eq!(
        domain(bridge, "sales.fabrikam.com").await["RootDomain"],
        "fabrikam.com"
    );

    let twice = bridge
        .fault("New-MsolDomain", json!({ "Name": "woodgrove.com" }))
        .await;
    assert_eq!(twice["Code"], "ObjectAlreadyExistsException");
    for (body, field) in [
        (json!({ "Name": "not a domain" }), "Name"),
        (json!({ "Name": "sales.contoso.onmicrosoft.com" }), "Name"),
        (json!({}), "Name"),
        (
            json!({ "Name": "litware.com", "Authentication": "Federated" }),
            "Authentication",
        ),
        (
            json!({ "Name": "litware.com", "VerificationMethod": "Email" }),
            "VerificationMethod",
        ),
    ] {
        let bad = bridge.fault("New-MsolDomain", body.clone()).await;
        assert_eq!(bad["Field"], field, "{body}: {bad}");
    }
    let missing = bridge
        .fault(
            "Get-MsolDomainVerificationDns",
            json!({ "DomainName": "litware.com" }),
        )
        .await;
    assert_eq!(missing["Code"], "DomainNotFoundException");
    let missing = bridge
        .fault("Confirm-MsolDomain", json!({ "DomainName": "litware.com" }))
        .await;
    assert_eq!(missing["Code"], "DomainNotFoundException");
    // Each backend lists in its own order (the local tenant by name, Graph as created).
    let mut listed = bridge.ok("Get-MsolDomain", json!({})).await["Value"]
        .as_array()
        .unwrap()
        .clone();
    listed.sort_by_key(|d| d["Name"].as_str().unwrap().to_string());

    // Set-MsolDomain -IsDefault: only a verified domain, and only by making another one default.
    let made = bridge
        .ok(
            "Set-MsolDomain",
            json!({ "Name": "fabrikam.com", "IsDefault": true }),
        )
        .await;
    assert_eq!(made["Changed"], json!(["IsDefault"]));
    assert_eq!(domain(bridge, "fabrikam.com").await["IsDefault"], true);
    assert_eq!(domain(bridge, "contoso.com").await["IsDefault"], false);
    let again = bridge
        .ok(
            "Set-MsolDomain",
            json!({ "Name": "fabrikam.com", "IsDefault": true }),
        )
        .await;
    assert_eq!(again["Changed"], json!([]));
    assert!(
        again.get("ObjectId").is_none(),
        "a domain has no ObjectId: {again}"
    );
    let unset = bridge
        .fault(
            "Set-MsolDomain",
            json!({ "Name": "fabrikam.com", "IsDefault": false }),
        )
        .await;
    assert_eq!(unset["Field"], "IsDefault", "{unset}");
    let unverified = bridge
        .fault(
            "Set-MsolDomain",
            json!({ "Name": "woodgrove.com", "IsDefault": true }),
        )
        .await;
    assert_eq!(unverified["Field"], "DomainName", "{unverified}");
    bridge
        .ok(
            "Set-MsolDomain",
            json!({ "Name": "contoso.com", "IsDefault": true }),
        )
        .await;

    // Remove-MsolDomain: never the initial or default domain, a root after its subdomains, and
    // only once no object uses it.
    for (name, says) in [
        ("contoso.onmicrosoft.com", "initial"),
        ("contoso.com", "default"),
        ("fabrikam.com", "sales.fabrikam.com"),
    ] {
        let refused = bridge
            .fault("Remove-MsolDomain", json!({ "DomainName": name }))
            .await;
        assert!(
            refused["Message"].as_str().unwrap().contains(says),
            "{name}: {refused}"
        );
    }
    for name in ["sales.fabrikam.com", "fabrikam.com"] {
        let removed = bridge
            .ok("Remove-MsolDomain", json!({ "DomainName": name }))
            .await;
        assert_eq!(removed["Changed"], json!(["Name"]), "{name}");
    }
    let gone = bridge
        .fault("Get-MsolDomain", json!({ "DomainName": "fabrikam.com" }))
        .await;
    assert_eq!(gone["Code"], "DomainNotFoundException");
    bridge
        .ok(
            "New-MsolUser",
            json!({ "UserPrincipalName": "pat@tailspintoys.com", "DisplayName": "Pat" }),
        )
        .await;
    let in_use = bridge
        .fault(
            "Remove-MsolDomain",
            json!({ "DomainName": "tailspintoys.com" }),
        )
        .await;
    assert_eq!(in_use["Code"], "DomainInUseException", "{in_use}");
    let message = in_use["Message"].as_str().unwrap();
    assert!(
        message.starts_with("Unable to remove this domain.")
            && message.contains("pat@tailspintoys.com"),
        "{in_use}"
    );
    assert_eq!(
        domain(bridge, "tailspintoys.com").await["Status"],
        "Verified"
    );
    vec![added, sub, Value::Array(listed), in_use]
}

#[tokio::test]
async fn domains_are_added_and_verified_alike_on_both_backends() {
    let snapshot = tenant_with_pending_domains();
    let local = spawn_bridge_with(snapshot.clone()).await;
    let local_answers = answers(&local).await;
    let (_graph, over_graph) = spawn_bridge_over_graph(&snapshot).await;
    assert_eq!(answers(&over_graph).await, local_answers);
}

#[tokio::test]
async fn published_records_travel_with_the_tenant_file() {
    let snapshot = tenant_with_pending_domains();
    let bridge = spawn_bridge_with(snapshot.clone()).await;
    let exported = bridge.directory().store().export().unwrap();
    assert_eq!(exported.published_dns_records.len(), 3);
    assert_eq!(exported.published_dns_records, {
        let mut records = snapshot.published_dns_records.clone();
        for r in &mut records {
            r.value = r.value.trim().to_string();
        }
        records.sort_by(|a, b| (&a.domain, a.value.as_str()).cmp(&(&b.domain, b.value.as_str())));
        records
    });
}
