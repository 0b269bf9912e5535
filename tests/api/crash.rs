//! SIGKILL at random points during piped bulk changes on the local backend: after each kill the
//! tenant file passes `PRAGMA integrity_check`, every acknowledged write is there, and nothing is
//! doubled. The seed is printed, so a failing run can be repeated with MSOL_CRASH_SEED.

#![cfg(unix)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::SECRET;

const USERS: usize = 120;
const WRITERS: usize = 4;
const ROUNDS: u64 = 4;

/// A small deterministic generator (xorshift), so the kill points follow the seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn start_bridge(tenant: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_msol-bridge"))
        .args(["serve", "--tenant", tenant.to_str().unwrap()])
        .env("MSOL_BRIDGE_LOG", "warn")
        .env_remove("MSOL_BRIDGE_SECRET")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    writeln!(child.stdin.as_mut().unwrap(), "{SECRET}").unwrap();
    let mut ready = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut ready)
        .unwrap();
    let ready: Value = serde_json::from_str(&ready).unwrap();
    (child, ready["Url"].as_str().unwrap().to_string())
}

fn upn(index: usize) -> String {
    format!("crash{index:03}@contoso.onmicrosoft.com")
}

/// What a writer sent for each user: acknowledged values, and the one in flight when it stopped.
#[derive(Default)]
struct Ledger {
    acknowledged: HashMap<String, String>,
    in_flight: HashMap<String, String>,
    created: Vec<String>,
}

/// Sends batches of Set-MsolUser for its users (each its own city per round and step), and a
/// New-MsolUser batch now and then, until the bridge stops answering.
async fn write_until_killed(url: String, writer: usize, round: u64) -> Ledger {
    let client = reqwest::Client::new();
    let mut ledger = Ledger::default();
    let users: Vec<String> = (0..USERS)
        .filter(|i| i % WRITERS == writer)
        .map(upn)
        .collect();
    for step in 0.. {
        let chunk: Vec<&String> = users.iter().cycle().skip(step * 5).take(5).collect();
        let city = format!("r{round}-w{writer}-s{step}");
        let requests: Vec<Value> = chunk
            .iter()
            .map(|u| json!({ "UserPrincipalName": u, "City": city }))
            .collect();
        for u in &chunk {
            ledger.in_flight.insert(u.to_string(), city.clone());
        }
        let new_user = format!("new-r{round}-w{writer}-s{step}@contoso.onmicrosoft.com");
        let sent = client
            .post(format!("{url}/v1/Set-MsolUser/batch"))
            .bearer_auth(SECRET)
            .json(&json!({ "Requests": requests }))
            .send()
            .await;
        let Ok(response) = sent else { break };
        let Ok(answer) = response.json::<Value>().await else {
            break;
        };
        for (u, item) in chunk.iter().zip(answer["Responses"].as_array().unwrap()) {
            assert_eq!(item["Status"], 200, "{item}");
            ledger.acknowledged.insert(u.to_string(), city.clone());
            ledger.in_flight.remove(*u);
        }
        if step % 3 == 0 {
            let created = client
                .post(format!("{url}/v1/New-MsolUser/batch"))
                .bearer_auth(SECRET)
                .json(&json!({ "Requests": [{ "UserPrincipalName": new_user, "DisplayName": "New" }] }))
                .send()
                .await;
            let Ok(response) = created else { break };
            let Ok(answer) = response.json::<Value>().await else {
                break;
            };
            assert_eq!(answer["Responses"][0]["Status"], 200, "{answer}");
            ledger.created.push(new_user);
        }
    }
    ledger
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigkill_during_piped_bulk_changes_loses_no_acknowledged_write() {
    let seed = std::env::var("MSOL_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("MSOL_CRASH_SEED={seed}");
    let mut random = Random(seed);
    let folder = tempfile::tempdir().unwrap();
    let tenant = folder.path().join("tenant.db");
    let mut snapshot = crate::helpers::fresh_tenant();
    snapshot.users.extend((0..USERS).map(|i| {
        let mut user = msol_bridge::domain::model::User::new(
            uuid::Uuid::new_v4(),
            upn(i),
            msol_bridge::domain::time::Timestamp::now(),
        );
        user.display_name = Some(format!("Crash {i}"));
        user
    }));
    msol_bridge::directory::local::Store::open(&tenant)
        .unwrap()
        .replace_all(&snapshot)
        .unwrap();

    let mut expected: HashMap<String, String> = HashMap::new();
    let mut created: Vec<String> = Vec::new();
    for round in 0..ROUNDS {
        let (mut child, url) = start_bridge(&tenant);
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| tokio::spawn(write_until_killed(url.clone(), w, round)))
            .collect();
        tokio::time::sleep(Duration::from_millis(100 + random.next() % 900)).await;
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let mut maybe: HashMap<String, String> = HashMap::new();
        for writer in writers {
            let ledger = writer.await.unwrap();
            expected.extend(ledger.acknowledged);
            maybe.extend(ledger.in_flight);
            created.extend(ledger.created);
        }

        let conn = rusqlite::Connection::open(&tenant).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "round {round}, seed {seed}");
        drop(conn);
        let store = msol_bridge::directory::local::Store::open(&tenant).unwrap();
        let users = store.export().unwrap().users;
        let mut by_upn: HashMap<String, usize> = HashMap::new();
        for user in &users {
            *by_upn
                .entry(user.user_principal_name.to_lowercase())
                .or_default() += 1;
        }
        assert!(
            by_upn.values().all(|&count| count == 1),
            "a user is doubled (seed {seed})"
        );
        for upn in &created {
            assert_eq!(
                by_upn.get(upn.as_str()),
                Some(&1),
                "{upn} was acknowledged (seed {seed})"
            );
        }
        for user in &users {
            let upn = user.user_principal_name.to_lowercase();
            let Some(acknowledged) = expected.get(&upn) else {
                continue;
            };
            let city = user.city.clone().unwrap_or_default();
            // The last acknowledged value, or the one in flight at the kill (then it is the latest).
            let in_flight = maybe.get(&upn);
            assert!(
                &city == acknowledged || Some(&city) == in_flight,
                "{upn}: {city} is neither the acknowledged {acknowledged} nor the in-flight {in_flight:?} (round {round}, seed {seed})"
            );
            if Some(&city) == in_flight {
                expected.insert(upn, city);
            }
        }
    }
    assert!(
        !expected.is_empty(),
        "some writes were acknowledged before the kills"
    );
}
