use serde_json::json;

use crate::helpers::{spawn_bridge, SECRET};

#[tokio::test]
async fn every_request_needs_the_secret_the_right_host_and_no_browser_origin() {
    let bridge = spawn_bridge().await;
    let url = format!("{}/v1/New-MsolUser", bridge.url);
    let body = json!({ "UserPrincipalName": "eve@contoso.onmicrosoft.com", "DisplayName": "Eve" });
    let status_and_body = |response: reqwest::Response| async move {
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    };

    let (status, text) =
        status_and_body(bridge.client.post(&url).json(&body).send().await.unwrap()).await;
    assert_eq!(status, 401);
    assert!(text.contains("AuthenticationRequiredException"));
    let (status, text) = status_and_body(
        bridge
            .client
            .post(&url)
            .bearer_auth("wrong-secret-wrong-secret-wrong-secret")
            .json(&body)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 401);
    assert!(!text.contains(SECRET));
    let (status, _) = status_and_body(
        bridge
            .client
            .post(&url)
            .bearer_auth(&SECRET[..SECRET.len() - 1])
            .json(&body)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 401, "a prefix of the secret is not the secret");
    let (status, text) = status_and_body(
        bridge
            .client
            .post(&url)
            .bearer_auth(SECRET)
            .header("host", "evil.example:80")
            .json(&body)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 403);
    assert!(text.contains("Host"));
    let (status, text) = status_and_body(
        bridge
            .client
            .post(&url)
            .bearer_auth(SECRET)
            .header("origin", "https://evil.example")
            .json(&body)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 403);
    assert!(text.contains("web pages"));
    let health = bridge
        .client
        .get(format!("{}/health", bridge.url))
        .send()
        .await
        .unwrap();
    assert_eq!(
        health.status().as_u16(),
        401,
        "even the health check needs the secret"
    );

    // None of the refused requests changed anything.
    assert_eq!(
        bridge
            .fault(
                "Get-MsolUser",
                json!({ "UserPrincipalName": "eve@contoso.onmicrosoft.com" })
            )
            .await["Code"],
        "UserNotFoundException"
    );
    let localhost = bridge.url.replace("127.0.0.1", "localhost");
    let by_name = bridge
        .client
        .post(format!("{localhost}/v1/Get-MsolCompanyInformation"))
        .bearer_auth(SECRET)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(by_name.status().as_u16(), 200);
}

#[tokio::test]
async fn the_bridge_refuses_to_listen_beyond_loopback_or_with_a_short_secret() {
    let bridge = spawn_bridge().await;
    let directory = std::sync::Arc::new(bridge.directory().clone());
    let open = msol_bridge::app::Bridge::bind(
        "0.0.0.0:0".parse().unwrap(),
        directory.clone(),
        msol_bridge::secret::Secret::new(SECRET.into()),
    )
    .await;
    assert!(open.err().unwrap().to_string().contains("loopback"));
    let short = msol_bridge::app::Bridge::bind(
        "127.0.0.1:0".parse().unwrap(),
        directory,
        msol_bridge::secret::Secret::new("short".into()),
    )
    .await;
    assert!(short.err().unwrap().to_string().contains("at least 32"));
}
