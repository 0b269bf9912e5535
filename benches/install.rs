//! The installed package: its size, and how long a cold `Import-Module MSOnline` takes beyond
//! pwsh's own start, against the baseline of a bare pwsh measured in the same run (and against the
//! source module, which compiles its C# on a first import). Figures, not pass or fail.
//!
//! Run: MSOL_BRIDGE_REFERENCE_ASSEMBLIES=<net45 refs> cargo bench --bench install
//!      (pwsh on PATH; MSOL_BENCH_BINARY=target/dist/msol-bridge packs that binary instead)

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 7;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    samples[samples.len() / 2]
}

fn main() {
    let pwsh = msol_bridge::run::find_pwsh(None).expect("pwsh on PATH");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    let runtime_id =
        msol_bridge::package::platform::this_runtime_id().expect("a packaged platform");
    let binary = std::env::var("MSOL_BENCH_BINARY")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_msol-bridge").to_string());
    let repository = work.path().join("repository");
    let packaged = Command::new(env!("CARGO_BIN_EXE_msol-bridge"))
        .args(["package", "--out"])
        .arg(&repository)
        .arg("--binary")
        .arg(format!("{runtime_id}={binary}"))
        .output()
        .unwrap();
    assert!(
        packaged.status.success(),
        "msol-bridge package failed (MSOL_BRIDGE_REFERENCE_ASSEMBLIES set?): {}",
        String::from_utf8_lossy(&packaged.stderr)
    );
    let nupkg = repository.join("MSOnline.1.1.183.81.nupkg");

    // Installed as Install-Module lays it out: Modules/MSOnline/<version>/.
    let modules = work.path().join("modules");
    let installed = modules.join("MSOnline").join("1.1.183.81");
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(repository.join("MSOnline.zip")).unwrap())
            .unwrap();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().trim_start_matches("MSOnline/").to_string();
        let target = installed.join(&name);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let mut file = std::fs::File::create(&target).unwrap();
        std::io::copy(&mut entry, &mut file).unwrap();
        #[cfg(unix)]
        if let Some(mode) = entry.unix_mode() {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&target, std::fs::Permissions::from_mode(mode)).unwrap();
        }
    }

    let source_modules = root.join("powershell");
    let run = |command: &str, module_path: &Path, cache: Option<&Path>| -> f64 {
        let mut child = Command::new(&pwsh);
        child
            .args(["-NoProfile", "-NonInteractive", "-Command", command])
            .current_dir(work.path())
            .env("PSModulePath", module_path)
            .env_remove("MSOL_BRIDGE_EXE");
        if let Some(cache) = cache {
            child.env("MSOL_BRIDGE_MODULE_CACHE", cache);
        }
        let started = Instant::now();
        let status = child.status().unwrap();
        assert!(status.success(), "pwsh -Command {command} failed");
        started.elapsed().as_secs_f64()
    };
    let warm_cache = work.path().join("warm-cache");
    run("Import-Module MSOnline", &source_modules, Some(&warm_cache));

    let (mut bare, mut packaged_import, mut compiled, mut cached) =
        (vec![], vec![], vec![], vec![]);
    for round in 0..RUNS {
        // Interleaved, so that drift in the machine's load touches every figure alike.
        bare.push(run("exit", &modules, None));
        packaged_import.push(run("Import-Module MSOnline", &modules, None));
        let fresh = work.path().join(format!("fresh-cache-{round}"));
        compiled.push(run("Import-Module MSOnline", &source_modules, Some(&fresh)));
        cached.push(run(
            "Import-Module MSOnline",
            &source_modules,
            Some(&warm_cache),
        ));
    }
    // Inside the session: Import-Module alone, against importing a one-function script module first
    // (what any module's first import costs: loading the module machinery).
    let trivial = work.path().join("trivial");
    std::fs::create_dir_all(trivial.join("Trivial")).unwrap();
    std::fs::write(
        trivial.join("Trivial").join("Trivial.psm1"),
        "function Get-Trivial { 1 }\n",
    )
    .unwrap();
    let inside = || -> (f64, f64) {
        let script = "$t = [Diagnostics.Stopwatch]::StartNew(); Import-Module Trivial; $a = $t.Elapsed.TotalSeconds; $t.Restart(); Import-Module MSOnline; \"$a $($t.Elapsed.TotalSeconds)\"";
        let output = Command::new(&pwsh)
            .args(["-NoProfile", "-NonInteractive", "-Command", script])
            .env(
                "PSModulePath",
                std::env::join_paths([&modules, &trivial]).unwrap(),
            )
            .env_remove("MSOL_BRIDGE_EXE")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        let mut figures = text
            .split_whitespace()
            .map(|f| f.parse::<f64>().expect("two timings"));
        (figures.next().unwrap(), figures.next().unwrap())
    };
    let (mut trivial_first, mut msonline_after) = (vec![], vec![]);
    for _ in 0..RUNS {
        let (a, b) = inside();
        trivial_first.push(a);
        msonline_after.push(b);
    }
    let (trivial_first, msonline_after) = (median(trivial_first), median(msonline_after));
    let (bare, packaged_import, compiled, cached) = (
        median(bare),
        median(packaged_import),
        median(compiled),
        median(cached),
    );
    let size = |path: &Path| std::fs::metadata(path).unwrap().len() as f64 / 1_048_576.0;
    println!(
        "package: {:.1} MB nupkg, bridge binary {:.1} MB ({binary})",
        size(&nupkg),
        size(Path::new(&binary))
    );
    println!("medians of {RUNS} runs, each a new pwsh process:");
    println!("  pwsh start alone (baseline)            {bare:.2} s");
    println!("  + Import-Module, installed package     {packaged_import:.2} s  = baseline + {:.2} s ({:.2}x)", packaged_import - bare, packaged_import / bare);
    println!(
        "  + Import-Module, source, cached build  {cached:.2} s  = baseline + {:.2} s ({:.2}x)",
        cached - bare,
        cached / bare
    );
    println!("  + Import-Module, source, first import  {compiled:.2} s  = baseline + {:.2} s ({:.2}x; compiles the C#)", compiled - bare, compiled / bare);
    println!("inside one session (Stopwatch around Import-Module), medians of {RUNS}:");
    println!("  a one-function script module, imported first  {trivial_first:.2} s");
    println!(
        "  then Import-Module MSOnline (installed)        {msonline_after:.2} s ({:.2}x the first)",
        msonline_after / trivial_first
    );
}
