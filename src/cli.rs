//! The command line. Doc comments are the help text; nothing past `config` sees clap types.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// msol-bridge: runs MSOnline PowerShell scripts unchanged, against a local tenant or Microsoft Graph.
///
/// The bridge answers MSOnline's operations (Get-MsolUser, Set-MsolUser, ...) as JSON on a loopback
/// address. The MSOnline PowerShell module starts it through Connect-MsolService.
#[derive(Debug, Parser)]
#[command(name = "msol-bridge", version, propagate_version = true)]
pub struct Cli {
    /// What to log on stderr, as a tracing filter ("info", "msol_bridge=debug", "warn").
    #[arg(long, global = true, env = "MSOL_BRIDGE_LOG", value_name = "FILTER")]
    pub log: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the JSON API on a loopback address.
    ///
    /// Prints one JSON line on stdout once it listens:
    ///   {"Event":"Ready","Url":"http://127.0.0.1:49152","Backend":"local",...}
    /// Every request needs "Authorization: Bearer <secret>". The secret is read from the first line of
    /// stdin (default, and preferred) or from MSOL_BRIDGE_SECRET, never from the command line. An
    /// environment variable is removed once read, so child processes do not inherit it, but the
    /// kernel keeps the environment the bridge started with (/proc/<pid>/environ on Linux, readable
    /// by the same user and root) for as long as it runs. The bridge exits when stdin closes (its
    /// parent went away), on Ctrl+C, or on SIGTERM.
    ///
    /// Example:
    ///   export MSOL_BRIDGE_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
    ///   msol-bridge serve --secret-from env --no-stdin-watch > bridge.out &
    ///   until [ -s bridge.out ]; do sleep 0.1; done
    ///   url=$(head -n 1 bridge.out | sed 's/.*"Url":"\([^"]*\)".*/\1/')
    ///   curl -s -H "Authorization: Bearer $MSOL_BRIDGE_SECRET" -d '{"UserPrincipalName":"admin@contoso.onmicrosoft.com"}' \
    ///        "$url/v1/Get-MsolUser"
    #[command(verbatim_doc_comment)]
    Serve(ServeArgs),

    /// Create, fill, import and export local tenants.
    #[command(subcommand)]
    Tenant(TenantCommand),

    /// Print the OpenAPI document, a request's JSON Schema or the tenant file's schema.
    ///
    /// Examples:
    ///   msol-bridge schemas                 # the OpenAPI document of every route
    ///   msol-bridge schemas Set-MsolUser    # the schema of Set-MsolUser's request body
    ///   msol-bridge schemas tenant          # the schema of tenant import/export files
    ///   msol-bridge schemas --out schemas/  # all of them, one file each
    #[command(verbatim_doc_comment)]
    Schemas(SchemasArgs),

    /// Run an MSOnline PowerShell script against a local tenant, then list what it changed.
    ///
    /// The script runs unchanged in pwsh (PowerShell 7) with the MSOnline module; its
    /// Connect-MsolService connects to the tenant. Without --tenant it runs against a fresh demo
    /// tenant that is discarded afterwards. Arguments after the script go to the script.
    ///
    /// Examples:
    ///   msol-bridge run examples/Enable-MfaForAdmins.ps1
    ///   msol-bridge run examples/Export-MfaStatusReport.ps1 --tenant ./contoso.db -- -Path report.csv
    #[command(verbatim_doc_comment)]
    Run(RunArgs),

    /// Serve a Microsoft Graph simulator: token endpoints, Graph resources, $batch and throttling.
    ///
    /// Built from Microsoft's documented requests and responses, so any Graph client can use it.
    /// It reads its starting tenant from --tenant (a tenant file as 'tenant init' or 'tenant demo'
    /// make it; a new default tenant without one) and keeps changes in memory until it stops.
    /// Paths: /{tenant}/oauth2/v2.0/devicecode and /token, /devicelogin (approve a code with the
    /// form fields user_code and username), /v1.0/..., /beta/..., /v1.0/$batch.
    /// A client secret for the client-credentials flow comes from MSOL_BRIDGE_SIM_CLIENT_SECRET.
    /// Prints one JSON line once it listens: {"Event":"Ready","Url":"http://127.0.0.1:49153",...}
    ///
    /// Examples:
    ///   msol-bridge graph-sim --auto-approve
    ///   msol-bridge graph-sim --tenant ./demo.db --latency-ms 150 --unavailable-rate 0.05
    #[command(verbatim_doc_comment)]
    GraphSim(GraphSimArgs),

