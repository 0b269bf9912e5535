use std::sync::Arc;

use msol_bridge::app::{Bridge, ServerLimits};
use msol_bridge::directory::local::{LocalDirectory, Store};
use msol_bridge::directory::Directory;
use msol_bridge::domain::time::Timestamp;
use msol_bridge::secret::Secret;
use msol_bridge::tenant::{self, TenantSnapshot};
use serde_json::{json, Value};

pub const SECRET: &str = "test-secret-0123456789abcdef0123456789";

pub struct TestBridge {
    pub url: String,
    pub client: reqwest::Client,
    /// The local tenant behind the bridge (absent over another backend).
    local: Option<LocalDirectory>,
    _folder: tempfile::TempDir,
}

/// A bridge on a free port over a fresh tenant (contoso.onmicrosoft.com, 25 E3 units).
pub async fn spawn_bridge() -> TestBridge {
    spawn_bridge_with(fresh_tenant()).await
}

/// A new tenant's contents, for tests that add to it before the bridge starts.
pub fn fresh_tenant() -> TenantSnapshot {
    tenant::new_tenant(
        "Contoso",
        "contoso.onmicrosoft.com",
        uuid::Uuid::new_v4(),
        Timestamp::now(),
    )
    .unwrap()
}

pub async fn spawn_bridge_with(snapshot: TenantSnapshot) -> TestBridge {
    spawn_bridge_limited(snapshot, ServerLimits::default()).await
}

/// A bridge with other connection limits than the defaults (short timeouts, few connections).
pub async fn spawn_bridge_limited(snapshot: TenantSnapshot, limits: ServerLimits) -> TestBridge {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("tenant.db");
    Store::open(&path).unwrap().replace_all(&snapshot).unwrap();
    let directory = LocalDirectory::open(&path).unwrap();
    let bridge = Bridge::bind(
        "127.0.0.1:0".parse().unwrap(),
        Arc::new(directory.clone()),
        Secret::new(SECRET.into()),
    )
    .await
    .unwrap()
    .with_limits(limits);
    let url = bridge.url();
    tokio::spawn(bridge.run_until(std::future::pending()));
    TestBridge {
        url,
        client: reqwest::Client::new(),
        local: Some(directory),
        _folder: folder,
    }
}

/// A bridge over another backend (the Graph backend against the simulator).
pub async fn spawn_bridge_over(directory: Arc<dyn Directory>) -> TestBridge {
    let bridge = Bridge::bind(
        "127.0.0.1:0".parse().unwrap(),
        directory,
        Secret::new(SECRET.into()),
    )
    .await
    .unwrap();
    let url = bridge.url();
    tokio::spawn(bridge.run_until(std::future::pending()));
    TestBridge {
        url,
        client: reqwest::Client::new(),
        local: None,
        _folder: tempfile::tempdir().unwrap(),
    }
}

impl TestBridge {
    /// The local tenant behind a bridge from `spawn_bridge*`.
    pub fn directory(&self) -> &LocalDirectory {
        self.local.as_ref().expect("a bridge over the local tenant")
    }

    /// Calls an operation; answers the status and the JSON body.
    pub async fn call(&self, operation: &str, body: Value) -> (u16, Value) {
        let response = self
            .client
            .post(format!("{}/v1/{operation}", self.url))
            .bearer_auth(SECRET)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    /// Calls an operation that must succeed.
    pub async fn ok(&self, operation: &str, body: Value) -> Value {
        let (status, answer) = self.call(operation, body.clone()).await;
        assert_eq!(status, 200, "{operation} {body} answered {answer}");
        answer
    }

    /// Calls an operation that must fail; answers the error object.
    pub async fn fault(&self, operation: &str, body: Value) -> Value {
        let (status, answer) = self.call(operation, body.clone()).await;
        assert_ne!(
            status, 200,
            "{operation} {body} should have failed but answered {answer}"
        );
        assert_eq!(answer["Error"]["Status"], status, "{answer}");
        answer["Error"].clone()
    }

    pub async fn user(&self, upn: &str) -> Value {
        self.ok("Get-MsolUser", json!({ "UserPrincipalName": upn }))
            .await["Value"][0]
            .clone()
    }

    pub async fn new_user(&self, alias: &str, extra: Value) -> Value {
        let mut body = json!({ "UserPrincipalName": upn(alias), "DisplayName": alias });
        for (key, value) in extra.as_object().unwrap() {
            body[key] = value.clone();
        }
        self.ok("New-MsolUser", body).await
    }
}

pub fn upn(alias: &str) -> String {
    format!("{alias}@contoso.onmicrosoft.com")
}
