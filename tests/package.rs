//! `msol-bridge package`, end to end: the package it writes installs with Install-Module and
//! Install-PSResource from a file-system repository into a fresh user's pwsh, and works there
//! from a neutral folder with nothing pointing at this source tree. Needs pwsh on PATH and the
//! .NET Framework 4.5 reference assemblies in MSOL_BRIDGE_REFERENCE_ASSEMBLIES (`.ci/run` sets
//! both); without them these tests fail, saying so.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

fn bridge(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_msol-bridge"))
        .args(args)
        .output()
        .unwrap();
    println!(
        "msol-bridge {args:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn require_reference_assemblies() {
    assert!(
        std::env::var_os("MSOL_BRIDGE_REFERENCE_ASSEMBLIES").is_some(),
        "set MSOL_BRIDGE_REFERENCE_ASSEMBLIES to the .NET Framework 4.5 reference assemblies' folder (with PowerShell 5.1's System.Management.Automation.dll), as .ci/run does"
    );
}

fn zip_names(path: &Path) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    archive.file_names().map(String::from).collect()
}

fn zip_text(path: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn bad_binaries_are_refused_before_anything_is_built() {
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    let script = out.path().join("not-a-binary");
    std::fs::write(&script, "#!/bin/sh\necho hi\n").unwrap();
    let me = env!("CARGO_BIN_EXE_msol-bridge");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["--binary".into(), format!("linux-musl-x64={me}")],
            "allowed: win-x64, win-arm64, linux-x64, linux-arm64, osx-x64, osx-arm64",
        ),
        (vec!["--binary".into(), me.into()], "is not RUNTIME_ID=PATH"),
        (
            vec!["--binary".into(), format!("win-x64={}", script.display())],
            "is not an executable",
        ),
        (
            vec!["--binary".into(), format!("osx-arm64={me}")],
            "binary, not osx-arm64",
        ),
        (
            vec![
                "--binary".into(),
                format!("linux-x64={me}"),
                "--binary".into(),
                format!("linux-x64={me}"),
            ],
            "names linux-x64 twice",
        ),
        (
            vec!["--binary".into(), "win-x64=/no/such/file.exe".into()],
            "no such file",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec![
            "package".to_string(),
            "--out".into(),
            dist.display().to_string(),
        ];
        args.extend(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = bridge(&args);
        assert!(!output.status.success());
        assert!(
            stderr(&output).contains(expected),
            "expected {expected:?} in {}",
            stderr(&output)
        );
        assert!(!dist.exists(), "a refused package wrote {}", dist.display());
    }
}

#[test]
fn missing_reference_assemblies_say_where_to_get_them() {
    let out = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_msol-bridge"))
        .args(["package", "--out"])
        .arg(out.path().join("dist"))
        .env_remove("MSOL_BRIDGE_REFERENCE_ASSEMBLIES")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = stderr(&output);
    for needed in [
        "--reference-assemblies",
        "MSOL_BRIDGE_REFERENCE_ASSEMBLIES",
        "Microsoft.NETFramework.ReferenceAssemblies.net45",
        "PowerShellStandard.Library",
    ] {
        assert!(message.contains(needed), "{needed} missing from: {message}");
    }
    let wrong = bridge(&[
        "package",
        "--out",
        &out.path().join("dist").display().to_string(),
        "--reference-assemblies",
        &out.path().display().to_string(),
    ]);
    assert!(
        stderr(&wrong).contains("holds mscorlib.dll"),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn the_package_installs_with_install_module_and_runs_from_a_neutral_folder() {
    require_reference_assemblies();
    let pwsh = msol_bridge::run::find_pwsh(None).unwrap_or_else(|error| {
        panic!("{error:#}. The install test needs pwsh; then run cargo test again.")
    });
    let work = tempfile::tempdir().unwrap();
    let repository = work.path().join("repository");
    let packaged = bridge(&["package", "--out", &repository.display().to_string()]);
    assert!(packaged.status.success(), "{}", stderr(&packaged));
    let event: serde_json::Value =
        serde_json::from_slice(packaged.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(event["Event"], "Packaged");
    assert_eq!(event["Version"], "1.1.183.81");
    let nupkg = repository.join("MSOnline.1.1.183.81.nupkg");
    assert_eq!(Path::new(event["Nupkg"].as_str().unwrap()), nupkg);

    // What the archives hold: the module without its sources, the compiled assembly with its help
    // and views, this platform's binary; the zip is one MSOnline folder.
    let names = zip_names(&nupkg);
    let runtime_id = msol_bridge::package::platform::this_runtime_id().unwrap();
    for expected in [
        "MSOnline.nuspec".to_string(),
        "MSOnline.psd1".into(),
        "lib/Microsoft.Online.Administration.Automation.PSModule.dll".into(),
        "lib/en-US/Microsoft.Online.Administration.Automation.PSModule.dll-Help.xml".into(),
        "lib/MSOnline.Lists.Format.ps1xml".into(),
        format!(
            "bin/{runtime_id}/{}",
            msol_bridge::package::platform::binary_name(runtime_id)
        ),
        "[Content_Types].xml".into(),
        "_rels/.rels".into(),
    ] {
        assert!(names.contains(&expected), "{expected} not in {names:?}");
    }
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("src/") || n.ends_with(".cs")),
        "{names:?}"
    );
    assert!(zip_text(&nupkg, "MSOnline.nuspec").contains("<version>1.1.183.81</version>"));
    assert!(zip_text(&nupkg, "MSOnline.psd1").contains("'lib/MSOnline.Lists.Format.ps1xml'"));
    let module_zip = zip_names(&repository.join("MSOnline.zip"));
    assert!(
        module_zip.iter().all(|n| n.starts_with("MSOnline/")),
        "{module_zip:?}"
    );
    assert!(module_zip.contains(&"MSOnline/MSOnline.psd1".to_string()));
    assert!(
        !module_zip
            .iter()
            .any(|n| n.contains("nuspec") || n.contains("_rels")),
        "{module_zip:?}"
    );

    let home = work.path().join("home");
    let neutral = work.path().join("neutral");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&neutral).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/package/Install.ps1");
    let status = Command::new(&pwsh)
        .args(["-NoProfile", "-NonInteractive", "-File"])
        .arg(&script)
        .arg("-Repository")
        .arg(&repository)
        .arg("-RuntimeId")
        .arg(runtime_id)
        .current_dir(&neutral)
        // A fresh user: nothing of this machine's or this source tree's.
        .env("HOME", &home)
        // Fresh too, but one for both users of the test, so pwsh unpacks (where it must) once.
        .env("XDG_CACHE_HOME", work.path().join("cache"))
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("PSModulePath")
        .env_remove("MSOL_BRIDGE_EXE")
        .env_remove("MSOL_BRIDGE_MODULE_CACHE")
        .env_remove("MSOL_BRIDGE_BACKEND")
        .env_remove("MSOL_BRIDGE_LOCAL_TENANT")
        .env("NO_COLOR", "1")
        .status()
        .unwrap();
    assert!(
        status.success(),
        "tests/package/Install.ps1 failed ({status}): see above"
    );
}
