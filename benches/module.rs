//! Module figures over a 50,000-user local tenant, in real pwsh (benches/module.ps1 measures;
//! this harness prepares the tenant, the users' JSON file and a second bridge for the raw
//! Invoke-RestMethod baseline). Every figure is a ratio to a baseline measured in the same run.
//!
//! Run: cargo bench --bench module       (MSOL_BENCH_USERS changes the tenant's size; pwsh on PATH)

use std::path::Path;
use std::process::Command;

mod common;

use common::SECRET;
use msol_bridge::directory::local::Store;
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::demo::demo_tenant;
use serde_json::json;

fn main() {
    let users = common::users_from_env(50_000);
    let pwsh = msol_bridge::run::find_pwsh(None).expect("pwsh on PATH");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = tempfile::tempdir().unwrap();
    let tenant = folder.path().join("bench.db");
    let snapshot = demo_tenant(users, Timestamp::now());
    let users_file = folder.path().join("users.json");
    // The users as the bridge answers them, in one list answer: the floor's input.
    std::fs::write(
        &users_file,
        serde_json::to_vec(&json!({ "Value": snapshot.users.iter().filter(|u| u.soft_deletion_timestamp.is_none()).collect::<Vec<_>>() })).unwrap(),
    )
    .unwrap();
    Store::open(&tenant)
        .unwrap()
        .replace_all(&snapshot)
        .unwrap();

    // A second bridge on the same tenant, with a known secret, for the Invoke-RestMethod baseline.
    let (mut raw, raw_url) = common::start_bridge(&tenant);

    let module_path =
        msol_bridge::run::module_path_with(&root.join("powershell")).expect("PSModulePath");
    let status = Command::new(pwsh)
        .args(["-NoProfile", "-NonInteractive", "-File"])
        .arg(root.join("benches").join("module.ps1"))
        .env("MSOL_BRIDGE_EXE", env!("CARGO_BIN_EXE_msol-bridge"))
        .env("MSOL_BENCH_TENANT", &tenant)
        .env("MSOL_BENCH_USERS_FILE", &users_file)
        .env("MSOL_BENCH_RAW_URL", &raw_url)
        .env("MSOL_BENCH_RAW_SECRET", SECRET)
        .env("MSOL_BENCH_CACHE", folder.path().join("module-cache"))
        .env("PSModulePath", module_path)
        .env("NO_COLOR", "1")
        .status()
        .expect("pwsh runs");
    drop(raw.stdin.take());
    let _ = raw.wait();
    assert!(status.success(), "benches/module.ps1 failed");
}
