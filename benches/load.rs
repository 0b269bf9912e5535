//! Load figures: one bridge over a 5,000-user local tenant, driven first by an HTTP load client
//! alone (the baseline), then by the same client together with several pwsh sessions that call it
//! through the module's own client (connection proofs, pooled connections). Each phase alternates
//! single-user reads and writes and prints throughput, p50/p99 latency and errors per client, and
//! the mixed phase's throughput against the baseline measured in the same run.
//!
//! Run: cargo bench --bench load   (needs pwsh on PATH; MSOL_BENCH_USERS, MSOL_BENCH_SESSIONS)

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod common;

use common::SECRET;
use msol_bridge::directory::local::Store;
use serde_json::{json, Value};

const PHASE: Duration = Duration::from_secs(10);
const HTTP_TASKS: usize = 16;

struct Figures {
    latencies: Vec<u64>,
    errors: usize,
}

impl Figures {
    fn print(&self, who: &str, seconds: f64) {
        let mut sorted = self.latencies.clone();
        sorted.sort_unstable();
        let at = |q: f64| {
            sorted
                .get(((sorted.len() as f64 - 1.0) * q) as usize)
                .copied()
                .unwrap_or(0)
        };
        println!(
            "  {who:<28} {:>8.0} req/s  p50 {:>6} µs  p99 {:>7} µs  errors {}",
            sorted.len() as f64 / seconds,
            at(0.50),
            at(0.99),
            self.errors
        );
    }

    fn rate(&self, seconds: f64) -> f64 {
        self.latencies.len() as f64 / seconds
    }
}

/// HTTP_TASKS concurrent callers, each alternating a read and a write, for `PHASE`.
async fn http_load(url: Arc<String>, users: usize) -> Figures {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + PHASE;
    let tasks: Vec<_> = (0..HTTP_TASKS)
        .map(|task| {
            let (client, url) = (client.clone(), Arc::clone(&url));
            tokio::spawn(async move {
                let mut figures = Figures {
                    latencies: Vec::new(),
                    errors: 0,
                };
                let mut i = 0usize;
                while Instant::now() < deadline {
                    let upn = common::plain_upn((task * 104_729 + i) % users);
                    let (operation, body) = if i % 2 == 0 {
                        ("Get-MsolUser", json!({ "UserPrincipalName": upn }))
                    } else {
                        (
                            "Set-MsolUser",
                            json!({ "UserPrincipalName": upn, "City": format!("http-{task}-{i}") }),
                        )
                    };
                    let started = Instant::now();
                    let ok = client
                        .post(format!("{url}/v1/{operation}"))
                        .bearer_auth(SECRET)
                        .json(&body)
                        .send()
                        .await
                        .map(|r| r.status().is_success())
                        .unwrap_or(false);
                    figures.latencies.push(started.elapsed().as_micros() as u64);
                    figures.errors += usize::from(!ok);
                    i += 1;
                }
                figures
            })
        })
        .collect();
    let mut all = Figures {
        latencies: Vec::new(),
        errors: 0,
    };
    for task in tasks {
        let figures = task.await.unwrap();
        all.latencies.extend(figures.latencies);
        all.errors += figures.errors;
    }
    all
}

/// `sessions` pwsh processes running benches/load.ps1 against the bridge at once.
fn pwsh_sessions(url: &str, sessions: usize, users: usize) -> Vec<std::process::Child> {
    let root = env!("CARGO_MANIFEST_DIR");
    let module_path =
        msol_bridge::run::module_path_with(&std::path::Path::new(root).join("powershell"))
            .expect("PSModulePath");
    (0..sessions)
        .map(|session| {
            Command::new("pwsh")
                .args([
                    "-NoProfile",
                    "-NonInteractive",
                    "-File",
                    &format!("{root}/benches/load.ps1"),
                ])
                .args([
                    "-Url",
                    url,
                    "-Secret",
                    SECRET,
                    "-Seconds",
                    &PHASE.as_secs().to_string(),
                ])
                .args([
                    "-Session",
                    &session.to_string(),
                    "-Users",
                    &users.to_string(),
                ])
                .env("PSModulePath", &module_path)
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("pwsh on PATH")
        })
        .collect()
}

fn main() {
    let users = common::users_from_env(5_000);
    let sessions: usize = std::env::var("MSOL_BENCH_SESSIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let folder = tempfile::tempdir().unwrap();
    let tenant = folder.path().join("tenant.db");
    Store::open(&tenant)
        .unwrap()
        .replace_all(&common::plain_tenant(users))
        .unwrap();
    let (mut bridge, url) = common::start_bridge(&tenant);
    let url = Arc::new(url);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let seconds = PHASE.as_secs_f64();
    println!("load: one bridge, {users} users, {HTTP_TASKS} HTTP callers, {sessions} pwsh sessions, {} s per phase", PHASE.as_secs());

    println!("baseline: the HTTP load client alone");
    let baseline = runtime.block_on(http_load(Arc::clone(&url), users));
    baseline.print("HTTP client", seconds);

    println!("mixed: the HTTP load client and {sessions} pwsh sessions at once");
    let children = pwsh_sessions(&url, sessions, users);
    // The sessions need a moment to start pwsh and import the module; the HTTP phase overlaps.
    std::thread::sleep(Duration::from_secs(2));
    let mixed = runtime.block_on(http_load(Arc::clone(&url), users));
    let mut module = Figures {
        latencies: Vec::new(),
        errors: 0,
    };
    for child in children {
        let output = child.wait_with_output().unwrap();
        let line = String::from_utf8_lossy(&output.stdout);
        let answer: Value = serde_json::from_str(line.trim())
            .unwrap_or_else(|_| panic!("a pwsh session printed {line}"));
        module.latencies.extend(
            answer["Latencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_u64),
        );
        module.errors += answer["Errors"].as_u64().unwrap_or(0) as usize;
    }
    mixed.print("HTTP client", seconds);
    module.print(&format!("{sessions} pwsh sessions (module)"), seconds);
    println!(
        "  total {:.0} req/s = {:.2}x the baseline; errors {}",
        mixed.rate(seconds) + module.rate(seconds),
        (mixed.rate(seconds) + module.rate(seconds)) / baseline.rate(seconds),
        mixed.errors + module.errors
    );
    let _ = bridge.kill();
}
