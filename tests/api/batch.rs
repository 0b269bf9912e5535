//! `POST /v1/<cmdlet>/batch`: many writes in one request, each answered in its own slot and in
//! order, items naming one object run in order, and a stopped batch leaves no object half-changed.

use std::sync::Arc;
use std::time::Duration;

use graph_sim::SimSettings;
use msol_bridge::app::Bridge;
use msol_bridge::secret::Secret;
use serde_json::{json, Value};

use crate::graph::spawn_simulator;
use crate::helpers::{spawn_bridge, upn, SECRET};

async fn post(client: &reqwest::Client, url: &str, path: &str, body: Value) -> (u16, Value) {
    let response = client
        .post(format!("{url}{path}"))
        .bearer_auth(SECRET)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

fn enable(upn: &str) -> Value {
    json!({ "UserPrincipalName": upn, "StrongAuthenticationRequirements": [{ "RelyingParty": "*", "State": "Enabled" }] })
}

#[tokio::test]
async fn each_item_is_answered_in_its_slot_and_fails_alone() {
    let bridge = spawn_bridge().await;
    for alias in ["ann", "bob", "cy"] {
        bridge.new_user(alias, json!({})).await;
    }
    let (status, answer) = post(&bridge.client, &bridge.url, "/v1/Set-MsolUser/batch", json!({ "Requests": [
        enable(&upn("ann")),
        enable(&upn("nobody")),
        { "UserPrincipalName": upn("bob"), "StrongAuthenticationRequirements": [{ "RelyingParty": "*", "State": "Disabled" }] },
        { "UserPrincipalName": upn("cy"), "City": "Oslo" },
        { "UserPrincipalName": upn("cy"), "City": "Bergen" },
    ]})).await;
    assert_eq!(status, 200, "{answer}");
    let responses = answer["Responses"].as_array().unwrap();
    assert_eq!(responses.len(), 5);
    assert_eq!(responses[0]["Status"], 200);
    assert_eq!(
        responses[0]["Body"]["Changed"],
        json!(["StrongAuthenticationRequirements"])
    );
    assert_eq!(responses[1]["Status"], 404);
    assert_eq!(responses[1]["Error"]["Code"], "UserNotFoundException");
    assert_eq!(responses[2]["Status"], 400);
    assert_eq!(
        responses[2]["Error"]["Field"],
        "StrongAuthenticationRequirements[0].State"
    );
    assert_eq!(
        responses[2]["Error"]["AllowedValues"],
        json!(["Enabled", "Enforced"])
    );
    // The same user twice: in the order given, so the last value stays.
    assert_eq!(responses[3]["Body"]["Changed"], json!(["City"]));
    assert_eq!(responses[4]["Body"]["Changed"], json!(["City"]));
    assert_eq!(bridge.user(&upn("cy")).await["City"], "Bergen");
    assert_eq!(
        bridge.user(&upn("ann")).await["StrongAuthenticationRequirements"][0]["State"],
        "Enabled"
    );
    assert_eq!(
        bridge.user(&upn("bob")).await["StrongAuthenticationRequirements"],
        json!([])
    );
}

#[tokio::test]
async fn reads_and_malformed_batches_are_refused_whole() {
    let bridge = spawn_bridge().await;
    let (status, answer) = post(
        &bridge.client,
        &bridge.url,
        "/v1/Get-MsolUser/batch",
        json!({ "Requests": [{}] }),
    )
    .await;
    assert_eq!(status, 400);
    assert!(answer["Error"]["AllowedValues"]
        .as_array()
        .unwrap()
        .contains(&json!("Set-MsolUser")));
    let (status, answer) = post(
        &bridge.client,
        &bridge.url,
        "/v1/Set-MsolUser/batch",
        json!({ "Requests": {} }),
    )
    .await;
    assert_eq!(
        (status, answer["Error"]["Code"].clone()),
        (400, json!("InvalidRequestException"))
    );
    let too_many: Vec<Value> = (0..1_001).map(|i| enable(&upn(&format!("u{i}")))).collect();
    let (status, answer) = post(
        &bridge.client,
        &bridge.url,
        "/v1/Set-MsolUser/batch",
        json!({ "Requests": too_many }),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(answer["Error"]["Code"], "RequestTooLargeException");
    let (status, _) = post(
        &bridge.client,
        &bridge.url,
        "/v1/batches/not-a-guid/stop",
        json!({}),
    )
    .await;
    assert_eq!(status, 404);
}

/// Over Graph (150 ms round trips), a batch of 300 is stopped after a moment: the items already
/// started finish, the rest answer OperationStoppedException, and every user is either fully
/// changed (MFA and both phone methods) or untouched.
#[tokio::test]
async fn a_stopped_batch_finishes_started_items_and_runs_no_more() {
    let mut snapshot = crate::helpers::fresh_tenant();
    let users = 300;
    snapshot.users.extend((0..users).map(|i| {
        let mut user = msol_bridge::domain::model::User::new(
            uuid::Uuid::new_v4(),
            upn(&format!("s{i:03}")),
            msol_bridge::domain::time::Timestamp::now(),
        );
        user.mobile_phone = Some("+1 4255550100".into());
        user
    }));
    let graph = spawn_simulator(
        &snapshot,
        SimSettings {
            latency: Duration::from_millis(150),
            limits: None,
            ..SimSettings::default()
        },
    )
    .await;
    let directory = graph.app_directory().await;
    let bridge = Bridge::bind(
        "127.0.0.1:0".parse().unwrap(),
        Arc::new(directory),
        Secret::new(SECRET.into()),
    )
    .await
    .unwrap();
    let url = bridge.url();
    tokio::spawn(bridge.run_until(std::future::pending()));
    let client = reqwest::Client::new();
    let batch_id = uuid::Uuid::new_v4();
    let requests: Vec<Value> = (0..users)
        .map(|i| {
            let mut item = enable(&upn(&format!("s{i:03}")));
            item["StrongAuthenticationMethods"] = json!([
                { "MethodType": "OneWaySMS", "IsDefault": true },
                { "MethodType": "TwoWayVoiceMobile", "IsDefault": false }]);
            item
        })
        .collect();
    let running = tokio::spawn({
        let (client, url) = (client.clone(), url.clone());
        async move {
            post(
                &client,
                &url,
                "/v1/Set-MsolUser/batch",
                json!({ "BatchId": batch_id, "Requests": requests }),
            )
            .await
        }
    });
    tokio::time::sleep(Duration::from_millis(400)).await;
    let (status, stop) = post(
        &client,
        &url,
        &format!("/v1/batches/{batch_id}/stop"),
        json!({}),
    )
    .await;
    assert_eq!((status, stop["Stopping"].clone()), (200, json!(true)));
    let (status, answer) = running.await.unwrap();
    assert_eq!(status, 200);
    let responses = answer["Responses"].as_array().unwrap();
    let done = responses.iter().filter(|r| r["Status"] == 200).count();
    let stopped = responses
        .iter()
        .filter(|r| r["Error"]["Code"] == "OperationStoppedException")
        .count();
    assert_eq!(done + stopped, users, "{answer}");
    assert!(done > 0 && stopped > 0, "{done} done, {stopped} stopped");
    for (i, response) in responses.iter().enumerate() {
        let (enabled, phones) = graph.sim.with_tenant(|tenant| {
            let user = &tenant.users[tenant.find_user(&upn(&format!("s{i:03}"))).unwrap()];
            (
                user.auth.per_user_mfa_state != "disabled",
                user.auth.phones.len(),
            )
        });
        if response["Status"] == 200 {
            assert!(enabled && phones == 1, "user {i} is half-changed");
        } else {
            assert!(
                !enabled && phones == 0,
                "user {i} was changed though not run"
            );
        }
    }
    // Stopping a finished batch finds nothing to stop.
    let (_, again) = post(
        &client,
        &url,
        &format!("/v1/batches/{batch_id}/stop"),
        json!({}),
    )
    .await;
    assert_eq!(again["Stopping"], false);
}

/// Over Graph, a batch's items share `$batch` round trips (far fewer HTTP requests than users), and
/// each user's MFA state is written exactly once.
#[tokio::test]
async fn graph_batch_items_share_round_trips_and_write_each_user_once() {
    let mut snapshot = crate::helpers::fresh_tenant();
    let users = 200;
    snapshot.users.extend((0..users).map(|i| {
        msol_bridge::domain::model::User::new(
            uuid::Uuid::new_v4(),
            upn(&format!("c{i:03}")),
            msol_bridge::domain::time::Timestamp::now(),
        )
    }));
    let graph = spawn_simulator(
        &snapshot,
        SimSettings {
            latency: Duration::from_millis(50),
            limits: None,
            ..SimSettings::default()
        },
    )
    .await;
    let bridge = Bridge::bind(
        "127.0.0.1:0".parse().unwrap(),
        Arc::new(graph.app_directory().await),
        Secret::new(SECRET.into()),
    )
    .await
    .unwrap();
    let url = bridge.url();
    tokio::spawn(bridge.run_until(std::future::pending()));
    let before = graph.sim.counters();
    let requests: Vec<Value> = (0..users)
        .map(|i| enable(&upn(&format!("c{i:03}"))))
        .collect();
    let (status, answer) = post(
        &reqwest::Client::new(),
        &url,
        "/v1/Set-MsolUser/batch",
        json!({ "Requests": requests }),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        answer["Responses"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["Body"]["Changed"] == json!(["StrongAuthenticationRequirements"])),
        "{answer}"
    );
    let after = graph.sim.counters();
    let http_requests = after.round_trips() - before.round_trips();
    // Alone, each user takes three round trips (profile, its authentication reads, the PATCH): 600.
    assert!(
        http_requests < users as u64,
        "{http_requests} HTTP requests for {users} users: their calls were not shared"
    );
    let requirement_writes: Vec<u64> = after
        .writes
        .iter()
        .filter(|(path, _)| path.ends_with("/authentication/requirements"))
        .map(|(_, count)| *count)
        .collect();
    assert_eq!(requirement_writes.len(), users, "{:?}", after.writes);
    assert!(requirement_writes.iter().all(|count| *count == 1));
    // Bulk work: every Graph request the items made went at low priority.
    assert_eq!(
        after.low_priority - before.low_priority,
        after.requests - before.requests,
        "{after:?}"
    );
    // A single call is not bulk work.
    let (status, _) = post(
        &reqwest::Client::new(),
        &url,
        "/v1/Set-MsolUser",
        json!({ "UserPrincipalName": upn("c000"), "City": "Alone" }),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        graph.sim.counters().low_priority,
        after.low_priority,
        "a single call went at low priority"
    );
}

/// An item that names one user as both its old and new name (a rename that only fixes the case of a
/// UPN, or a restore under the same name) waits for no one but earlier items, so the batch ends.
#[tokio::test]
async fn case_only_renames_and_restores_in_a_batch_finish() {
    let bridge = spawn_bridge().await;
    for alias in ["ann", "bob", "cy"] {
        bridge.new_user(alias, json!({})).await;
    }
    let renames = json!({ "Requests": [
        { "UserPrincipalName": upn("ann"), "NewUserPrincipalName": upn("Ann") },
        { "UserPrincipalName": upn("Ann"), "NewUserPrincipalName": upn("ANN") },
        { "UserPrincipalName": upn("bob"), "NewUserPrincipalName": upn("bob") },
    ]});
    let (status, answer) = tokio::time::timeout(
        Duration::from_secs(20),
        post(
            &bridge.client,
            &bridge.url,
            "/v1/Set-MsolUserPrincipalName/batch",
            renames,
        ),
    )
    .await
    .expect("a batch of case-only renames must not wait for itself");
    assert_eq!(status, 200, "{answer}");
    let statuses: Vec<&Value> = answer["Responses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["Status"])
        .collect();
    assert_eq!(statuses, [200, 200, 200], "{answer}");
    assert_eq!(
        bridge.user(&upn("ann")).await["UserPrincipalName"],
        upn("ANN")
    );

    bridge
        .ok("Remove-MsolUser", json!({ "UserPrincipalName": upn("cy") }))
        .await;
    let restore = json!({ "Requests": [
        { "UserPrincipalName": upn("cy"), "NewUserPrincipalName": upn("CY") },
    ]});
    let (status, answer) = tokio::time::timeout(
        Duration::from_secs(20),
        post(
            &bridge.client,
            &bridge.url,
            "/v1/Restore-MsolUser/batch",
            restore,
        ),
    )
    .await
    .expect("a restore under the same name must not wait for itself");
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["Responses"][0]["Status"], 200, "{answer}");
    assert_eq!(
        bridge.user(&upn("cy")).await["UserPrincipalName"],
        upn("CY")
    );
}

/// The batch envelope is what the document says: a GUID or no BatchId, and objects as items.
#[tokio::test]
async fn a_null_batch_id_or_an_item_that_is_no_object_is_refused_whole() {
    let bridge = spawn_bridge().await;
    for (body, field) in [
        (json!({ "BatchId": null, "Requests": [] }), "BatchId"),
        (
            json!({ "Requests": [enable(&upn("ann")), [null, null]] }),
            "Requests[1]",
        ),
    ] {
        let (status, answer) = post(
            &bridge.client,
            &bridge.url,
            "/v1/Set-MsolUser/batch",
            body.clone(),
        )
        .await;
        assert_eq!(status, 400, "{body} answered {answer}");
        assert_eq!(answer["Error"]["Field"], field, "{answer}");
    }
}
