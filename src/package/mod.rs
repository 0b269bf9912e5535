//! `msol-bridge package`: the MSOnline module as a PowerShell package. It writes
//! `MSOnline.<version>.nupkg` (for Install-Module and Install-PSResource from any repository) and
//! `MSOnline.zip` (the module folder, as Azure Automation imports it). Both hold the module, a
//! precompiled assembly with its help and list views (lib/), and the bridge binary for each
//! platform under bin/<runtime id>/.

mod archive;
pub mod platform;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

/// Compiles the module's C# for .NET Framework 4.5 and imports the result once in pwsh.
const BUILD_SCRIPT: &str = include_str!("build-module.ps1");
/// The reference assemblies' folders, separated as PATH is, when --reference-assemblies is not given.
pub const REFERENCE_ASSEMBLIES_VARIABLE: &str = "MSOL_BRIDGE_REFERENCE_ASSEMBLIES";

pub struct PackageConfig {
    pub out: PathBuf,
    /// `RUNTIME_ID=PATH` as given; none: this program, for this machine's platform.
    pub binaries: Vec<String>,
    /// The folder that holds the MSOnline module's source folder.
    pub module_folder: Option<PathBuf>,
    pub pwsh: Option<PathBuf>,
    pub reference_assemblies: Vec<PathBuf>,
}

/// What the module's manifest says, as the build script read it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Manifest {
    pub module_version: String,
    pub author: String,
    pub company_name: String,
    pub copyright: String,
    pub description: String,
    pub guid: String,
    pub tags: Vec<String>,
    pub cmdlets: Vec<String>,
    pub power_shell_version: String,
    #[serde(rename = "CompatiblePSEditions")]
    pub compatible_editions: Vec<String>,
}

pub struct Packaged {
    pub nupkg: PathBuf,
    pub automation_zip: PathBuf,
    pub version: String,
    pub runtime_ids: Vec<String>,
}

pub fn package(config: PackageConfig) -> Result<Packaged> {
    let binaries = binaries(&config.binaries)?;
    let references = reference_assemblies(config.reference_assemblies)?;
    let bridge = std::env::current_exe().context("finding the msol-bridge program itself")?;
    let source = crate::run::module_folder(config.module_folder.as_deref(), &bridge)
        .map(|folder| folder.join("MSOnline"))
        .filter(|module| module.join("src").is_dir())
        .context("cannot find the MSOnline module's sources (a folder MSOnline with MSOnline.psd1 and src/): name the folder that holds it with --module")?;
    let pwsh = crate::run::find_pwsh(config.pwsh.as_deref())?;

    let scratch = tempfile::tempdir().context("creating a temporary folder")?;
    let staged = scratch.path().join("MSOnline");
    copy_module(&source, &staged)?;
    for (runtime_id, path) in &binaries {
        let folder = staged.join("bin").join(runtime_id);
        std::fs::create_dir_all(&folder)?;
        std::fs::copy(path, folder.join(platform::binary_name(runtime_id)))
            .with_context(|| format!("copying {}", path.display()))?;
    }
    let manifest = build_assembly(&pwsh, &source, &staged, &references, scratch.path())?;

    std::fs::create_dir_all(&config.out)
        .with_context(|| format!("creating {}", config.out.display()))?;
    let nupkg = config
        .out
        .join(format!("MSOnline.{}.nupkg", manifest.module_version));
    archive::write_nupkg(&nupkg, &staged, &manifest)?;
    let automation_zip = config.out.join("MSOnline.zip");
    archive::write_module_zip(&automation_zip, &nupkg)?;
    Ok(Packaged {
        nupkg,
        automation_zip,
        version: manifest.module_version,
        runtime_ids: binaries.into_iter().map(|(id, _)| id.to_string()).collect(),
    })
}

