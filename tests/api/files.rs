//! Tenant files, their `-wal` and `-shm` files and exports are readable by their owner only,
//! whether new or already there; exports never follow a planted link; imports have a size cap;
//! a tenant the user cannot write is refused at start, naming the path.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

fn bridge(args: &[&str]) -> std::process::Output {
    bridge_as(None, args)
}

/// Runs the binary, as another user (`setpriv --reuid`) when `uid` is given.
fn bridge_as(uid: Option<u32>, args: &[&str]) -> std::process::Output {
    let exe = env!("CARGO_BIN_EXE_msol-bridge");
    let mut command = match uid {
        Some(uid) => {
            let mut command = Command::new("setpriv");
            command.args([
                format!("--reuid={uid}"),
                format!("--regid={uid}"),
                "--clear-groups".to_string(),
                exe.to_string(),
            ]);
            command
        }
        None => Command::new(exe),
    };
    let output = command
        .args(args)
        .env_remove("MSOL_BRIDGE_LOCAL_TENANT")
        .env_remove("MSOL_BRIDGE_SECRET")
        .output()
        .unwrap();
    println!(
        "msol-bridge {args:?}\nstderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A new tenant file in `folder`.
fn init_tenant(folder: &Path) -> std::path::PathBuf {
    let tenant = folder.join("tenant.db");
    assert!(bridge(&["tenant", "init", "--tenant", text(&tenant)])
        .status
        .success());
    tenant
}

fn is_root() -> bool {
    let output = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&output.stdout).trim() == "0"
}

#[test]
fn an_existing_tenant_and_its_wal_and_shm_files_are_made_private() {
    let folder = tempfile::tempdir().unwrap();
    let tenant = init_tenant(folder.path());
    let wal = folder.path().join("tenant.db-wal");
    let shm = folder.path().join("tenant.db-shm");
    std::fs::write(&wal, b"").unwrap();
    std::fs::write(&shm, b"").unwrap();
    for file in [&tenant, &wal, &shm] {
        chmod(file, 0o644);
    }
    let export = folder.path().join("export.json");
    let output = bridge(&["tenant", "export", text(&export), "--tenant", text(&tenant)]);
    assert!(output.status.success());
    for file in [&tenant, &wal, &shm, &export] {
        if file.exists() {
            assert_eq!(mode(file), 0o600, "{}", file.display());
        }
    }
    assert_eq!(mode(&tenant), 0o600);
    assert!(String::from_utf8_lossy(&output.stderr).contains("readable by its owner only"));
}

#[test]
fn a_folder_made_for_a_new_tenant_is_private() {
    let folder = tempfile::tempdir().unwrap();
    let tenant = folder.path().join("new/tenant.db");
    assert!(bridge(&["tenant", "init", "--tenant", text(&tenant)])
        .status
        .success());
    assert_eq!(mode(&folder.path().join("new")), 0o700);
    assert_eq!(mode(&tenant), 0o600);
}

#[test]
fn export_replaces_a_planted_link_instead_of_following_it() {
    let folder = tempfile::tempdir().unwrap();
    let tenant = init_tenant(folder.path());
    let victim = folder.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    chmod(&victim, 0o644);
    let export = folder.path().join("export.json");
    std::os::unix::fs::symlink(&victim, &export).unwrap();
    assert!(
        bridge(&["tenant", "export", text(&export), "--tenant", text(&tenant)])
            .status
            .success()
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(mode(&victim), 0o644);
    let metadata = std::fs::symlink_metadata(&export).unwrap();
    assert!(metadata.file_type().is_file(), "the link was replaced");
    assert_eq!(mode(&export), 0o600);
    assert!(std::fs::read_to_string(&export)
        .unwrap()
        .contains("\"Company\""));
}

#[test]
fn import_refuses_a_file_over_its_size_cap_and_keeps_the_tenant() {
    let folder = tempfile::tempdir().unwrap();
    let tenant = init_tenant(folder.path());
    let huge = folder.path().join("huge.json");
    // Sparse: the size is real, the disk blocks are not.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(msol_bridge::commands::IMPORT_LIMIT + 1)
        .unwrap();
    let output = bridge(&[
        "tenant",
        "import",
        text(&huge),
        "--tenant",
        text(&tenant),
        "--force",
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("larger than 256 MiB"), "{stderr}");
    let export = bridge(&["tenant", "export", "-", "--tenant", text(&tenant)]);
    assert!(String::from_utf8_lossy(&export.stdout).contains("contoso.onmicrosoft.com"));
}

/// A user of its own for the test: created with `useradd` (and removed on drop) when the suite
/// runs as root, because root writes anything; none otherwise.
struct TestUser {
    name: String,
    uid: u32,
}

impl TestUser {
    fn create() -> Option<TestUser> {
        let name = format!("msolro{}", std::process::id());
        let created = Command::new("useradd")
            .args([
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                &name,
            ])
            .status()
            .ok()?
            .success();
        if !created {
            return None;
        }
        let output = Command::new("id").args(["-u", &name]).output().ok()?;
        let uid = String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .ok()?;
        Some(TestUser { name, uid })
    }
}

impl Drop for TestUser {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.name).status();
    }
}

/// A tenant file the user cannot write, and one in a folder the user cannot write, are refused
/// at start with the path. As root the bridge runs as a user of the test's own.
#[test]
fn a_read_only_tenant_file_or_folder_is_refused_at_start_naming_the_path() {
    let user = if is_root() {
        match TestUser::create() {
            Some(user) => Some(user),
            None => {
                println!(
                    "skipped: running as root without useradd, and root writes read-only files"
                );
                return;
            }
        }
    } else {
        None
    };
    let uid = user.as_ref().map(|user| user.uid);
    let folder = tempfile::tempdir().unwrap();
    chmod(folder.path(), 0o755);
    let tenant = init_tenant(folder.path());
    let hand_to_user = |path: &Path, mode: u32| {
        if let Some(uid) = uid {
            std::os::unix::fs::chown(path, Some(uid), Some(uid)).unwrap();
        }
        chmod(path, mode);
    };

    // The file is read-only for its user.
    hand_to_user(&tenant, 0o400);
    let output = bridge_as(uid, &["tenant", "export", "-", "--tenant", text(&tenant)]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "the tenant file {} is read-only",
            tenant.display()
        )),
        "{stderr}"
    );

    // The file is writable, its folder is not (SQLite could not make its -wal file).
    hand_to_user(&tenant, 0o600);
    if uid.is_none() {
        chmod(folder.path(), 0o555);
    }
    let output = bridge_as(uid, &["tenant", "export", "-", "--tenant", text(&tenant)]);
    chmod(folder.path(), 0o755);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot be written"), "{stderr}");
    assert!(
        stderr.contains(&folder.path().display().to_string()),
        "{stderr}"
    );
}
