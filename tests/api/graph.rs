//! The Graph backend against the Graph simulator: the shared conformance suite, and what only
//! Graph has (throttling, 503 storms, token expiry, paging, masked numbers, synced users).

use std::collections::HashMap;
use std::time::Duration;

use msol_bridge::directory::conformance;
use msol_bridge::graph::client::RetryPolicy;
use msol_bridge::graph::cloud::Endpoints;
use msol_bridge::graph::{self, GraphDirectory, GraphSettings, SignIn};
use msol_bridge::graph_sim::{GraphSimulator, SimHandle, SimSettings};
use msol_bridge::secret::Secret;
use msol_bridge::tenant::TenantSnapshot;

use crate::helpers::fresh_tenant;

pub const APP_ID: &str = "0b7d2f8e-5a49-4c1e-8f3a-2e6c9d1b4a70";
pub const APP_SECRET: &str = "simulated-client-secret-value";

pub struct TestGraph {
    pub url: String,
    pub sim: SimHandle,
}

pub async fn spawn_simulator(snapshot: &TenantSnapshot, settings: SimSettings) -> TestGraph {
    let mut settings = settings;
    settings.apps = HashMap::from([(APP_ID.to_string(), APP_SECRET.to_string())]);
    let simulator = GraphSimulator::bind("127.0.0.1:0".parse().unwrap(), snapshot, settings)
        .await
        .unwrap();
    let url = simulator.url();
    let sim = simulator.handle();
    tokio::spawn(simulator.run_until(std::future::pending()));
    TestGraph { url, sim }
}

impl TestGraph {
    pub fn settings(&self, sign_in: SignIn) -> GraphSettings {
        GraphSettings {
            endpoints: Endpoints {
                login: self.url.clone(),
                graph: self.url.clone(),
            },
            tenant: "contoso.onmicrosoft.com".to_string(),
            sign_in,
            retry: RetryPolicy {
                max_attempts: 8,
                max_elapsed: Duration::from_secs(60),
                backoff: Duration::from_millis(20),
            },
        }
    }

    pub async fn app_directory(&self) -> GraphDirectory {
        let sign_in = SignIn::ClientSecret {
            client_id: APP_ID.to_string(),
            secret: Secret::new(APP_SECRET.to_string()),
        };
        graph::connect(self.settings(sign_in), &|_| {})
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn the_graph_backend_passes_the_conformance_suite() {
    let graph = spawn_simulator(
        &fresh_tenant(),
        SimSettings {
            limits: None,
            ..SimSettings::default()
        },
    )
    .await;
    conformance::run_all(&graph.app_directory().await).await;
}