/// The binaries to carry, checked: known runtime ids, each once, each file built for its platform.
fn binaries(given: &[String]) -> Result<Vec<(&'static str, PathBuf)>> {
    if given.is_empty() {
        let me = std::env::current_exe().context("finding the msol-bridge program itself")?;
        let id = platform::this_runtime_id().with_context(|| {
            format!(
                "this machine ({} {}) is no platform a package carries; give binaries with --binary RUNTIME_ID=PATH ({})",
                std::env::consts::OS,
                std::env::consts::ARCH,
                platform::RUNTIME_IDS.join(", ")
            )
        })?;
        return Ok(vec![(id, me)]);
    }
    let mut binaries: Vec<(&'static str, PathBuf)> = Vec::new();
    for entry in given {
        let (id, path) = entry.split_once('=').with_context(|| {
            format!("--binary '{entry}' is not RUNTIME_ID=PATH (for example linux-x64=target/release/msol-bridge)")
        })?;
        let id = platform::known(id)?;
        if binaries.iter().any(|(seen, _)| *seen == id) {
            bail!("--binary names {id} twice");
        }
        let path = PathBuf::from(path);
        if !path.is_file() {
            bail!("--binary {id}={}: no such file", path.display());
        }
        platform::check_binary(id, &path)?;
        binaries.push((id, path));
    }
    // The package lists platforms in one order whatever the command line's.
    binaries.sort_by_key(|(id, _)| platform::RUNTIME_IDS.iter().position(|known| known == id));
    Ok(binaries)
}

/// The reference assemblies' folders: as given, else from the environment; each must exist, and
/// together they must hold mscorlib and PowerShell's API.
fn reference_assemblies(given: Vec<PathBuf>) -> Result<Vec<PathBuf>> {
    let folders: Vec<PathBuf> = if given.is_empty() {
        std::env::var_os(REFERENCE_ASSEMBLIES_VARIABLE)
            .map(|value| std::env::split_paths(&value).collect())
            .unwrap_or_default()
    } else {
        given
    };
    let how = "The module's assembly is compiled once, for Windows PowerShell 5.1 and PowerShell 7, against the .NET Framework 4.5 reference assemblies (NuGet package Microsoft.NETFramework.ReferenceAssemblies.net45, folder build/.NETFramework/v4.5) and PowerShell 5.1's API (NuGet package PowerShellStandard.Library 5.1.1, lib/net452). Name their folders with --reference-assemblies FOLDER (repeat it) or in ";
    if folders.is_empty() {
        bail!("no reference assemblies. {how}{REFERENCE_ASSEMBLIES_VARIABLE}.");
    }
    for folder in &folders {
        if !folder.is_dir() {
            bail!("the reference assemblies folder {} does not exist. {how}{REFERENCE_ASSEMBLIES_VARIABLE}.", folder.display());
        }
    }
    for needed in ["mscorlib.dll", "System.Management.Automation.dll"] {
        if !folders.iter().any(|folder| folder.join(needed).is_file()) {
            bail!(
                "none of the reference assemblies folders ({}) holds {needed}. {how}{REFERENCE_ASSEMBLIES_VARIABLE}.",
                folders.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
            );
        }
    }
    Ok(folders)
}

/// Copies the module without its C# sources: the package carries the compiled assembly instead.
fn copy_module(source: &Path, staged: &Path) -> Result<()> {
    fn copy(from: &Path, to: &Path) -> Result<()> {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            let target = to.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                copy(&entry.path(), &target)?;
            } else {
                std::fs::copy(entry.path(), &target)
                    .with_context(|| format!("copying {}", entry.path().display()))?;
            }
        }
        Ok(())
    }
    std::fs::create_dir_all(staged)?;
    for entry in
        std::fs::read_dir(source).with_context(|| format!("reading {}", source.display()))?
    {
        let entry = entry?;
        let name = entry.file_name();
        // src: compiled into lib/; lib and bin: what a package adds, never taken from a source tree.
        if ["src", "lib", "bin"].iter().any(|skipped| name == *skipped) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            copy(&entry.path(), &staged.join(&name))?;
        } else {
            std::fs::copy(entry.path(), staged.join(&name))?;
        }
    }
    Ok(())
}

fn build_assembly(
    pwsh: &Path,
    source: &Path,
    staged: &Path,
    references: &[PathBuf],
    scratch: &Path,
) -> Result<Manifest> {
    let script = scratch.join("build-module.ps1");
    std::fs::write(&script, BUILD_SCRIPT)?;
    let output = Command::new(pwsh)
        .args(["-NoProfile", "-NonInteractive", "-File"])
        .arg(&script)
        .arg("-Source")
        .arg(source)
        .arg("-Staged")
        .arg(staged)
        .arg("-ReferenceAssemblies")
        .arg(
            std::env::join_paths(references)
                .context("joining the reference assemblies' folders")?,
        )
        // The staged module is imported by path: nothing of the caller's may stand in for it.
        .env_remove("MSOL_BRIDGE_MODULE_CACHE")
        .env("NO_COLOR", "1")
        .output()
        .with_context(|| format!("starting {}", pwsh.display()))?;
    if !output.status.success() {
        bail!(
            "compiling the module's assembly failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .rev()
        .find(|line| line.starts_with('{'))
        .context("the module build printed no manifest")?;
    serde_json::from_str(line).context("reading the manifest the module build printed")
}