    /// Build the MSOnline module as a package: a nupkg for Install-Module and an Azure Automation zip.
    ///
    /// Writes OUT/MSOnline.<version>.nupkg (Install-Module or Install-PSResource take it from a
    /// file-system repository) and OUT/MSOnline.zip (the module folder, for Azure Automation).
    /// Both hold the module, its assembly compiled once for Windows PowerShell 5.1 and PowerShell 7
    /// (so nothing compiles on the user's machine), and the bridge for each platform under
    /// bin/<runtime id>/. Compiling needs pwsh and the .NET Framework 4.5 reference assemblies.
    /// Prints one JSON line: {"Event":"Packaged","Nupkg":"...","Zip":"...","Version":"...",...}
    ///
    /// Examples:
    ///   msol-bridge package --out dist/ --reference-assemblies refs/net45
    ///   msol-bridge package --out dist/ --binary linux-x64=linux/msol-bridge --binary win-x64=win/msol-bridge.exe
    #[command(verbatim_doc_comment)]
    Package(PackageArgs),

    /// Print a shell completion script for msol-bridge (bash, zsh, fish, powershell, elvish).
    ///
    /// Examples:
    ///   msol-bridge completions bash > ~/.local/share/bash-completion/completions/msol-bridge
    ///   msol-bridge completions zsh > "${fpath[1]}/_msol-bridge"
    ///   msol-bridge completions fish > ~/.config/fish/completions/msol-bridge.fish
    ///   msol-bridge completions powershell | Out-String | Invoke-Expression   # in $PROFILE
    #[command(verbatim_doc_comment)]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct PackageArgs {
    /// The folder to write the package into (created when missing).
    #[arg(long, value_name = "FOLDER")]
    pub out: PathBuf,
    /// A bridge binary to carry, as RUNTIME_ID=PATH; runtime ids: win-x64, win-arm64, linux-x64,
    /// linux-arm64, osx-x64, osx-arm64. Repeat for each platform [default: this program, for this
    /// machine's platform].
    #[arg(long = "binary", value_name = "RUNTIME_ID=PATH")]
    pub binaries: Vec<String>,
    /// A folder of reference assemblies to compile the module against: the .NET Framework 4.5 ones
    /// and PowerShell 5.1's System.Management.Automation.dll. Repeat for several folders
    /// [default: the folders in MSOL_BRIDGE_REFERENCE_ASSEMBLIES, separated as in PATH].
    #[arg(long = "reference-assemblies", value_name = "FOLDER")]
    pub reference_assemblies: Vec<PathBuf>,
    /// The folder holding the MSOnline module's source folder [default: beside the program, or its source tree].
    #[arg(long, value_name = "FOLDER")]
    pub module: Option<PathBuf>,
    /// The pwsh program that compiles the module [default: pwsh on PATH].
    #[arg(long, value_name = "FILE")]
    pub pwsh: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GraphSimArgs {
    /// The address and port to listen on (port 0: any free port).
    #[arg(long, default_value = "127.0.0.1:0", value_name = "ADDRESS")]
    pub listen: SocketAddr,
    /// The tenant file to start from [default: a new tenant, contoso.onmicrosoft.com].
    #[arg(long, value_name = "FILE")]
    pub tenant: Option<PathBuf>,
    /// Approve every device code at once, for a Global Administrator of the tenant.
    #[arg(long)]
    pub auto_approve: bool,
    /// The application id of the registered confidential client (client-credentials flow).
    #[arg(long, default_value = graph_sim::SIMULATED_APP_ID, value_name = "GUID")]
    pub app_id: String,
    /// A PEM file with the application's public certificate, for the certificate flow.
    #[arg(long, value_name = "FILE")]
    pub app_certificate: Option<PathBuf>,
    /// What the tenant consented for a client id, as CLIENT_ID=PERMISSION,PERMISSION (nothing after
    /// `=`: no consent). Repeat for other clients. A client not named is fully consented. Tokens
    /// for `.default` then carry just these; an explicit scope outside them gets AADSTS65001.
    #[arg(long = "consent", value_name = "CLIENT_ID=PERMISSIONS")]
    pub consents: Vec<String>,
    /// How long access tokens live, in seconds.
    #[arg(long, default_value_t = 3599, value_name = "SECONDS")]
    pub token_lifetime: u64,
    /// Delay added to every HTTP exchange, in milliseconds.
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub latency_ms: u64,
    /// Fraction of requests and batch items answered 503 with Retry-After (0 to 1).
    #[arg(long, default_value_t = 0.0, value_name = "FRACTION")]
    pub unavailable_rate: f64,
    /// Fraction of writes processed and then answered by a dropped connection (0 to 1).
    #[arg(long, default_value_t = 0.0, value_name = "FRACTION")]
    pub drop_rate: f64,
    /// Scale the documented throttling limits (1 = Microsoft's; 0 = no throttling).
    #[arg(long, default_value_t = 1.0, value_name = "FACTOR")]
    pub limit_scale: f64,
    /// Seed for fault injection, so a run can be repeated.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The script (.ps1) to run.
    pub script: PathBuf,
    /// The local tenant file to run against (created when missing) [default: a fresh demo tenant].
    #[arg(long, value_name = "FILE")]
    pub tenant: Option<PathBuf>,
    /// The pwsh program [default: pwsh on PATH].
    #[arg(long, value_name = "FILE")]
    pub pwsh: Option<PathBuf>,
    /// The folder holding the MSOnline module folder [default: beside the program, or its source tree].
    #[arg(long, value_name = "FOLDER")]
    pub module: Option<PathBuf>,
    /// Print how many objects each kind of change touched, instead of every change.
    #[arg(long)]
    pub summary: bool,
    /// Arguments for the script.
    #[arg(last = true, value_name = "SCRIPT ARGUMENTS")]
    pub arguments: Vec<std::ffi::OsString>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BackendChoice {
    /// The embedded local tenant (a SQLite file).
    Local,
    /// A Microsoft 365 tenant through Microsoft Graph.
    Graph,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignInChoice {
    /// Interactive: a code to enter in a browser (the message goes to stdout as a SignIn event).
    DeviceCode,
    /// A user name (--username) and its password (delegated; refused when MFA applies).
    Password,
    /// An app registration (--client-id) and its client secret (app-only).
    ClientSecret,
    /// An app registration (--client-id) and its certificate (--certificate; app-only).
    Certificate,
    /// An access token obtained elsewhere.
    AccessToken,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SecretSource {
    /// The first line of standard input.
    Stdin,
    /// The MSOL_BRIDGE_SECRET environment variable: removed once read, so children do not inherit
    /// it, but still in the environment the process started with (/proc/<pid>/environ); prefer stdin.
    Env,
}

#[derive(Debug, Args)]
pub struct TenantFileArg {
    /// The local tenant file [default: the per-user data folder's msol-bridge/tenant.db].
    #[arg(long, env = "MSOL_BRIDGE_LOCAL_TENANT", value_name = "FILE")]
    pub tenant: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where the directory lives.
    #[arg(long, value_enum, env = "MSOL_BRIDGE_BACKEND", default_value = "local")]
    pub backend: BackendChoice,

    #[command(flatten)]
    pub tenant: TenantFileArg,

    /// The loopback address and port to listen on (port 0: any free port).
    #[arg(long, default_value = "127.0.0.1:0", value_name = "ADDRESS")]
    pub listen: SocketAddr,

    /// Where the bearer secret comes from (at least 32 characters).
    #[arg(long, value_enum, default_value = "stdin")]
    pub secret_from: SecretSource,

    /// Keep serving when stdin closes (by default the bridge exits with the process that started it).
    #[arg(long)]
    pub no_stdin_watch: bool,

    #[command(flatten)]
    pub graph: GraphArgs,
}

/// Reaching Microsoft Graph (with --backend graph). The password, client secret or access token
/// comes from the second line of stdin (with --secret-from stdin) or MSOL_BRIDGE_SIGN_IN_SECRET
/// (with --secret-from env: removed once read, but still in the environment the process started
/// with, as for MSOL_BRIDGE_SECRET), never from the command line.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// How to sign in.
    #[arg(
        long,
        value_enum,
        env = "MSOL_BRIDGE_SIGN_IN",
        default_value = "device-code"
    )]
    pub sign_in: SignInChoice,
    /// The tenant: its id, one of its domains, or "organizations" (the signed-in user's own).
    #[arg(
        long,
        env = "MSOL_BRIDGE_TENANT_ID",
        default_value = "organizations",
        value_name = "TENANT"
    )]
    pub tenant_id: String,
    /// The application (client) id [default: Microsoft Graph PowerShell's, for delegated sign-in].
    #[arg(long, env = "MSOL_BRIDGE_CLIENT_ID", value_name = "GUID")]
    pub client_id: Option<String>,
    /// The user name for --sign-in password.
    #[arg(long, env = "MSOL_BRIDGE_USERNAME", value_name = "UPN")]
    pub username: Option<String>,
    /// For --sign-in certificate: a PEM file with the app's certificate and its unencrypted private key.
    #[arg(long, env = "MSOL_BRIDGE_CERTIFICATE", value_name = "FILE")]
    pub certificate: Option<PathBuf>,
    /// How the certificate signs: PS256 (current) or RS256 (older clients).
    #[arg(
        long,
        env = "MSOL_BRIDGE_CERTIFICATE_ALGORITHM",
        default_value = "PS256",
        value_name = "ALG"
    )]
    pub certificate_algorithm: String,
    /// The cloud: AzureCloud, AzureChinaCloud, USGovernment or USGovernmentDoD.
    #[arg(
        long,
        env = "MSOL_BRIDGE_AZURE_ENVIRONMENT",
        default_value = "AzureCloud",
        value_name = "NAME"
    )]
    pub azure_environment: String,
    /// Graph's root URL [default: the cloud's].
    #[arg(long, env = "MSOL_BRIDGE_GRAPH_URL", value_name = "URL")]
    pub graph_url: Option<String>,
    /// The sign-in authority's root URL [default: the cloud's].
    #[arg(long, env = "MSOL_BRIDGE_LOGIN_URL", value_name = "URL")]
    pub login_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TenantCommand {
    /// Create a new, empty tenant: company, initial domain, built-in roles, one subscription.
    ///
    /// Example: msol-bridge tenant init --tenant ./fabrikam.db --name Fabrikam --domain fabrikam.onmicrosoft.com
    Init {
        #[command(flatten)]
        tenant: TenantFileArg,
        /// The company's display name.
        #[arg(long, default_value = "Contoso")]
        name: String,
        /// The initial domain, <name>.onmicrosoft.com.
        #[arg(long, default_value = "contoso.onmicrosoft.com")]
        domain: String,
        /// Replace a tenant that is already in the file.
        #[arg(long)]
        force: bool,
    },
    /// Create a realistic demo tenant (fixed content, so documentation can name its users).
    ///
    /// Admins in several roles (some with separate adm.* accounts), every MFA state and method
    /// type, users with and without phone numbers, blocked, guest, synchronized, deleted,
    /// licensed and unlicensed users.
    ///
    /// Example: msol-bridge tenant demo --tenant ./demo.db
    Demo {
        #[command(flatten)]
        tenant: TenantFileArg,
        /// How many users (at least 60).
        #[arg(long, default_value_t = crate::tenant::demo::DEMO_USERS as u32, value_parser = clap::value_parser!(u32).range(60..=1_000_000))]
        users: u32,
        /// Replace a tenant that is already in the file.
        #[arg(long)]
        force: bool,
    },
    /// Replace the tenant with the contents of a JSON file (see 'msol-bridge schemas tenant').
    ///
    /// Example: msol-bridge tenant import contoso.json --tenant ./contoso.db
    Import {
        /// The tenant JSON file ("-" for stdin).
        file: PathBuf,
        #[command(flatten)]
        tenant: TenantFileArg,
        /// Replace a tenant that is already in the file.
        #[arg(long)]
        force: bool,
    },
    /// Write the whole tenant as JSON (the format 'tenant import' reads).
    ///
    /// Example: msol-bridge tenant export contoso.json --tenant ./contoso.db
    Export {
        /// Where to write ("-" for stdout). The file is created readable by its owner only.
        file: PathBuf,
        #[command(flatten)]
        tenant: TenantFileArg,
    },
}

#[derive(Debug, Args)]
pub struct SchemasArgs {
    /// "openapi" (default), "tenant", or an operation such as Set-MsolUser.
    pub name: Option<String>,
    /// Write every schema into this folder instead of printing one.
    #[arg(long, value_name = "DIR", conflicts_with = "name")]
    pub out: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
