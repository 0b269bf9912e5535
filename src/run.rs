//! `msol-bridge run SCRIPT.ps1`: runs an MSOnline script in pwsh against a local tenant and says
//! what it changed.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

use crate::directory::local::Store;
use crate::domain::time::Timestamp;
use crate::tenant::{self, diff, TenantSnapshot};

pub const INSTALL_POWERSHELL: &str =
    "https://learn.microsoft.com/powershell/scripting/install/installing-powershell";

pub struct RunConfig {
    pub script: PathBuf,
    pub arguments: Vec<OsString>,
    /// The tenant to run against; a fresh demo tenant (discarded afterwards) when absent.
    pub tenant: Option<PathBuf>,
    pub pwsh: Option<PathBuf>,
    /// The folder that holds the MSOnline module folder.
    pub module_folder: Option<PathBuf>,
    /// Counts per kind of change instead of every change.
    pub summary: bool,
}

pub fn run(config: RunConfig) -> Result<ExitCode> {
    if !config.script.is_file() {
        bail!("the script {} does not exist", config.script.display());
    }
    let pwsh = find_pwsh(config.pwsh.as_deref())?;
    let bridge = std::env::current_exe().context("finding the msol-bridge program itself")?;
    let scratch = tempfile::tempdir().context("creating a temporary folder")?;
    let tenant_path = match &config.tenant {
        Some(path) => {
            // A new file starts from the demo, so that a script has users to work on (an
            // empty tenant is `tenant init`'s, on purpose).
            if !path.exists() {
                let snapshot =
                    tenant::demo::demo_tenant(tenant::demo::DEMO_USERS, Timestamp::now());
                Store::open(path)?.replace_all(&snapshot)?;
                eprintln!(
                    "msol-bridge: created the demo tenant ({} users) in {}",
                    tenant::demo::DEMO_USERS,
                    path.display()
                );
            }
            path.clone()
        }
        None => {
            let path = scratch.path().join("demo.db");
            let snapshot = tenant::demo::demo_tenant(tenant::demo::DEMO_USERS, Timestamp::now());
            Store::open(&path)?.replace_all(&snapshot)?;
            eprintln!(
                "msol-bridge: running against a fresh demo tenant (discarded afterwards; keep changes with --tenant FILE)"
            );
            path
        }
    };
    let before = snapshot(&tenant_path)?;

    let mut command = Command::new(&pwsh);
    command
        .args(["-NoProfile", "-NonInteractive", "-File"])
        .arg(&config.script)
        .args(&config.arguments)
        .env("MSOL_BRIDGE_EXE", &bridge)
        .env("MSOL_BRIDGE_BACKEND", "local")
        .env("MSOL_BRIDGE_LOCAL_TENANT", &tenant_path);
    if let Some(modules) = module_folder(config.module_folder.as_deref(), &bridge) {
        command.env("PSModulePath", module_path_with(&modules)?);
    }
    let status = command
        .status()
        .with_context(|| format!("starting {}", pwsh.display()))?;

    let after = snapshot(&tenant_path)?;
    print_changes(&diff::changes(&before, &after), config.summary)?;
    match status.code() {
        Some(0) => Ok(ExitCode::SUCCESS),
        Some(code) => {
            eprintln!("msol-bridge: the script exited with code {code}");
            Ok(ExitCode::from(u8::try_from(code).unwrap_or(1).max(1)))
        }
        None => {
            eprintln!("msol-bridge: the script was stopped by a signal");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn snapshot(path: &Path) -> Result<TenantSnapshot> {
    Store::open(path)?
        .export()
        .with_context(|| format!("reading the tenant in {}", path.display()))
}

fn print_changes(changes: &[diff::Change], summary: bool) -> std::io::Result<()> {
    use crate::output::print_line;
    print_line("")?;
    if changes.is_empty() {
        return print_line("msol-bridge: the script changed nothing in the tenant.");
    }
    let users: std::collections::BTreeSet<&str> =
        changes.iter().map(|c| c.subject.as_str()).collect();
    print_line(&format!(
        "msol-bridge: the script made {} change(s) to {} object(s):",
        changes.len(),
        users.len()
    ))?;
    if summary {
        for (kind, objects) in diff::summary(changes) {
            print_line(&format!("  {kind}: {objects} object(s)"))?;
        }
        return Ok(());
    }
    for change in changes {
        print_line(&format!("  {}: {}", change.subject, change.description))?;
    }
    Ok(())
}

/// `--pwsh`, else `pwsh` on PATH.
pub fn find_pwsh(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = given {
        if path.is_file() {
            return Ok(path.to_path_buf());
        }
        bail!("--pwsh {} does not exist", path.display());
    }
    let name = if cfg!(windows) { "pwsh.exe" } else { "pwsh" };
    std::env::var_os("PATH")
        .and_then(|path| {
            std::env::split_paths(&path)
                .map(|folder| folder.join(name))
                .find(|candidate| candidate.is_file())
        })
        .with_context(|| {
            format!(
                "PowerShell 7 (pwsh) is not on PATH. Install it ({INSTALL_POWERSHELL}), or name it with --pwsh"
            )
        })
}

/// Where the MSOnline module is: `--module`, else beside the program (an installed layout), else
/// the source tree the program was built from. None: pwsh's own module path has to provide it.
pub fn module_folder(given: Option<&Path>, bridge: &Path) -> Option<PathBuf> {
    if let Some(folder) = given {
        return Some(folder.to_path_buf());
    }
    let holds_module = |folder: &Path| folder.join("MSOnline").join("MSOnline.psd1").is_file();
    let beside = bridge.parent().map(Path::to_path_buf);
    let candidates = [
        beside.clone(),
        beside.as_ref().map(|b| b.join("powershell")),
        // target/<profile>/msol-bridge in a source checkout.
        beside
            .as_ref()
            .and_then(|b| b.parent())
            .and_then(Path::parent)
            .map(|root| root.join("powershell")),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("powershell")),
    ];
    candidates.into_iter().flatten().find(|c| holds_module(c))
}

/// `PSModulePath` with `folder` first, so pwsh loads the MSOnline module found there.
pub fn module_path_with(folder: &Path) -> Result<OsString> {
    let mut paths = vec![folder.to_path_buf()];
    if let Some(existing) = std::env::var_os("PSModulePath") {
        paths.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(paths).context("building PSModulePath")
}
