//! The MFA report over Graph: every user with every StrongAuthentication* property, as
//! `Get-MsolUser -All` asks the Graph backend for it, against the simulator with 150 ms round trips
//! and the documented limits of a large tenant. Figures, not pass or fail.
//!
//! Printed: the time against the resource-unit floor (the fewest seconds the identity service's
//! bucket allows for the resource units the report needs), and against a sequential per-user loop
//! of the same three Graph calls (measured on a sample in the same run, scaled to every user).
//!
//! Run: cargo bench --bench graph   (MSOL_BENCH_USERS sets the tenant size; default 20,000)

mod common;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use graph_sim::throttle::Limits;
use graph_sim::{GraphSimulator, SimSettings};
use msol_bridge::directory::{conformance, UserQuery};
use msol_bridge::domain::requests::UserFilter;
use msol_bridge::graph::client::{Call, RetryPolicy, Version};
use msol_bridge::graph::cloud::Endpoints;
use msol_bridge::graph::{self, GraphSettings, SignIn};
use msol_bridge::graph_seed::simulated_tenant;
use msol_bridge::secret::Secret;

const LATENCY: Duration = Duration::from_millis(150);
const SAMPLE: usize = 20;

#[tokio::main]
async fn main() {
    let users = common::users_from_env(20_000);
    let snapshot = common::plain_tenant(users);
    let settings = SimSettings {
        apps: HashMap::from([("bench-app".to_string(), "bench-secret".to_string())]),
        latency: LATENCY,
        limits: Some(Limits::DOCUMENTED),
        ..SimSettings::default()
    };
    let simulator = GraphSimulator::bind(
        "127.0.0.1:0".parse().unwrap(),
        simulated_tenant(&snapshot),
        settings,
    )
    .await
    .unwrap();
    let url = simulator.url();
    let sim = simulator.handle();
    tokio::spawn(simulator.run_until(std::future::pending()));
    let directory = graph::connect(
        GraphSettings {
            endpoints: Endpoints {
                login: url.clone(),
                graph: url.clone(),
            },
            tenant: "contoso.onmicrosoft.com".to_string(),
            sign_in: SignIn::ClientSecret {
                client_id: "bench-app".into(),
                secret: Secret::new("bench-secret".into()),
            },
            retry: RetryPolicy::default(),
        },
        &|_| {},
    )
    .await
    .unwrap();

    // The report: every page, every user's authentication facts.
    let before = sim.counters();
    let started = Instant::now();
    let query = UserQuery {
        filter: UserFilter::default(),
        strong_authentication: None,
        role_object_id: None,
    };
    let listed = conformance::list_everything(&directory, &query, 1_000)
        .await
        .0
        .len();
    let report = started.elapsed();
    let after = sim.counters();
    let units = after.resource_units - before.resource_units;
    let throttled = after.throttled - before.throttled;

    // The floor is the larger of two lower bounds: the bucket (8,000 RU for a large tenant, spent at
    // once, the rest at 800 RU/s) and one round trip per page (pages are followed in order).
    let [_, _, large] = Limits::DOCUMENTED.read_units_per_10s;
    let rate = large / 10.0;
    let pages = listed.div_ceil(999) as f64;
    let floor = ((units - large).max(0.0) / rate).max(pages * LATENCY.as_secs_f64());

    // The naive translation: per user, its three calls one after another.
    let client = directory.client();
    let sample_started = Instant::now();
    for i in 0..SAMPLE {
        let upn = common::plain_upn(i);
        for segment in ["requirements", "methods", "signInPreferences"] {
            client
                .call(&Call::get(
                    Version::Beta,
                    format!("/users/{upn}/authentication/{segment}"),
                ))
                .await
                .unwrap();
        }
    }
    let per_user = sample_started.elapsed().as_secs_f64() / SAMPLE as f64;
    let sequential = per_user * listed as f64;

    println!("MFA report over Graph: {listed} users, {LATENCY:?} round trips, documented large-tenant limits ({large} RU per 10 s)");
    println!("  report                     {:>9.1} s   ({units:.0} resource units, {throttled} throttled requests)", report.as_secs_f64());
    println!(
        "  resource-unit floor        {floor:>9.1} s   ratio {:.2}x (target within 1.10x)",
        report.as_secs_f64() / floor
    );
    println!("  sequential per-user loop   {sequential:>9.1} s   ({per_user:.3} s per user measured on {SAMPLE}; report is {:.0}x faster, target 50x)", sequential / report.as_secs_f64());
}
