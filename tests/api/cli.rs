//! The real binary, through its command line.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::SECRET;

fn bridge_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_msol-bridge"));
    command
        .env_remove("MSOL_BRIDGE_LOCAL_TENANT")
        .env_remove("MSOL_BRIDGE_SECRET")
        .env("MSOL_BRIDGE_LOG", "info");
    command
}

fn run(args: &[&str]) -> std::process::Output {
    let output = bridge_command().args(args).output().unwrap();
    println!(
        "msol-bridge {args:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn init_creates_a_private_tenant_and_refuses_to_overwrite_it() {
    let folder = tempfile::tempdir().unwrap();
    let tenant = folder.path().join("nested/fabrikam.db");
    assert!(run(&[
        "tenant",
        "init",
        "--tenant",
        path(&tenant),
        "--name",
        "Fabrikam",
        "--domain",
        "fabrikam.onmicrosoft.com"
    ])
    .status
    .success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&tenant).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let again = run(&["tenant", "init", "--tenant", path(&tenant)]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let bad_domain = run(&[
        "tenant",
        "init",
        "--tenant",
        path(&folder.path().join("x.db")),
        "--domain",
        "fabrikam.com",
    ]);
    assert!(String::from_utf8_lossy(&bad_domain.stderr).contains("onmicrosoft.com"));
}

#[test]
fn export_then_import_round_trips_a_tenant_exactly() {
    let folder = tempfile::tempdir().unwrap();
    let (first, second) = (folder.path().join("a.db"), folder.path().join("b.db"));
    let (export_a, export_b) = (folder.path().join("a.json"), folder.path().join("b.json"));
    assert!(
        run(&["tenant", "demo", "--tenant", path(&first), "--users", "120"])
            .status
            .success()
    );
    assert!(run(&[
        "tenant",
        "export",
        path(&export_a),
        "--tenant",
        path(&first)
    ])
    .status
    .success());
    assert!(run(&[
        "tenant",
        "import",
        path(&export_a),
        "--tenant",
        path(&second)
    ])
    .status
    .success());
    assert!(run(&[
        "tenant",
        "export",
        path(&export_b),
        "--tenant",
        path(&second)
    ])
    .status
    .success());
    let (a, b) = (
        std::fs::read_to_string(&export_a).unwrap(),
        std::fs::read_to_string(&export_b).unwrap(),
    );
    assert!(a.contains("adm.alex.wilber@contoso.com"));
    assert_eq!(a, b);
}

#[test]
fn import_names_what_is_wrong_and_keeps_the_tenant() {
    let folder = tempfile::tempdir().unwrap();
    let tenant = folder.path().join("t.db");
    let file = folder.path().join("t.json");
    assert!(run(&["tenant", "init", "--tenant", path(&tenant)])
        .status
        .success());
    assert!(
        run(&["tenant", "export", path(&file), "--tenant", path(&tenant)])
            .status
            .success()
    );
    let mut snapshot: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    snapshot["Users"] = serde_json::json!([{ "ObjectId": uuid::Uuid::new_v4(), "UserPrincipalName": "x@contoso.onmicrosoft.com",
        "WhenCreated": "2024-01-01T00:00:00Z", "StrongAuthenticationMethods": [{ "MethodType": "Carrier pigeon" }] }]);
    std::fs::write(&file, snapshot.to_string()).unwrap();
    let refused = run(&[
        "tenant",
        "import",
        path(&file),
        "--tenant",
        path(&tenant),
        "--force",
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr)
        .contains("/Users/0/StrongAuthenticationMethods/0/MethodType"));
    snapshot["Users"][0]["UserPrincipalName"] = serde_json::json!("x@fabrikam.com");
    snapshot["Users"][0]["StrongAuthenticationMethods"] = serde_json::json!([]);
    std::fs::write(&file, snapshot.to_string()).unwrap();
    let unverified = run(&[
        "tenant",
        "import",
        path(&file),
        "--tenant",
        path(&tenant),
        "--force",
    ]);
    assert!(String::from_utf8_lossy(&unverified.stderr).contains("not in a verified domain"));
}

#[test]
fn schemas_prints_the_openapi_document_and_each_request_schema() {
    let openapi = run(&["schemas"]);
    let document: serde_json::Value = serde_json::from_slice(&openapi.stdout).unwrap();
    assert_eq!(document["openapi"], "3.0.3");
    let set_user: serde_json::Value =
        serde_json::from_slice(&run(&["schemas", "set-msoluser"]).stdout).unwrap();
    assert!(set_user["properties"]["StrongAuthenticationRequirements"].is_object());
    let unknown = run(&["schemas", "Get-Nothing"]);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Set-MsolUser"));
}

#[test]
fn serve_announces_itself_answers_and_exits_when_stdin_closes() {
    let folder = tempfile::tempdir().unwrap();
    let tenant = folder.path().join("served.db");
    let mut child = bridge_command()
        .args(["serve", "--tenant", path(&tenant)])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{SECRET}").unwrap();
    let mut ready = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut ready)
        .unwrap();
    let ready: serde_json::Value = serde_json::from_str(&ready).unwrap();
    assert_eq!(ready["Event"], "Ready");
    let url = ready["Url"].as_str().unwrap().to_string();
    assert!(url.starts_with("http://127.0.0.1:"));

    let company = company_information(&url);
    assert_eq!(
        company["InitialDomain"], "contoso.onmicrosoft.com",
        "a missing tenant file gets a new tenant"
    );

    drop(stdin);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the bridge should exit when stdin closes"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    let mut log = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut log).unwrap();
    assert!(log.contains("stdin closed"));
    assert!(!log.contains(SECRET), "the secret never reaches the log");
}

#[test]
fn serve_refuses_a_short_secret_and_a_public_address() {
    let folder = tempfile::tempdir().unwrap();
    let tenant = folder.path().join("t.db");
    let short = bridge_command()
        .args(["serve", "--tenant", path(&tenant), "--secret-from", "env"])
        .env("MSOL_BRIDGE_SECRET", "short")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 32"));
    let public = bridge_command()
        .args([
            "serve",
            "--tenant",
            path(&tenant),
            "--secret-from",
            "env",
            "--listen",
            "0.0.0.0:0",
        ])
        .env("MSOL_BRIDGE_SECRET", SECRET)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&public.stderr);
    assert!(stderr.contains("loopback"));
    assert!(!stderr.contains(SECRET));
}

