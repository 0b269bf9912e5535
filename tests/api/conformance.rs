use crate::helpers::spawn_bridge;

#[tokio::test]
async fn the_local_backend_passes_the_conformance_suite() {
    let bridge = spawn_bridge().await;
    msol_bridge::directory::conformance::run_all(bridge.directory()).await;
}
