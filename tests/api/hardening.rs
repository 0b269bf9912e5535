//! The server cannot be held open or confused by another local user: request heads and bodies have
//! deadlines, connections are capped, request forms warp cannot route get a 4xx in the error shape,
//! answers given before the body was read close the connection, and `GET /proof` lets a client
//! check the bridge knows its secret before sending it.

use std::time::{Duration, Instant};

use msol_bridge::app::ServerLimits;
use msol_bridge::secret::Secret;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{fresh_tenant, spawn_bridge, spawn_bridge_limited, TestBridge, SECRET};

fn short_limits() -> ServerLimits {
    ServerLimits {
        header_read_timeout: Duration::from_millis(500),
        body_read_timeout: Duration::from_millis(500),
        max_connections: 4,
    }
}

async fn connect(bridge: &TestBridge) -> TcpStream {
    TcpStream::connect(bridge.url.trim_start_matches("http://"))
        .await
        .unwrap()
}

fn host(bridge: &TestBridge) -> &str {
    bridge.url.trim_start_matches("http://")
}

/// Everything the server sends until it closes the connection (or 10 s pass: then the test fails).
async fn read_to_close(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the bridge should have closed the connection")
        .ok();
    String::from_utf8_lossy(&answer).into_owned()
}

/// The JSON error of a raw answer.
fn error_of(answer: &str) -> Value {
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    serde_json::from_str::<Value>(body).unwrap_or(Value::Null)["Error"].clone()
}

async fn still_answers(bridge: &TestBridge) {
    let company = bridge.ok("Get-MsolCompanyInformation", json!({})).await;
    assert!(company["DisplayName"].is_string(), "{company}");
}

#[tokio::test]
async fn connect_and_targets_without_a_path_get_a_4xx_in_the_error_shape() {
    let bridge = spawn_bridge().await;
    for request in [
        "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n".to_string(),
        format!("CONNECT {0} HTTP/1.1\r\nHost: {0}\r\n\r\n", host(&bridge)),
        format!("OPTIONS * HTTP/1.1\r\nHost: {}\r\n\r\n", host(&bridge)),
    ] {
        let mut stream = connect(&bridge).await;
        stream.write_all(request.as_bytes()).await.unwrap();
        let answer = read_to_close(&mut stream).await;
        let status: u16 = answer
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        assert!(
            (400..500).contains(&status),
            "{request:?} answered {answer:?}"
        );
        let error = error_of(&answer);
        assert_eq!(error["Status"], status, "{answer}");
        assert!(
            error["Code"].as_str().unwrap().ends_with("Exception"),
            "{answer}"
        );
        assert!(
            answer.to_ascii_lowercase().contains("connection: close"),
            "{answer}"
        );
    }
    still_answers(&bridge).await;
}

#[tokio::test]
async fn a_wrong_method_names_the_allowed_one() {
    let bridge = spawn_bridge().await;
    let response = bridge
        .client
        .delete(format!("{}/v1/Get-MsolUser", bridge.url))
        .bearer_auth(SECRET)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
    assert_eq!(response.headers()["allow"], "POST");
    let response = bridge
        .client
        .post(format!("{}/openapi.json", bridge.url))
        .bearer_auth(SECRET)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
    assert_eq!(response.headers()["allow"], "GET");
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["Error"]["AllowedValues"], json!(["GET"]));
}

#[tokio::test]
async fn an_answer_before_the_body_is_read_closes_the_connection() {
    let bridge = spawn_bridge().await;
    // A body the bridge never reads (no bearer), followed on the same connection by bytes that
    // would be a valid request if the body were skipped: they must never be served.
    let body = "x".repeat(100);
    let smuggled = format!(
        "POST /v1/Get-MsolCompanyInformation HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {SECRET}\r\nContent-Length: 2\r\n\r\n{{}}",
        host(&bridge)
    );
    let request = format!(
        "POST /v1/New-MsolUser HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        host(&bridge),
        body.len() + smuggled.len()
    );
    let mut stream = connect(&bridge).await;
    stream.write_all(request.as_bytes()).await.unwrap();
    let answer = read_to_close(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("connection: close"),
        "{answer}"
    );
    assert_eq!(answer.matches("HTTP/1.1").count(), 1, "{answer}");
}

#[tokio::test]
async fn a_half_sent_head_or_body_does_not_hold_a_connection() {
    let bridge = spawn_bridge_limited(fresh_tenant(), short_limits()).await;
    // A head that never ends: closed after the header-read timeout.
    let mut stream = connect(&bridge).await;
    stream
        .write_all(
            format!(
                "POST /v1/Get-MsolUser HTTP/1.1\r\nHost: {}\r\n",
                host(&bridge)
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let started = Instant::now();
    read_to_close(&mut stream).await;
    assert!(started.elapsed() >= Duration::from_millis(400));

    // An idle keep-alive connection is closed the same way.
    let mut stream = connect(&bridge).await;
    let started = Instant::now();
    read_to_close(&mut stream).await;
    assert!(started.elapsed() >= Duration::from_millis(400));

    // A body that never ends: 408 in the error shape, then closed.
    let mut stream = connect(&bridge).await;
    stream
        .write_all(
            format!(
                "POST /v1/Get-MsolUser HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {SECRET}\r\nContent-Length: 100\r\n\r\n{{",
                host(&bridge)
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let answer = read_to_close(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert_eq!(error_of(&answer)["Code"], "RequestTimeoutException");
    still_answers(&bridge).await;
}

#[tokio::test]
async fn connections_beyond_the_cap_are_closed_and_the_bridge_recovers() {
    let limits = ServerLimits {
        header_read_timeout: Duration::from_secs(2),
        ..short_limits()
    };
    let bridge = spawn_bridge_limited(fresh_tenant(), limits).await;
    let mut held = Vec::new();
    for _ in 0..limits.max_connections {
        held.push(connect(&bridge).await);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut over = connect(&bridge).await;
    let started = Instant::now();
    let answer = read_to_close(&mut over).await;
    assert!(answer.is_empty(), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(1), "closed at once");
    drop(held);
    // Freed connections make room again (the held ones are closed by the client here).
    tokio::time::sleep(Duration::from_millis(200)).await;
    still_answers(&bridge).await;
}

#[tokio::test]
async fn the_proof_answers_the_challenge_without_the_bearer_and_refuses_bad_challenges() {
    let bridge = spawn_bridge().await;
    let challenge = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    let response = bridge
        .client
        .get(format!("{}/proof", bridge.url))
        .header("msol-bridge-challenge", challenge)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let expected = Secret::new(SECRET.into()).proof(challenge);
    assert_eq!(response.headers()["msol-bridge-proof"], expected.as_str());
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["Proof"], expected);
    assert!(!body.to_string().contains(SECRET));

    for bad in ["", "abc", "zz112233445566778899aabbccddeeff"] {
        let response = bridge
            .client
            .get(format!("{}/proof", bridge.url))
            .header("msol-bridge-challenge", bad)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 400, "{bad:?}");
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["Error"]["Field"], "Msol-Bridge-Challenge");
    }
    // A browser page cannot ask for proofs either.
    let response = bridge
        .client
        .get(format!("{}/proof", bridge.url))
        .header("msol-bridge-challenge", challenge)
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
}