#[test]
fn run_without_pwsh_says_so_and_how_to_install_powershell() {
    let folder = tempfile::tempdir().unwrap();
    let script = folder.path().join("script.ps1");
    std::fs::write(&script, "Connect-MsolService\n").unwrap();
    let output = bridge_command()
        .args(["run", path(&script)])
        .env("PATH", folder.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("pwsh") && stderr.contains("not on PATH"),
        "{stderr}"
    );
    assert!(
        stderr.contains(msol_bridge::run::INSTALL_POWERSHELL),
        "{stderr}"
    );
    assert!(stderr.contains("--pwsh"), "{stderr}");
}

#[test]
fn run_refuses_a_missing_script() {
    let output = run(&["run", "/no/such/script.ps1"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/script.ps1 does not exist"));
}

/// Get-MsolCompanyInformation from a running bridge.
fn company_information(url: &str) -> serde_json::Value {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        reqwest::Client::new()
            .post(format!("{url}/v1/Get-MsolCompanyInformation"))
            .bearer_auth(SECRET)
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    })
}

fn read_event(reader: &mut impl BufRead) -> serde_json::Value {
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    serde_json::from_str(&line).unwrap_or_else(|_| panic!("a JSON event line, not {line:?}"))
}

#[test]
fn serve_signs_in_to_the_graph_simulator_with_an_app_secret_read_from_stdin() {
    const CLIENT_SECRET: &str = "app-secret-from-the-runbook-credential";
    let mut simulator = bridge_command()
        .args([
            "graph-sim",
            "--app-id",
            "11111111-2222-3333-4444-555555555555",
        ])
        .env("MSOL_BRIDGE_SIM_CLIENT_SECRET", CLIENT_SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let sim_ready = read_event(&mut BufReader::new(simulator.stdout.take().unwrap()));
    assert_eq!(sim_ready["Event"], "Ready");
    let sim_url = sim_ready["Url"].as_str().unwrap().to_string();

    let mut bridge = bridge_command()
        .args(["serve", "--backend", "graph", "--sign-in", "client-secret"])
        .args([
            "--client-id",
            "11111111-2222-3333-4444-555555555555",
            "--tenant-id",
            "contoso.onmicrosoft.com",
        ])
        .env("MSOL_BRIDGE_GRAPH_URL", &sim_url)
        .env("MSOL_BRIDGE_LOGIN_URL", &sim_url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = bridge.stdin.take().unwrap();
    writeln!(stdin, "{SECRET}\n{CLIENT_SECRET}").unwrap();
    let ready = read_event(&mut BufReader::new(bridge.stdout.take().unwrap()));
    assert_eq!(
        (ready["Event"].as_str(), ready["Backend"].as_str()),
        (Some("Ready"), Some("graph"))
    );
    let url = ready["Url"].as_str().unwrap().to_string();
    let company = company_information(&url);
    assert_eq!(company["InitialDomain"], "contoso.onmicrosoft.com");
    drop(stdin);
    bridge.wait().unwrap();
    let mut log = String::new();
    std::io::Read::read_to_string(&mut bridge.stderr.take().unwrap(), &mut log).unwrap();
    assert!(
        !log.contains(CLIENT_SECRET) && !log.contains(SECRET),
        "no secret in the log: {log}"
    );
    simulator.kill().unwrap();
    simulator.wait().unwrap();
}

#[test]
fn serve_refuses_a_closed_cloud_and_a_client_secret_without_its_tenant() {
    let output = bridge_command()
        .args([
            "serve",
            "--backend",
            "graph",
            "--secret-from",
            "env",
            "--azure-environment",
            "AzureGermanyCloud",
        ])
        .env("MSOL_BRIDGE_SECRET", SECRET)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success() && stderr.contains("closed"),
        "{stderr}"
    );
    let output = bridge_command()
        .args([
            "serve",
            "--backend",
            "graph",
            "--secret-from",
            "env",
            "--sign-in",
            "client-secret",
            "--client-id",
            "11111111-2222-3333-4444-555555555555",
        ])
        .env("MSOL_BRIDGE_SECRET", SECRET)
        .env("MSOL_BRIDGE_SIGN_IN_SECRET", "the-client-secret")
        .env_remove("MSOL_BRIDGE_TENANT_ID")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success()
            && stderr.contains("--tenant-id")
            && !stderr.contains("the-client-secret"),
        "{stderr}"
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    let mut child = bridge_command()
        .args(["schemas"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The OpenAPI document is larger than a pipe holds: read its start, then stop reading.
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut start).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?} {stderr}", output.status);
    assert!(stderr.is_empty(), "nothing to say: {stderr}");
}

#[test]
fn logs_have_colour_only_on_a_terminal() {
    let folder = tempfile::tempdir().unwrap();
    let tenant = folder.path().join("t.db");
    assert!(run(&["tenant", "init", "--tenant", path(&tenant)])
        .status
        .success());
    let mut child = bridge_command()
        .env_remove("NO_COLOR")
        .args(["graph-sim", "--tenant", path(&tenant)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut ready = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut ready)
        .unwrap();
    assert!(ready.contains("\"Ready\""), "{ready}");
    // The log line may come just after the ready line: read up to it.
    let mut logs = BufReader::new(child.stderr.take().unwrap());
    let mut stderr = String::new();
    while !stderr.contains("Graph simulator serving") {
        if logs.read_line(&mut stderr).unwrap() == 0 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(stderr.contains("Graph simulator serving"), "{stderr}");
    assert!(
        !stderr.contains('\x1b'),
        "no escape codes into a pipe: {stderr:?}"
    );
}

#[test]
fn completions_are_printed_for_each_shell_and_unknown_shells_name_the_known_ones() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef msol-bridge"),
        ("fish", "complete -c msol-bridge"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let output = run(&["completions", shell]);
        assert!(output.status.success());
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(script.contains(marker), "{shell}: no {marker}");
        for subcommand in ["serve", "tenant", "package", "graph-sim"] {
            assert!(
                script.contains(subcommand),
                "{shell} completion lacks {subcommand}"
            );
        }
    }
    let unknown = run(&["completions", "tcsh"]);
    assert!(!unknown.status.success());
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        message.contains("tcsh") && message.contains("bash") && message.contains("powershell"),
        "{message}"
    );
}

/// The README's "Work with the bridge directly" example, run as written (with this build's binary).
#[test]
fn the_readme_serve_example_runs_as_written() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme
        .find("## Work with the bridge directly")
        .expect("the README section")..];
    let start = section.find("```sh\n").expect("its sh block") + "```sh\n".len();
    let script = &section[start..start + section[start..].find("```").unwrap()];
    let script = script.replace(
        "target/release/msol-bridge",
        env!("CARGO_BIN_EXE_msol-bridge"),
    );
    let folder = tempfile::tempdir().unwrap();
    let output = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &format!("set -m\n{script}")])
        .current_dir(folder.path())
        .env_remove("MSOL_BRIDGE_LOCAL_TENANT")
        .env("MSOL_BRIDGE_LOG", "warn")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!(
        "stdout: {stdout}\nstderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success());
    assert!(
        stdout.contains(r#""Name":"Company Administrator""#),
        "{stdout}"
    );
    assert!(
        stdout.contains(r#""Changed":["StrongAuthenticationRequirements"]"#),
        "{stdout}"
    );
}
