//! What each command does.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use serde_json::json;
use uuid::Uuid;

use crate::api::operations::Operation;
use crate::app::Bridge;
use crate::cli::{Command, SchemasArgs, ServeArgs, TenantCommand};
use crate::config::{self, BackendConfig, ServeConfig};
use crate::directory::local::{LocalDirectory, Store};
use crate::domain::time::Timestamp;
use crate::schema;
use crate::tenant::{self, TenantSnapshot};

pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Serve(args) => serve(&args),
        Command::Tenant(command) => tenant_command(command),
        Command::Schemas(args) => schemas(&args),
        Command::Run(args) => crate::run::run(crate::run::RunConfig {
            script: args.script,
            arguments: args.arguments,
            tenant: args.tenant,
            pwsh: args.pwsh,
            module_folder: args.module,
            summary: args.summary,
        }),
        Command::GraphSim(args) => graph_sim(&args),
        Command::Package(args) => package(args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut command = crate::cli::Cli::command();
            let mut completions = Vec::new();
            clap_complete::generate(shell, &mut command, "msol-bridge", &mut completions);
            crate::output::write_all(&completions)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn package(args: crate::cli::PackageArgs) -> Result<ExitCode> {
    let packaged = crate::package::package(crate::package::PackageConfig {
        out: args.out,
        binaries: args.binaries,
        module_folder: args.module,
        pwsh: args.pwsh,
        reference_assemblies: args.reference_assemblies,
    })?;
    let bytes = std::fs::metadata(&packaged.nupkg)?.len();
    print_event(&json!({
        "Event": "Packaged",
        "Nupkg": packaged.nupkg,
        "Zip": packaged.automation_zip,
        "Version": packaged.version,
        "RuntimeIds": packaged.runtime_ids,
        "NupkgBytes": bytes,
    }))?;
    Ok(ExitCode::SUCCESS)
}

fn graph_sim(args: &crate::cli::GraphSimArgs) -> Result<ExitCode> {
    use graph_sim::{throttle::Limits, GraphSimulator, SimSettings, CLIENT_SECRET_VARIABLE};
    for (name, rate) in [
        ("--unavailable-rate", args.unavailable_rate),
        ("--drop-rate", args.drop_rate),
    ] {
        if !(0.0..=1.0).contains(&rate) {
            bail!("{name} is a fraction between 0 and 1, not {rate}");
        }
    }
    if args.limit_scale < 0.0 {
        bail!(
            "--limit-scale is 0 (no throttling) or more, not {}",
            args.limit_scale
        );
    }
    let snapshot = match &args.tenant {
        Some(path) => {
            let store = Store::open(path)?;
            if !store.is_initialized()? {
                bail!("{} holds no tenant yet: create one with 'msol-bridge tenant init' or 'msol-bridge tenant demo'", path.display());
            }
            store.export()?
        }
        None => tenant::new_tenant(
            "Contoso",
            "contoso.onmicrosoft.com",
            Uuid::new_v4(),
            Timestamp::now(),
        )?,
    };
    let mut apps = std::collections::HashMap::new();
    if let Ok(secret) = std::env::var(CLIENT_SECRET_VARIABLE) {
        std::env::remove_var(CLIENT_SECRET_VARIABLE);
        apps.insert(args.app_id.clone(), secret);
    }
    let mut app_certificates = std::collections::HashMap::new();
    if let Some(path) = &args.app_certificate {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let certificates = crate::certificate::certificates(&text);
        if certificates.is_empty() {
            bail!("{} holds no CERTIFICATE block", path.display());
        }
        app_certificates.insert(args.app_id.clone(), certificates);
    }
    let consents = consents(&args.consents)?;
    let settings = SimSettings {
        auto_approve: args.auto_approve,
        apps,
        app_certificates,
        consents,
        token_lifetime: std::time::Duration::from_secs(args.token_lifetime.max(1)),
        limits: (args.limit_scale > 0.0).then(|| Limits::scaled(args.limit_scale)),
        latency: std::time::Duration::from_millis(args.latency_ms),
        unavailable_rate: args.unavailable_rate,
        unavailable_retry_after: std::time::Duration::from_secs(1),
        drop_rate: args.drop_rate,
        seed: args.seed,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let simulator = GraphSimulator::bind(
            args.listen,
            crate::graph_seed::simulated_tenant(&snapshot),
            settings,
        )
        .await?;
        print_event(&json!({
            "Event": "Ready",
            "Url": simulator.url(),
            "TenantId": snapshot.company.object_id,
            "InitialDomain": snapshot.company.initial_domain,
            "AppId": args.app_id,
            "Pid": std::process::id(),
            "Version": env!("CARGO_PKG_VERSION"),
        }))?;
        tracing::info!(url = %simulator.url(), "Graph simulator serving");
        simulator.run_until(stop_signal(false)).await;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

fn serve(args: &ServeArgs) -> Result<ExitCode> {
    let config = config::serve_config(args)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve_until_stopped(config))?;
    Ok(ExitCode::SUCCESS)
}

fn print_event(event: &serde_json::Value) -> Result<()> {
    crate::output::print_line(&event.to_string())?;
    Ok(())
}

async fn serve_until_stopped(config: ServeConfig) -> Result<()> {
    let mut created_tenant = false;
    let (directory, backend, tenant): (Arc<dyn crate::directory::Directory>, &str, String) =
        match config.backend {
            BackendConfig::Local { tenant } => {
                let store = Store::open(&tenant)?;
                // A tenant the bridge must create is a rehearsal tenant with something in it (the
                // demo): `tenant init` makes an empty one on purpose.
                if !store.is_initialized()? {
                    store.replace_all(&tenant::demo::demo_tenant(
                        tenant::demo::DEMO_USERS,
                        Timestamp::now(),
                    ))?;
                    created_tenant = true;
                    tracing::warn!(tenant = %tenant.display(), "created the demo tenant (contoso.onmicrosoft.com)");
                }
                drop(store);
                (
                    Arc::new(LocalDirectory::open(&tenant)?),
                    "local",
                    tenant.display().to_string(),
                )
            }
            BackendConfig::Graph(settings) => {
                let tenant = settings.tenant.clone();
                tracing::info!(graph = %settings.endpoints.graph, sign_in = %settings.sign_in.describe(), "signing in to Microsoft Graph");
                // The device-code message is for the person at the keyboard: the module shows it.
                let show = |message: &str| {
                    if let Err(error) = print_event(&json!({"Event": "SignIn", "Message": message}))
                    {
                        tracing::warn!("could not print the sign-in message: {error}");
                    }
                };
                let directory = crate::graph::connect(settings, &show).await?;
                (Arc::new(directory), "graph", tenant)
            }
        };
    let bridge = Bridge::bind(config.listen, directory, config.secret).await?;
    print_event(&json!({
        "Event": "Ready",
        "Url": bridge.url(),
        "Backend": backend,
        "Tenant": tenant,
        "Pid": std::process::id(),
        "Version": env!("CARGO_PKG_VERSION"),
        "CreatedDemoTenant": created_tenant,
    }))?;
    tracing::info!(url = %bridge.url(), %backend, %tenant, "serving");
    bridge.run_until(stop_signal(config.watch_stdin)).await;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on Ctrl+C, SIGTERM, or (when watched) end of stdin: the parent went away.
async fn stop_signal(watch_stdin: bool) {
    let (eof_tx, eof_rx) = tokio::sync::oneshot::channel::<()>();
    if watch_stdin {
        std::thread::spawn(move || {
            let mut sink = [0u8; 256];
            let stdin = std::io::stdin();
            let mut stdin = stdin.lock();
            while matches!(stdin.read(&mut sink), Ok(n) if n > 0) {}
            let _ = eof_tx.send(());
        });
    } else {
        std::mem::forget(eof_tx);
    }
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => tracing::info!("interrupted"),
        _ = terminate => tracing::info!("terminated"),
        _ = eof_rx => tracing::info!("stdin closed: the parent process went away"),
    }
}

fn open_for_replacement(path: &Path, force: bool) -> Result<Store> {
    let store = Store::open(path)?;
    if store.is_initialized()? && !force {
        bail!(
            "{} already holds a tenant: add --force to replace it",
            path.display()
        );
    }
    Ok(store)
}

fn tenant_command(command: TenantCommand) -> Result<ExitCode> {
    match command {
        TenantCommand::Init {
            tenant,
            name,
            domain,
            force,
        } => {
            let path = tenant.path()?;
            let snapshot = tenant::new_tenant(&name, &domain, Uuid::new_v4(), Timestamp::now())?;
            open_for_replacement(&path, force)?.replace_all(&snapshot)?;
            eprintln!(
                "Created tenant {name} ({}) in {}",
                snapshot.company.initial_domain,
                path.display()
            );
        }
        TenantCommand::Demo {
            tenant,
            users,
            force,
        } => {
            let path = tenant.path()?;
            let snapshot = tenant::demo::demo_tenant(users as usize, Timestamp::now());
            open_for_replacement(&path, force)?.replace_all(&snapshot)?;
            eprintln!(
                "Created the demo tenant ({} users, {}) in {}",
                snapshot.users.len(),
                snapshot.company.initial_domain,
                path.display()
            );
        }
        TenantCommand::Import {
            file,
            tenant,
            force,
        } => {
            let path = tenant.path()?;
            let text = read_import(&file)?;
            let snapshot = parse_snapshot(&text)
                .with_context(|| format!("{} is not a valid tenant file", file.display()))?;
            open_for_replacement(&path, force)?.replace_all(&snapshot)?;
            eprintln!(
                "Imported {} users into {}",
                snapshot.users.len(),
                path.display()
            );
        }
        TenantCommand::Export { file, tenant } => {
            let path = tenant.path()?;
            if !path.exists() {
                bail!(
                    "{} does not exist: create a tenant with 'msol-bridge tenant init' first",
                    path.display()
                );
            }
            let snapshot = Store::open(&path)?.export()?;
            let mut text = serde_json::to_string_pretty(&snapshot)?;
            text.push('\n');
            if file.as_os_str() == "-" {
                std::io::stdout().write_all(text.as_bytes())?;
            } else {
                write_private(&file, text.as_bytes())?;
                eprintln!(
                    "Exported {} users to {}",
                    snapshot.users.len(),
                    file.display()
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Validates against the published schema first, so errors name the member at fault.
pub fn parse_snapshot(text: &str) -> Result<TenantSnapshot> {
    let value: serde_json::Value = serde_json::from_str(text).context("it is not JSON")?;
    let schema = schema::tenant_schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .context("compiling the tenant schema")?;
    if let Some(error) = validator.iter_errors(&value).next() {
        bail!(
            "{} (at {})",
            error,
            if error.instance_path.to_string().is_empty() {
                "/".to_string()
            } else {
                error.instance_path.to_string()
            }
        );
    }
    let snapshot: TenantSnapshot = serde_json::from_value(value)?;
    snapshot.check()?;
    Ok(snapshot)
}

/// Writes a file its owner alone can read: exports hold a whole directory. The bytes go to a new
/// private file beside the target, which then replaces it: a symbolic link planted at the path is
/// replaced, never followed, and a crash leaves the old file or the new one, never half of one.
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => folder,
        None => Path::new("."),
    };
    // tempfile creates the file with mode 0600 and O_EXCL.
    let mut file = tempfile::Builder::new()
        .prefix(".msol-bridge-export")
        .tempfile_in(folder)
        .with_context(|| format!("creating a file in {}", folder.display()))?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// The largest tenant file `tenant import` reads: about 300,000 users in the export format.
pub const IMPORT_LIMIT: u64 = 256 * 1024 * 1024;

/// Reads a tenant file (or stdin for `-`) of at most `IMPORT_LIMIT` bytes.
fn read_import(file: &Path) -> Result<String> {
    let reader: Box<dyn Read> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(file).with_context(|| format!("reading {}", file.display()))?)
    };
    let mut bytes = Vec::new();
    reader
        .take(IMPORT_LIMIT + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("reading {}", file.display()))?;
    if bytes.len() as u64 > IMPORT_LIMIT {
        bail!(
            "{} is larger than {} MiB, the most 'tenant import' reads",
            file.display(),
            IMPORT_LIMIT / (1024 * 1024)
        );
    }
    String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8 text", file.display()))
}

fn schemas(args: &SchemasArgs) -> Result<ExitCode> {
    let mut all = vec![
        ("openapi".to_string(), schema::openapi()),
        ("tenant".to_string(), schema::tenant_schema()),
    ];
    all.extend(
        Operation::ALL
            .iter()
            .map(|op| (op.name().to_string(), op.request_schema())),
    );
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for (name, value) in &all {
            let file = dir.join(format!("{name}.json"));
            std::fs::write(&file, serde_json::to_string_pretty(value)? + "\n")
                .with_context(|| format!("writing {}", file.display()))?;
        }
        eprintln!("Wrote {} schemas to {}", all.len(), dir.display());
        return Ok(ExitCode::SUCCESS);
    }
    let wanted = args.name.as_deref().unwrap_or("openapi");
    let Some((_, value)) = all
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
    else {
        let names: Vec<&str> = all.iter().map(|(name, _)| name.as_str()).collect();
        bail!(
            "there is no schema named '{wanted}'; the names are: {}",
            names.join(", ")
        );
    };
    crate::output::print_line(&serde_json::to_string_pretty(value)?)?;
    Ok(ExitCode::SUCCESS)
}

/// `--consent CLIENT_ID=PERMISSION,...` values, each permission one the simulator knows.
fn consents(
    values: &[String],
) -> Result<std::collections::HashMap<String, std::collections::BTreeSet<String>>> {
    let known = graph_sim::permissions::all_permissions();
    let mut consents = std::collections::HashMap::new();
    for value in values {
        let Some((client, permissions)) = value.split_once('=').filter(|(c, _)| !c.is_empty())
        else {
            bail!("--consent {value}: write CLIENT_ID=PERMISSION,PERMISSION (nothing after = for no consent)");
        };
        let mut granted = std::collections::BTreeSet::new();
        for permission in permissions
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            if !known.contains(permission) {
                bail!(
                    "--consent {value}: '{permission}' is not a permission the simulator knows; allowed: {}",
                    known.iter().cloned().collect::<Vec<_>>().join(", ")
                );
            }
            granted.insert(permission.to_string());
        }
        consents.insert(client.to_string(), granted);
    }
    Ok(consents)
}
