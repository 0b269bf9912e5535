//! Bulk work through the module over Graph, as old scripts do it, in real pwsh with the module and
//! the release bridge, against the in-process Graph simulator with 150 ms round trips and the
//! documented limits of a large tenant (8,000 resource units per 10 s; 3,000 writes per 150 s per
//! app and tenant). Figures, not pass or fail. Two phases, each in its own pwsh and bridge:
//!
//! - the MFA status report (`Get-MsolUser -All | Select-Object ... | Export-Csv`): its time against
//!   the resource-unit floor;
//! - enabling per-user MFA for every user (`Get-MsolUser -All | Set-MsolUser
//!   -StrongAuthenticationRequirements $mfa`): its time against the write-quota floor (the bucket's
//!   3,000 writes at once, the rest at 20 per second), the 429s the simulator sent, and writes lost
//!   or doubled (from the simulator's state and its count of writes per path);
//!
//! and for each, the bridge's CPU time and memory per 10,000 users.
//!
//! Run: cargo bench --bench graph_pipeline   (MSOL_BENCH_USERS sets N; default 6,000; pwsh on PATH)

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use graph_sim::throttle::Limits;
use graph_sim::{GraphSimulator, SimCounters, SimHandle, SimSettings};
use msol_bridge::graph_seed::simulated_tenant;
use serde_json::Value;

const LATENCY: Duration = Duration::from_millis(150);

/// What one phase measured: the script's figures, the simulator's counters around it, and the
/// bridge's resident memory sampled through the run.
struct Phase {
    figures: Value,
    before: SimCounters,
    after: SimCounters,
    /// (seconds since the script started, the bridge's resident KiB), every 250 ms.
    memory: Vec<(f64, u64)>,
}

impl Phase {
    fn seconds(&self) -> f64 {
        self.figures["Seconds"].as_f64().expect("Seconds")
    }

    /// The bridge's CPU seconds per 10,000 users.
    fn cpu_per_10k(&self, users: usize) -> f64 {
        self.figures["BridgeCpuSeconds"].as_f64().expect("cpu") * 10_000.0 / users as f64
    }

    /// The bridge's peak resident memory over the first half of the run and over the whole run, in
    /// MiB, and the growth between them per 10,000 users (the users pass through at a steady rate,
    /// so a bridge that streams reaches its peak early and the growth is near zero).
    fn memory(&self, users: usize) -> (f64, f64, f64) {
        let end = self.memory.last().map_or(0.0, |(t, _)| *t);
        let peak_until = |until: f64| {
            self.memory
                .iter()
                .filter(|(t, _)| *t <= until)
                .map(|(_, kib)| *kib as f64 / 1024.0)
                .fold(0.0, f64::max)
        };
        let (half, peak) = (peak_until(end / 2.0), peak_until(end));
        let growth = (peak - half) / (0.5 * users as f64) * 10_000.0;
        (half, peak, growth)
    }

    fn throttled(&self) -> u64 {
        self.after.throttled - self.before.throttled
    }

    fn print_bridge(&self, users: usize) {
        let (half, peak, growth) = self.memory(users);
        println!(
            "  bridge CPU                          {:>8.2} s per 10,000 users",
            self.cpu_per_10k(users)
        );
        println!("  bridge memory                       {growth:>8.1} MiB per 10,000 users (peak {half:.1} MiB over the first half, {peak:.1} MiB in all)");
    }
}

/// The resident KiB of the `msol-bridge` process whose parent is `parent`, if it runs.
fn bridge_resident_kib(parent: u32) -> Option<u64> {
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(status) = std::fs::read_to_string(entry.path().join("status")) else {
            continue;
        };
        let field = |name: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(name))
                .map(str::trim)
        };
        if field("Name:") == Some("msol-bridge") && field("PPid:") == Some(&parent.to_string()) {
            return field("VmRSS:")?.trim_end_matches("kB").trim().parse().ok();
        }
    }
    None
}

struct Bench {
    pwsh: PathBuf,
    root: PathBuf,
    url: String,
    sim: SimHandle,
    folder: tempfile::TempDir,
}

impl Bench {
    async fn run(&self, phase: &'static str) -> Phase {
        let module_path = msol_bridge::run::module_path_with(&self.root.join("powershell"))
            .expect("PSModulePath");
        let mut command = Command::new(&self.pwsh);
        command
            .args(["-NoProfile", "-NonInteractive", "-File"])
            .arg(self.root.join("benches").join("graph_pipeline.ps1"))
            .args(["-Phase", phase, "-ReportPath"])
            .arg(self.folder.path().join("report.csv"))
            .env("MSOL_BRIDGE_EXE", env!("CARGO_BIN_EXE_msol-bridge"))
            .env("MSOL_BRIDGE_BACKEND", "graph")
            .env("MSOL_BRIDGE_GRAPH_URL", &self.url)
            .env("MSOL_BRIDGE_LOGIN_URL", &self.url)
            .env("MSOL_BRIDGE_TENANT_ID", "contoso.onmicrosoft.com")
            .env(
                "MSOL_BRIDGE_MODULE_CACHE",
                self.folder.path().join("module-cache"),
            )
            .env("PSModulePath", module_path)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let before = self.sim.counters();
        let (output, memory) = tokio::task::spawn_blocking(move || {
            let child = command.spawn().expect("pwsh runs");
            let pid = child.id();
            let started = Instant::now();
            let waited = std::thread::spawn(move || child.wait_with_output().expect("pwsh ends"));
            let mut memory = Vec::new();
            while !waited.is_finished() {
                if let Some(kib) = bridge_resident_kib(pid) {
                    memory.push((started.elapsed().as_secs_f64(), kib));
                }
                std::thread::sleep(Duration::from_millis(250));
            }
            (waited.join().expect("pwsh ends"), memory)
        })
        .await
        .unwrap();
        let after = self.sim.counters();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "benches/graph_pipeline.ps1 -Phase {phase} failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let figures = stdout
            .lines()
            .rev()
            .find_map(|line| serde_json::from_str(line).ok())
            .expect("the script's JSON line");
        Phase {
            figures,
            before,
            after,
            memory,
        }
    }
}

