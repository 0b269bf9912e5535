//! Resolves the command line and the environment into the settings the program runs with.

use std::io::BufRead;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::cli::{SecretSource, ServeArgs, TenantFileArg};
use crate::secret::Secret;

pub const SECRET_VARIABLE: &str = "MSOL_BRIDGE_SECRET";

/// The per-user default tenant file: `<data folder>/msol-bridge/tenant.db`.
pub fn default_tenant_path() -> Result<PathBuf> {
    let data = if cfg!(windows) {
        std::env::var_os("LOCALAPPDATA").map(PathBuf::from)
    } else if cfg!(target_os = "macos") {
        std::env::var_os("HOME").map(|home| PathBuf::from(home).join("Library/Application Support"))
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share"))
            })
    };
    let data = data.context("cannot find the per-user data folder (HOME or LOCALAPPDATA is not set): name the tenant file with --tenant")?;
    Ok(data.join("msol-bridge").join("tenant.db"))
}

impl TenantFileArg {
    pub fn path(&self) -> Result<PathBuf> {
        match &self.tenant {
            Some(path) => Ok(path.clone()),
            None => default_tenant_path(),
        }
    }
}

pub struct ServeConfig {
    pub tenant: PathBuf,
    pub listen: std::net::SocketAddr,
    pub secret: Secret,
    pub watch_stdin: bool,
}

/// Reads the secret and settles every serve setting. Runs before any thread starts, because it
/// removes the secret from the process environment.
pub fn serve_config(args: &ServeArgs) -> Result<ServeConfig> {
    let secret = match args.secret_from {
        SecretSource::Env => {
            let value = std::env::var(SECRET_VARIABLE)
                .with_context(|| format!("--secret-from env: {SECRET_VARIABLE} is not set"))?;
            // Single-threaded here: no other thread reads the environment.
            std::env::remove_var(SECRET_VARIABLE);
            value
        }
        SecretSource::Stdin => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("reading the secret from stdin")?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    if secret.len() < Secret::MIN_LENGTH {
        bail!(
            "the bridge secret must have at least {} characters (it has {})",
            Secret::MIN_LENGTH,
            secret.len()
        );
    }
    Ok(ServeConfig {
        tenant: args.tenant.path()?,
        listen: args.listen,
        secret: Secret::new(secret),
        watch_stdin: !args.no_stdin_watch,
    })
}
