use crate::helpers::{fresh_tenant, spawn_bridge_with};
use msol_bridge::directory::conformance;

#[tokio::test]
async fn the_local_backend_passes_the_conformance_suite() {
    let mut tenant = fresh_tenant();
    conformance::add_samples(&mut tenant);
    let bridge = spawn_bridge_with(tenant).await;
    conformance::run_all(bridge.directory()).await;
    conformance::run_as_global_administrator(bridge.directory()).await;
}
