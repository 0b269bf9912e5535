//! Bridge figures over a 50,000-user local tenant: single-user read and MFA-write latency over
//! loopback HTTP with connection reuse (against the bridge's own /health as the floor), the
//! throughput of listing every user through the paging API, and the bridge's peak memory while
//! listing, beside the same for a 5,000-user tenant (flat memory means the ratio stays near 1).
//!
//! Run: cargo bench --bench bridge        (MSOL_BENCH_USERS changes the large tenant's size)

use std::process::Child;
use std::time::{Duration, Instant};

mod common;

use common::SECRET;
use msol_bridge::directory::local::Store;
use msol_bridge::tenant::demo::demo_tenant;
use serde_json::{json, Value};

const SAMPLES: usize = 2000;

struct Served {
    child: Child,
    url: String,
    client: reqwest::Client,
}

fn serve(tenant: &std::path::Path) -> Served {
    let (child, url) = common::start_bridge(tenant);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(1)
        .build()
        .unwrap();
    Served { child, url, client }
}

impl Served {
    async fn post(&self, operation: &str, body: &Value) -> Value {
        let response = self
            .client
            .post(format!("{}/v1/{operation}", self.url))
            .bearer_auth(SECRET)
            .json(body)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "{operation} failed");
        response.json().await.unwrap()
    }

    async fn health(&self) {
        let response = self
            .client
            .get(format!("{}/health", self.url))
            .bearer_auth(SECRET)
            .send()
            .await
            .unwrap();
        response.bytes().await.unwrap();
    }

    /// The bridge's peak resident memory so far, in MiB (VmHWM).
    fn peak_mib(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let kib: f64 = status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN);
        kib / 1024.0
    }

    async fn list_all(&self) -> (usize, Duration) {
        let started = Instant::now();
        let mut body = json!({ "All": true, "PageSize": 500 });
        let mut count = 0;
        loop {
            let page = self.post("Get-MsolUser", &body).await;
            count += page["Value"].as_array().unwrap().len();
            match page.get("NextPageToken").and_then(Value::as_str) {
                Some(token) => body["PageToken"] = json!(token),
                None => return (count, started.elapsed()),
            }
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn summary(label: &str, mut samples: Vec<Duration>, floor_p50: Option<Duration>) -> Duration {
    samples.sort();
    let (p50, p99) = (percentile(&samples, 0.50), percentile(&samples, 0.99));
    let ratio = floor_p50
        .map(|f| {
            format!(
                "  ({:.2}x the /health floor)",
                p50.as_secs_f64() / f.as_secs_f64()
            )
        })
        .unwrap_or_default();
    println!(
        "{label:<34} p50 {:>7.1} µs   p99 {:>7.1} µs{ratio}",
        p50.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6
    );
    p50
}

fn tenant_file(folder: &std::path::Path, users: usize) -> (std::path::PathBuf, Vec<String>) {
    let started = Instant::now();
    let snapshot = demo_tenant(users, msol_bridge::domain::time::Timestamp::now());
    let path = folder.join(format!("tenant-{users}.db"));
    Store::open(&path).unwrap().replace_all(&snapshot).unwrap();
    let upns = snapshot
        .users
        .iter()
        .filter(|u| {
            u.soft_deletion_timestamp.is_none()
                && u.mobile_phone
                    .as_deref()
                    .is_some_and(|m| m.starts_with('+'))
        })
        .map(|u| u.user_principal_name.clone())
        .collect();
    println!(
        "built a {users}-user tenant in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    (path, upns)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` asks for the list of benchmarks; this one has no harness.
    }
    let large = common::users_from_env(50_000);
    let small = large / 10;
    let folder = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    let (small_path, _) = tenant_file(folder.path(), small);
    let (large_path, upns) = tenant_file(folder.path(), large);

    let small_bridge = serve(&small_path);
    let (small_count, small_time) = runtime.block_on(small_bridge.list_all());
    let small_peak = small_bridge.peak_mib();
    drop(small_bridge);

    let bridge = serve(&large_path);
    runtime.block_on(async {
        for _ in 0..200 {
            bridge.health().await;
        }
        let mut health = Vec::with_capacity(SAMPLES);
        for _ in 0..SAMPLES {
            let started = Instant::now();
            bridge.health().await;
            health.push(started.elapsed());
        }
        println!("\nlatency over loopback HTTP, one kept-alive connection, {SAMPLES} samples each, {large} users:");
        let floor = summary("GET /health (floor)", health, None);

        let mut reads = Vec::with_capacity(SAMPLES);
        for i in 0..SAMPLES {
            let body = json!({ "UserPrincipalName": upns[(i * 7919) % upns.len()] });
            let started = Instant::now();
            bridge.post("Get-MsolUser", &body).await;
            reads.push(started.elapsed());
        }
        summary("Get-MsolUser -UserPrincipalName", reads, Some(floor));

        let mut writes = Vec::with_capacity(SAMPLES);
        for i in 0..SAMPLES {
            let upn = &upns[(i * 104_729) % upns.len()];
            // Alternate between on and off so every call is a real write.
            let requirements = if i % 2 == 0 { json!([{ "RelyingParty": "*", "State": "Enforced" }]) } else { json!([]) };
            let body = json!({ "UserPrincipalName": upn, "StrongAuthenticationRequirements": requirements });
            let started = Instant::now();
            let answer = bridge.post("Set-MsolUser", &body).await;
            writes.push(started.elapsed());
            std::hint::black_box(answer);
        }
        summary("Set-MsolUser (MFA state, a write)", writes, Some(floor));
    });

    let before = bridge.peak_mib();
    let (count, elapsed) = runtime.block_on(bridge.list_all());
    let large_peak = bridge.peak_mib();
    println!("\nlisting every user through the paging API (Get-MsolUser -All, pages of 500):");
    println!("{small:>6}-user tenant: {small_count:>6} users in {:>6.2} s = {:>7.0} users/s, bridge peak memory {small_peak:>6.1} MiB", small_time.as_secs_f64(), small_count as f64 / small_time.as_secs_f64());
    println!("{large:>6}-user tenant: {count:>6} users in {:>6.2} s = {:>7.0} users/s, bridge peak memory {large_peak:>6.1} MiB (before listing {before:.1} MiB)", elapsed.as_secs_f64(), count as f64 / elapsed.as_secs_f64());
    println!(
        "peak memory ratio, {large} vs {small} users: {:.2}x for {:.0}x the users",
        large_peak / small_peak,
        large as f64 / small as f64
    );
}