#[tokio::main]
async fn main() {
    let users = common::users_from_env(6_000);
    let snapshot = common::plain_tenant(users);
    let limits = Limits::DOCUMENTED;
    let simulator = GraphSimulator::bind(
        "127.0.0.1:0".parse().unwrap(),
        simulated_tenant(&snapshot),
        SimSettings {
            auto_approve: true,
            latency: LATENCY,
            limits: Some(limits),
            ..SimSettings::default()
        },
    )
    .await
    .unwrap();
    let bench = Bench {
        pwsh: msol_bridge::run::find_pwsh(None).expect("pwsh on PATH"),
        root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        url: simulator.url(),
        sim: simulator.handle(),
        folder: tempfile::tempdir().unwrap(),
    };
    tokio::spawn(simulator.run_until(std::future::pending()));
    let all = users + 1; // and the tenant's first admin
    println!("Bulk work through the module over Graph: {all} users, {LATENCY:?} round trips, documented large-tenant limits");

    // The report: its floor is the resource-unit bound (a full bucket at once, then its refill) or
    // one round trip per page of 999, whichever is larger.
    let [_, _, bucket] = limits.read_units_per_10s;
    let read_floor = |phase: &Phase| {
        let units = phase.after.resource_units - phase.before.resource_units;
        (units - bucket).max(0.0) / (bucket / 10.0)
    };
    let report = bench.run("Report").await;
    let units = report.after.resource_units - report.before.resource_units;
    let pages = all.div_ceil(999) as f64;
    let report_floor = read_floor(&report).max(pages * LATENCY.as_secs_f64());
    println!(
        "MFA status report (Get-MsolUser -All | Select-Object ... | Export-Csv), {} rows",
        report.figures["Objects"]
    );
    println!(
        "  report                              {:>8.1} s   ({units:.0} resource units, {} 429s)",
        report.seconds(),
        report.throttled()
    );
    println!(
        "  resource-unit floor                 {report_floor:>8.1} s   ratio {:.3}x (target within 1.10x)",
        report.seconds() / report_floor
    );
    report.print_bridge(all);

    // The resource-unit bucket refills (10 s), so that both phases start from full buckets.
    tokio::time::sleep(Duration::from_secs(10)).await;

    // Enabling MFA: its floor is the write quota (the bucket's writes at once, then its refill), or
    // the resource units of the reads around the writes, whichever is larger.
    let enable = bench.run("Enable").await;
    let lost = bench.sim.with_tenant(|tenant| {
        tenant
            .users
            .iter()
            .filter(|u| u.auth.per_user_mfa_state == "disabled")
            .count()
    });
    let requirement_writes: Vec<u64> = enable
        .after
        .writes
        .iter()
        .filter(|(path, _)| path.ends_with("/authentication/requirements"))
        .map(|(path, count)| *count - enable.before.writes.get(path).copied().unwrap_or(0))
        .collect();
    let doubled = requirement_writes
        .iter()
        .filter(|count| **count > 1)
        .count();
    let written: u64 = requirement_writes.iter().sum();
    let capacity = limits.app_writes_per_150s;
    let write_floor = (written as f64 - capacity).max(0.0) / (capacity / 150.0);
    let enable_floor = write_floor.max(read_floor(&enable));
    let round_trips = enable.after.round_trips() - enable.before.round_trips();
    let graph_requests = enable.after.requests - enable.before.requests;
    println!("Enabling per-user MFA (Get-MsolUser -All | Set-MsolUser -StrongAuthenticationRequirements $mfa)");
    println!(
        "  pipeline                            {:>8.1} s   ({written} MFA writes, {} errors)",
        enable.seconds(),
        enable.figures["Errors"]
    );
    println!(
        "  write-quota floor                   {enable_floor:>8.1} s   ratio {:.3}x (target within 1.05x){}",
        enable.seconds() / enable_floor,
        if enable_floor > write_floor { "; bound by resource units at this scale" } else { "" }
    );
    println!(
        "  429s received                       {:>8}",
        enable.throttled()
    );
    println!("  writes lost / doubled               {lost:>8} / {doubled} (target 0 / 0)");
    println!("  Graph requests / HTTP round trips   {graph_requests:>8} / {round_trips}");
    enable.print_bridge(all);
    if let Some(first) = enable.figures["FirstError"].as_str() {
        println!("  first error: {first}");
    }
}
