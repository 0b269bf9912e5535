//! What the benches share: a real `msol-bridge serve` on a tenant file with a known secret, and a
//! plain tenant of many users. Each bench uses part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use msol_bridge::domain::model::User;
use msol_bridge::domain::time::Timestamp;
use msol_bridge::tenant::TenantSnapshot;
use serde_json::Value;
use uuid::Uuid;

pub const SECRET: &str = "bench-secret-0123456789abcdef0123456789";

/// Starts the bridge on `tenant` and answers the process and the URL from its ready line.
pub fn start_bridge(tenant: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_msol-bridge"))
        .args(["serve", "--tenant", tenant.to_str().unwrap()])
        .env("MSOL_BRIDGE_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("starting msol-bridge serve");
    writeln!(child.stdin.as_mut().unwrap(), "{SECRET}").unwrap();
    let mut ready = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut ready)
        .unwrap();
    let ready: Value = serde_json::from_str(&ready).expect("a ready line");
    (child, ready["Url"].as_str().unwrap().to_string())
}

/// The tenant size a bench runs at: `MSOL_BENCH_USERS`, else the bench's own default.
pub fn users_from_env(default: usize) -> usize {
    std::env::var("MSOL_BENCH_USERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The user principal name of the plain tenant's user number `i`.
pub fn plain_upn(i: usize) -> String {
    format!("user{i:06}@contoso.onmicrosoft.com")
}

/// A new tenant (its first admin and the built-in roles) plus `users` users with nothing but a
/// name: MFA off, no methods.
pub fn plain_tenant(users: usize) -> TenantSnapshot {
    let mut snapshot = msol_bridge::tenant::new_tenant(
        "Contoso",
        "contoso.onmicrosoft.com",
        Uuid::new_v4(),
        Timestamp::now(),
    )
    .unwrap();
    snapshot.users.extend((0..users).map(|i| {
        let mut user = User::new(Uuid::new_v4(), plain_upn(i), Timestamp::now());
        user.display_name = Some(format!("User {i}"));
        user
    }));
    snapshot
}
