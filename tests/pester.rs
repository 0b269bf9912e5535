//! Runs the Pester suite (`tests/pester`) in a real pwsh against the real bridge binary, so that
//! `cargo test` covers the PowerShell module too. pwsh must be on PATH: this test fails, loudly,
//! when it is not.

use std::path::Path;
use std::process::Command;

#[test]
fn pester_suite_passes_in_real_pwsh() {
    let pwsh = msol_bridge::run::find_pwsh(None).unwrap_or_else(|error| {
        panic!("{error:#}. The module's Pester suite needs pwsh with Pester 5; then run cargo test again.")
    });
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cache = tempfile::tempdir().expect("a temporary folder for the compiled module");
    let module_path =
        msol_bridge::run::module_path_with(&root.join("powershell")).expect("PSModulePath");
    // Only this suite's folder is given; the filter (MSOL_PESTER_FILTER) narrows it while developing.
    let script = r#"
        $ErrorActionPreference = 'Stop'
        Import-Module Pester -MinimumVersion 5.0
        $c = New-PesterConfiguration
        $c.Run.Path = $env:MSOL_PESTER_PATH
        $c.Run.Exit = $true
        $c.Output.Verbosity = 'Detailed'
        if ($env:MSOL_PESTER_FILTER) { $c.Filter.FullName = "*$($env:MSOL_PESTER_FILTER)*" }
        Invoke-Pester -Configuration $c
    "#;
    let status = Command::new(&pwsh)
        .args(["-NoProfile", "-NonInteractive", "-Command", script])
        .current_dir(root)
        .env("MSOL_PESTER_PATH", root.join("tests").join("pester"))
        .env("MSOL_BRIDGE_EXE", env!("CARGO_BIN_EXE_msol-bridge"))
        .env("MSOL_BRIDGE_MODULE_CACHE", cache.path())
        .env("PSModulePath", module_path)
        .env("NO_COLOR", "1")
        .env_remove("MSOL_BRIDGE_BACKEND")
        .env_remove("MSOL_BRIDGE_LOCAL_TENANT")
        .status()
        .expect("pwsh starts");
    assert!(
        status.success(),
        "the Pester suite failed ({status}): see the failed tests above"
    );
}
