//! What both benches need: a real `msol-bridge serve` on a tenant file, with a known secret.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

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
