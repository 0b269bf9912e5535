//! Resolves the command line and the environment into the settings the program runs with.

use std::io::BufRead;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::cli::{BackendChoice, GraphArgs, SecretSource, ServeArgs, SignInChoice, TenantFileArg};
use crate::graph::{cloud, GraphSettings, SignIn};
use crate::secret::Secret;

pub const SECRET_VARIABLE: &str = "MSOL_BRIDGE_SECRET";
/// The Graph sign-in secret (password, client secret or access token) with `--secret-from env`.
pub const SIGN_IN_SECRET_VARIABLE: &str = "MSOL_BRIDGE_SIGN_IN_SECRET";

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

pub enum BackendConfig {
    Local { tenant: PathBuf },
    Graph(GraphSettings),
}

pub struct ServeConfig {
    pub backend: BackendConfig,
    pub listen: std::net::SocketAddr,
    pub secret: Secret,
    pub watch_stdin: bool,
}

/// Reads the secret and settles every serve setting. Runs before any thread starts, because it
/// removes the secret from the process environment.
pub fn serve_config(args: &ServeArgs) -> Result<ServeConfig> {
    let mut stdin_lines = std::io::stdin().lock();
    let mut read_line = |what: &str| -> Result<String> {
        let mut line = String::new();
        stdin_lines
            .read_line(&mut line)
            .with_context(|| format!("reading the {what} from stdin"))?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    };
    let secret = match args.secret_from {
        SecretSource::Env => take_variable(SECRET_VARIABLE)
            .with_context(|| format!("--secret-from env: {SECRET_VARIABLE} is not set"))?,
        SecretSource::Stdin => read_line("bridge secret")?,
    };
    if secret.len() < Secret::MIN_LENGTH {
        bail!(
            "the bridge secret must have at least {} characters (it has {})",
            Secret::MIN_LENGTH,
            secret.len()
        );
    }
    let backend = match args.backend {
        BackendChoice::Local => BackendConfig::Local {
            tenant: args.tenant.path()?,
        },
        BackendChoice::Graph => {
            let needs_secret = !matches!(
                args.graph.sign_in,
                SignInChoice::DeviceCode | SignInChoice::Certificate
            );
            let sign_in_secret = if !needs_secret {
                None
            } else {
                Some(match args.secret_from {
                    SecretSource::Env => {
                        take_variable(SIGN_IN_SECRET_VARIABLE).with_context(|| {
                            format!(
                                "--sign-in {:?} needs {SIGN_IN_SECRET_VARIABLE}",
                                args.graph.sign_in
                            )
                        })?
                    }
                    SecretSource::Stdin => read_line("sign-in secret (second line)")?,
                })
                .filter(|s| !s.is_empty())
            };
            BackendConfig::Graph(graph_settings(&args.graph, sign_in_secret)?)
        }
    };
    Ok(ServeConfig {
        backend,
        listen: args.listen,
        secret: Secret::new(secret),
        watch_stdin: !args.no_stdin_watch,
    })
}

/// Reads a variable and removes it from the process: single-threaded here, before any thread starts.
fn take_variable(name: &str) -> Option<String> {
    let value = std::env::var(name).ok()?;
    std::env::remove_var(name);
    Some(value)
}

fn graph_settings(args: &GraphArgs, secret: Option<String>) -> Result<GraphSettings> {
    let cloud = cloud::endpoints(&args.azure_environment).map_err(anyhow::Error::msg)?;
    let endpoints = cloud::Endpoints {
        login: args
            .login_url
            .clone()
            .unwrap_or(cloud.login)
            .trim_end_matches('/')
            .to_string(),
        graph: args
            .graph_url
            .clone()
            .unwrap_or(cloud.graph)
            .trim_end_matches('/')
            .to_string(),
    };
    let secret = || {
        secret
            .clone()
            .map(Secret::new)
            .context("the sign-in secret is empty")
    };
    let client_id = args.client_id.clone();
    let sign_in = match args.sign_in {
        SignInChoice::DeviceCode => SignIn::DeviceCode {
            client_id: client_id
                .unwrap_or_else(|| crate::graph::auth::GRAPH_POWERSHELL_CLIENT_ID.to_string()),
        },
        SignInChoice::Password => SignIn::Password {
            client_id: client_id
                .unwrap_or_else(|| crate::graph::auth::GRAPH_POWERSHELL_CLIENT_ID.to_string()),
            username: args
                .username
                .clone()
                .context("--sign-in password needs --username (or MSOL_BRIDGE_USERNAME)")?,
            password: secret()?,
        },
        SignInChoice::ClientSecret | SignInChoice::Certificate => {
            let flow = if args.sign_in == SignInChoice::Certificate {
                "certificate"
            } else {
                "client-secret"
            };
            let client_id = client_id.with_context(|| format!("--sign-in {flow} needs the app registration's --client-id (or MSOL_BRIDGE_CLIENT_ID)"))?;
            if args.tenant_id.eq_ignore_ascii_case("organizations")
                || args.tenant_id.eq_ignore_ascii_case("common")
            {
                bail!("--sign-in {flow} signs in as an application, which belongs to one tenant: give --tenant-id (or MSOL_BRIDGE_TENANT_ID) as the tenant's id or domain");
            }
            if args.sign_in == SignInChoice::ClientSecret {
                SignIn::ClientSecret {
                    client_id,
                    secret: secret()?,
                }
            } else {
                let path = args.certificate.as_ref().context("--sign-in certificate needs --certificate (or MSOL_BRIDGE_CERTIFICATE): a PEM file with the certificate and its private key")?;
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("reading the certificate {}", path.display()))?;
                let certificate =
                    crate::certificate::ClientCertificate::from_pem(&text).map_err(|problem| {
                        anyhow::anyhow!(
                            "the certificate file {} cannot be used: {problem}",
                            path.display()
                        )
                    })?;
                SignIn::Certificate {
                    client_id,
                    certificate: std::sync::Arc::new(certificate),
                    algorithm: crate::certificate::Algorithm::parse(&args.certificate_algorithm)
                        .map_err(anyhow::Error::msg)?,
                }
            }
        }
        SignInChoice::AccessToken => SignIn::AccessToken(secret()?),
    };
    Ok(GraphSettings {
        endpoints,
        tenant: args.tenant_id.clone(),
        sign_in,
        retry: crate::graph::client::RetryPolicy::default(),
    })
}
