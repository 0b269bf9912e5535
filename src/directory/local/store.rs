//! The local tenant in one SQLite file: every operation is one transaction.
//!
//! Objects are stored as their API JSON (`data`), beside the columns that index them. The
//! methods here are blocking; `LocalDirectory` runs them off the async workers.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{bail, Context, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::Serialize;
use uuid::Uuid;

use super::migrations;
use crate::directory::{
    CreatedUser, GroupQuery, MemberQuery, MemberRef, Outcome, Page, PageRequest, UserQuery,
};
use crate::domain::fault::{Fault, FaultResult};
use crate::domain::licensing::{self, LicenseCatalog};
use crate::domain::model::{
    CompanyInformation, Domain, DomainAuthenticationType, DomainStatus, Group, GroupMember,
    GroupMemberType, Role, RoleMember, RoleMemberType, ServicePrincipal, Subscription, User,
};
use crate::domain::password;
use crate::domain::query::name_or_address_starts_with;
use crate::domain::requests::{
    NewUserParams, RemoveUserParams, RestoreUserParams, SetUserLicenseParams, SetUserParams,
    SetUserPasswordParams, SetUserPrincipalNameParams, UserRef,
};
use crate::domain::roles;
use crate::domain::time::Timestamp;
use crate::domain::user_rules::{self, check_user_principal_name};
use crate::tenant::{self, GroupMembership, RoleAssignment, TenantSnapshot};

/// Deleted users can be restored for this many days, as in Microsoft Entra ID.
pub const RESTORE_WINDOW_DAYS: i64 = 30;

pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).context("serializing a directory object")
}

fn from_json<T: DeserializeOwned>(text: &str) -> FaultResult<T> {
    serde_json::from_str(text).map_err(|e| {
        Fault::Unexpected(anyhow::anyhow!(
            "the tenant file holds an unreadable object: {e}"
        ))
    })
}

fn sql(error: rusqlite::Error) -> Fault {
    Fault::Unexpected(
        anyhow::Error::new(error).context("the tenant file could not be read or written"),
    )
}

/// Creates the file readable and writable by its owner only, before SQLite opens it; an existing
/// file and its `-wal` and `-shm` files are tightened to the same. SQLite gives the `-wal` and `-shm`
/// files it creates the database file's mode, so they are private too. A folder made for the file
/// is private (0700).
fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.exists() {
            let mut folder = std::fs::DirBuilder::new();
            folder.recursive(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                folder.mode(0o700);
            }
            folder
                .create(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            for file in [
                path.to_path_buf(),
                sidecar(path, "-wal"),
                sidecar(path, "-shm"),
            ] {
                make_private(&file)?;
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(e).with_context(|| {
            format!(
                "the tenant file {} cannot be created: its folder is read-only for this user",
                path.display()
            )
        }),
        Err(e) => Err(e).with_context(|| format!("creating the tenant file {}", path.display())),
    }
}

/// `<tenant file><suffix>`: SQLite's `-wal` and `-shm` files beside it.
fn sidecar(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    name.into()
}

/// Takes group and other permissions off an existing file (a tenant holds a whole directory).
fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        let mode = metadata.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o600))
                .with_context(|| {
                    format!(
                        "{} can be read by other users (mode {:o}) and cannot be made private: \
                         make it mode 600 (chmod 600), or use a tenant file of your own",
                        path.display(),
                        mode & 0o777
                    )
                })?;
            tracing::warn!(file = %path.display(), "made the tenant file readable by its owner only (it was mode {:o})", mode & 0o777);
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Refuses a tenant file this user cannot write, or whose folder is read-only (SQLite keeps its
/// `-wal` and `-shm` files there), at once instead of at the first write.
fn check_writable(conn: &Connection, path: &Path) -> Result<()> {
    if conn.is_readonly(rusqlite::DatabaseName::Main)? {
        bail!(
            "the tenant file {} is read-only for this user: make it writable, or use another file",
            path.display()
        );
    }
    let folder = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => folder.to_path_buf(),
        None => std::path::PathBuf::from("."),
    };
    tempfile::Builder::new()
        .prefix(".msol-bridge-write-check")
        .tempfile_in(&folder)
        .map(drop)
        .with_context(|| {
            format!(
                "the folder of the tenant file {} cannot be written (SQLite keeps its -wal and -shm files beside the tenant file): make {} writable, or use a tenant file elsewhere",
                path.display(),
                folder.display()
            )
        })
}

impl Store {
    /// Opens (creating when missing) the tenant file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        create_private_file(path)?;
        let mut conn = Connection::open(path)
            .with_context(|| format!("opening the tenant file {}", path.display()))?;
        check_writable(&conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        migrations::migrate(&mut conn)
            .with_context(|| format!("upgrading the tenant file {}", path.display()))?;
        Ok(Store {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_initialized(&self) -> Result<bool> {
        let conn = self.conn.lock().expect("tenant connection lock");
        Ok(conn.query_row("SELECT COUNT(*) FROM company", [], |row| {
            row.get::<_, i64>(0)
        })? > 0)
    }

    fn read<T>(&self, work: impl FnOnce(&Connection) -> FaultResult<T>) -> FaultResult<T> {
        let conn = self.conn.lock().expect("tenant connection lock");
        work(&conn)
    }

    fn write<T>(&self, work: impl FnOnce(&Transaction) -> FaultResult<T>) -> FaultResult<T> {
        let mut conn = self.conn.lock().expect("tenant connection lock");
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let result = work(&tx)?;
        tx.commit().map_err(sql)?;
        Ok(result)
    }

    // ---- whole tenant ----

    /// Replaces the whole tenant with `snapshot`, in one transaction.
    pub fn replace_all(&self, snapshot: &TenantSnapshot) -> Result<()> {
        snapshot.check()?;
        let mut conn = self.conn.lock().expect("tenant connection lock");
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for table in [
            "group_members",
            "role_members",
            "user_licenses",
            "users",
            "groups",
            "service_principals",
            "subscriptions",
            "domains",
            "company",
        ] {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        tx.execute(
            "INSERT INTO company (id, data) VALUES (1, ?1)",
            [to_json(&snapshot.company)?],
        )?;
        for domain in &snapshot.domains {
            tx.execute(
                "INSERT INTO domains (name, data) VALUES (?1, ?2)",
                params![domain.name, to_json(domain)?],
            )?;
        }
        for subscription in &snapshot.subscriptions {
            tx.execute(
                "INSERT INTO subscriptions (sku_id, data) VALUES (?1, ?2)",
                params![subscription.sku_id.to_string(), to_json(subscription)?],
            )?;
        }
        let catalog = license_catalog(&tx).map_err(|f| anyhow::anyhow!("{f}"))?;
        for user in &snapshot.users {
            save_user_with_skus(&tx, user, &skus_of(user, &catalog))
                .map_err(|f| anyhow::anyhow!("{f}"))?;
        }
        for principal in &snapshot.service_principals {
            tx.execute(
                "INSERT INTO service_principals (object_id, data) VALUES (?1, ?2)",
                params![principal.object_id.to_string(), to_json(principal)?],
            )?;
        }
        for group in &snapshot.groups {
            tx.execute(
                "INSERT INTO groups (object_id, display_name, data) VALUES (?1, ?2, ?3)",
                params![
                    group.object_id.to_string(),
                    group.display_name,
                    to_json(group)?
                ],
            )?;
        }
        for assignment in &snapshot.role_assignments {
            tx.execute(
                "INSERT INTO role_members (role_id, member_id, member_type) VALUES (?1, ?2, ?3)",
                params![
                    assignment.role_object_id.to_string(),
                    assignment.member_object_id.to_string(),
                    member_type_name(assignment.role_member_type)
                ],
            )?;
        }
        for membership in &snapshot.group_memberships {
            let member_type = member_kind(&tx, membership.member_object_id)
                .map_err(|f| anyhow::anyhow!("{f}"))?;
            tx.execute(
                "INSERT INTO group_members (group_id, member_id, member_type) VALUES (?1, ?2, ?3)",
                params![
                    membership.group_object_id.to_string(),
                    membership.member_object_id.to_string(),
                    member_type
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The whole tenant, in a stable order (so an export of an import is byte for byte the same).
    pub fn export(&self) -> Result<TenantSnapshot> {
        let conn = self.conn.lock().expect("tenant connection lock");
        let company: String = conn
            .query_row("SELECT data FROM company WHERE id = 1", [], |row| {
                row.get(0)
            })
            .context("the tenant file holds no tenant: run 'msol-bridge tenant init'")?;
        let all = |query: &str| -> Result<Vec<String>> {
            let mut statement = conn.prepare(query)?;
            let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        };
        let parse = |rows: Vec<String>| -> Result<Vec<serde_json::Value>> {
            rows.iter()
                .map(|r| serde_json::from_str(r).context("reading the tenant file"))
                .collect()
        };
        let snapshot = serde_json::json!({
            "Version": tenant::SNAPSHOT_VERSION,
            "Company": serde_json::from_str::<serde_json::Value>(&company)?,
            "Domains": parse(all("SELECT data FROM domains ORDER BY name")?)?,
            "Subscriptions": parse(all("SELECT data FROM subscriptions ORDER BY sku_id")?)?,
            "Users": parse(all("SELECT data FROM users ORDER BY deleted, upn, object_id")?)?,
            "Groups": parse(all("SELECT data FROM groups ORDER BY display_name, object_id")?)?,
            "ServicePrincipals": parse(all("SELECT data FROM service_principals ORDER BY object_id")?)?,
            "RoleAssignments": all("SELECT json_object('RoleObjectId', role_id, 'MemberObjectId', member_id, 'RoleMemberType', member_type) FROM role_members ORDER BY role_id, member_id")?
                .iter().map(|r| serde_json::from_str::<RoleAssignment>(r)).collect::<Result<Vec<_>, _>>()?,
            "GroupMemberships": all("SELECT json_object('GroupObjectId', group_id, 'MemberObjectId', member_id) FROM group_members ORDER BY group_id, member_id")?
                .iter().map(|r| serde_json::from_str::<GroupMembership>(r)).collect::<Result<Vec<_>, _>>()?,
        });
        Ok(serde_json::from_value(snapshot)?)
    }

    // ---- tenant-wide reads ----

    pub fn company_information(&self) -> FaultResult<CompanyInformation> {
        self.read(company)
    }

    pub fn domains(&self) -> FaultResult<Vec<Domain>> {
        self.read(domains)
    }

    pub fn account_skus(&self) -> FaultResult<Vec<crate::domain::model::AccountSku>> {
        self.read(|conn| Ok(license_catalog(conn)?.account_skus()))
    }

    // ---- users ----

    pub fn count_users(&self) -> FaultResult<u64> {
        self.read(|conn| {
            conn.query_row("SELECT COUNT(*) FROM users WHERE deleted = 0", [], |row| {
                row.get::<_, i64>(0)
            })
            .map(|count| count as u64)
            .map_err(sql)
        })
    }

    pub fn list_users(&self, query: &UserQuery, page: &PageRequest) -> FaultResult<Page<User>> {
        self.read(|conn| {
            let role_members: Option<Vec<Uuid>> = match query.role_object_id {
                Some(role) => Some(role_user_ids(conn, role)?),
                None => None,
            };
            let deleted = query.filter.return_deleted_users;
            scan_page(
                page, |cursor, limit| {
                let (after_upn, after_id) = cursor.map(split_cursor).unwrap_or_default();
                let mut statement = conn
                    .prepare_cached("SELECT upn, object_id, data FROM users WHERE deleted = ?1 AND (upn, object_id) > (?2, ?3) ORDER BY upn, object_id LIMIT ?4")
                    .map_err(sql)?;
                let rows = statement
                    .query_map(params![deleted, after_upn, after_id, limit], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?)))
                    .map_err(sql)?;
                let mut batch = Vec::new();
                for row in rows {
                    let (upn, id, data) = row.map_err(sql)?;
                    batch.push((format!("{upn}\u{1f}{id}"), data));
                }
                Ok(batch)
            }, |data| {
                let user: User = from_json(data)?;
                let wanted = query.filter.matches(&user)
                    && query.strong_authentication.as_ref().is_none_or(|f| f.matches(&user))
                    && role_members.as_ref().is_none_or(|ids| ids.contains(&user.object_id));
                Ok(wanted.then_some(user))
            })
        })
    }

    pub fn get_user(&self, user: &UserRef, deleted: bool) -> FaultResult<User> {
        self.read(|conn| resolve_user(conn, user, deleted))
    }

    pub fn new_user(&self, params: NewUserParams, now: Timestamp) -> FaultResult<CreatedUser> {
        self.write(|tx| {
            let upn = check_user_principal_name(
                "UserPrincipalName",
                &params.user_principal_name,
                &verified_domain_names(tx)?,
            )?;
            if params
                .properties
                .display_name
                .as_deref()
                .is_none_or(|n| n.trim().is_empty())
            {
                return Err(Fault::Required {
                    field: "DisplayName".to_string(),
                    reason: "A new user needs a display name.".to_string(),
                });
            }
            if load_user_by_upn(tx, &upn, false)?.is_some() {
                return Err(Fault::UserAlreadyExists(upn));
            }
            let mut fresh = User::new(Uuid::new_v4(), upn.clone(), now);
            fresh.proxy_addresses = vec![format!("SMTP:{upn}")];
            let mut applied = user_rules::apply_changes(&fresh, &params.properties, now)?;
            let password = password::given_or_generated(
                "Password",
                params.password.as_deref(),
                &upn,
                applied.user.strong_password_required,
            )?;
            applied.user.last_password_change_timestamp = Some(now);
            applied.user.password_reset_not_required_during_activate =
                !params.force_change_password.unwrap_or(true);
            let catalog = license_catalog(tx)?;
            licensing::apply(
                &mut applied.user,
                &catalog,
                params.license_assignment.as_deref().unwrap_or_default(),
                &[],
                params.license_options.as_deref().unwrap_or_default(),
            )?;
            save_user_with_skus(tx, &applied.user, &skus_of(&applied.user, &catalog))?;
            Ok(CreatedUser {
                user: applied.user,
                password,
            })
        })
    }

    pub fn set_user(&self, params: SetUserParams, now: Timestamp) -> FaultResult<Outcome> {
        self.write(|tx| {
            let current = resolve_user(tx, &params.user(), false)?;
            let applied = user_rules::apply_changes(&current, &params.changes, now)?;
            if !applied.changed.is_empty() {
                save_user(tx, &applied.user)?;
            }
            let mut outcome = Outcome::of(current.object_id, applied.changed)
                .about(&applied.user.user_principal_name);
            outcome.warnings = applied.warnings;
            Ok(outcome)
        })
    }

    pub fn remove_user(&self, params: RemoveUserParams, now: Timestamp) -> FaultResult<Outcome> {
        self.write(|tx| {
            if params.remove_from_recycle_bin {
                let deleted = resolve_user(tx, &params.user(), true)?;
                tx.execute(
                    "DELETE FROM role_members WHERE member_id = ?1",
                    [deleted.object_id.to_string()],
                )
                .map_err(sql)?;
                tx.execute(
                    "DELETE FROM group_members WHERE member_id = ?1",
                    [deleted.object_id.to_string()],
                )
                .map_err(sql)?;
                tx.execute(
                    "DELETE FROM users WHERE object_id = ?1",
                    [deleted.object_id.to_string()],
                )
                .map_err(sql)?;
                return Ok(Outcome::of(deleted.object_id, ["RemovedFromRecycleBin"]));
            }
            let mut user = resolve_user(tx, &params.user(), false)?;
            user.soft_deletion_timestamp = Some(now);
            save_user(tx, &user)?;
            Ok(Outcome::of(user.object_id, ["SoftDeletionTimestamp"]))
        })
    }

    pub fn restore_user(&self, params: RestoreUserParams, now: Timestamp) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut user = resolve_user(tx, &params.user(), true)?;
            let deleted_at = user.soft_deletion_timestamp.expect("users in the recycle bin have a deletion time");
            if now.days_since(deleted_at) >= RESTORE_WINDOW_DAYS {
                return Err(Fault::RestoreNotAllowed(format!(
                    "SoftDeletedUserIsTooOld: it was deleted on {deleted_at}, more than {RESTORE_WINDOW_DAYS} days ago."
                )));
            }
            let mut changed = vec!["SoftDeletionTimestamp"];
            if let Some(new_upn) = &params.new_user_principal_name {
                let upn = check_user_principal_name("NewUserPrincipalName", new_upn, &verified_domain_names(tx)?)?;
                if upn != user.user_principal_name {
                    user.user_principal_name = upn.clone();
                    user.sign_in_name = Some(upn);
                    changed.push("UserPrincipalName");
                }
            }
            if load_user_by_upn(tx, &user.user_principal_name, false)?.is_some() {
                return Err(Fault::RestoreNotAllowed(format!(
                    "Another user now has the user principal name {}: give the restored user a new one with NewUserPrincipalName.",
                    user.user_principal_name
                )));
            }
            if params.auto_reconcile_proxy_conflicts {
                let before = user.proxy_addresses.len();
                let mut kept = Vec::new();
                for address in &user.proxy_addresses {
                    if !proxy_address_taken(tx, address, user.object_id)? {
                        kept.push(address.clone());
                    }
                }
                if kept.len() != before {
                    user.proxy_addresses = kept;
                    changed.push("ProxyAddresses");
                }
            }
            user.soft_deletion_timestamp = None;
            save_user(tx, &user)?;
            Ok(Outcome::of(user.object_id, changed))
        })
    }

    pub fn set_user_password(
        &self,
        params: SetUserPasswordParams,
        now: Timestamp,
    ) -> FaultResult<Option<String>> {
        self.write(|tx| {
            let mut user = resolve_user(tx, &params.user(), false)?;
            let (password, force) = match password::plan_change(&user, &params)? {
                password::PasswordChange::ForceChangeOnly => {
                    user.password_reset_not_required_during_activate = false;
                    save_user(tx, &user)?;
                    return Ok(None);
                }
                password::PasswordChange::Set {
                    password,
                    force_change,
                } => (password, force_change),
            };
            user.last_password_change_timestamp = Some(now);
            user.password_reset_not_required_during_activate = !force;
            save_user(tx, &user)?;
            Ok(Some(password))
        })
    }

    pub fn set_user_principal_name(
        &self,
        params: SetUserPrincipalNameParams,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut user = resolve_user(tx, &params.user(), false)?;
            let domains = domains(tx)?;
            let verified: Vec<String> = domains.iter().filter(|d| d.status == DomainStatus::Verified).map(|d| d.name.clone()).collect();
            let upn = check_user_principal_name("NewUserPrincipalName", &params.new_user_principal_name, &verified)?;
            if upn == user.user_principal_name {
                return Ok(Outcome::of(user.object_id, Vec::<String>::new()));
            }
            if user.is_synchronized() {
                return Err(Fault::NotSettable {
                    field: "UserPrincipalName".to_string(),
                    reason: "The user is synchronized from on-premises Active Directory: change the user principal name there.".to_string(),
                });
            }
            if let Some(other) = load_user_by_upn(tx, &upn, false)? {
                if other.object_id != user.object_id {
                    return Err(Fault::UserAlreadyExists(upn));
                }
            }
            let federated = |name: &str| {
                let domain = name.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
                domains.iter().any(|d| d.name.eq_ignore_ascii_case(domain) && d.authentication == DomainAuthenticationType::Federated)
            };
            let mut changed = vec!["UserPrincipalName"];
            match (federated(&user.user_principal_name), federated(&upn)) {
                (false, true) => {
                    let immutable = params.immutable_id.as_deref().map(str::trim).filter(|i| !i.is_empty()).or(user.immutable_id.as_deref()).map(str::to_string);
                    let Some(immutable) = immutable else {
                        return Err(Fault::Required { field: "ImmutableId".to_string(), reason: "Moving a user to a federated domain needs the user's ImmutableId.".to_string() });
                    };
                    if user.immutable_id.as_deref() != Some(immutable.as_str()) {
                        user.immutable_id = Some(immutable);
                        changed.push("ImmutableId");
                    }
                }
                (true, false) => {
                    let Some(password) = &params.new_password else {
                        return Err(Fault::Required { field: "NewPassword".to_string(), reason: "Moving a user from a federated to a managed domain needs a NewPassword.".to_string() });
                    };
                    password::given_or_generated("NewPassword", Some(password), &upn, user.strong_password_required)?;
                    changed.push("LastPasswordChangeTimestamp");
                    user.last_password_change_timestamp = Some(Timestamp::now());
                }
                _ => {}
            }
            let old = format!("smtp:{}", user.user_principal_name);
            user.proxy_addresses.iter_mut().filter(|p| p.starts_with("SMTP:")).for_each(|p| *p = old.clone());
            user.proxy_addresses.insert(0, format!("SMTP:{upn}"));
            user.user_principal_name = upn.clone();
            user.sign_in_name = Some(upn);
            save_user(tx, &user)?;
            Ok(Outcome::of(user.object_id, changed))
        })
    }

    pub fn set_user_license(&self, params: SetUserLicenseParams) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut user = resolve_user(tx, &params.user(), false)?;
            let catalog = license_catalog(tx)?;
            let change = licensing::apply(
                &mut user,
                &catalog,
                params.add_licenses.as_deref().unwrap_or_default(),
                params.remove_licenses.as_deref().unwrap_or_default(),
                params.license_options.as_deref().unwrap_or_default(),
            )?;
            if !change.changed {
                return Ok(Outcome::of(user.object_id, Vec::<String>::new()));
            }
            save_user_with_skus(tx, &user, &skus_of(&user, &catalog))?;
            Ok(Outcome::of(user.object_id, ["Licenses"]))
        })
    }

    pub fn reset_strong_authentication(&self, user: &UserRef) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut user = resolve_user(tx, user, false)?;
            let registered = !user.strong_authentication_methods.is_empty()
                || !user.strong_authentication_phone_app_details.is_empty()
                || user
                    .strong_authentication_user_details
                    .as_ref()
                    .is_some_and(|d| {
                        d.phone_number.is_some() || d.alternative_phone_number.is_some()
                    });
            if !registered {
                return Ok(Outcome::of(user.object_id, Vec::<String>::new()));
            }
            user_rules::clear_registration(&mut user);
            save_user(tx, &user)?;
            Ok(Outcome::of(user.object_id, ["StrongAuthenticationMethods"]))
        })
    }

    // ---- roles ----

    pub fn role_members(
        &self,
        role: Uuid,
        query: &MemberQuery<RoleMemberType>,
        page: &PageRequest,
    ) -> FaultResult<Page<RoleMember>> {
        let built_in = roles::by_id(role).ok_or_else(|| Fault::RoleNotFound(role.to_string()))?;
        self.read(|conn| {
            scan_page(
                page, |cursor, limit| {
                let mut statement = conn
                    .prepare_cached("SELECT member_id, member_type FROM role_members WHERE role_id = ?1 AND member_id > ?2 ORDER BY member_id LIMIT ?3")
                    .map_err(sql)?;
                let rows = statement
                    .query_map(params![built_in.template_id, cursor.unwrap_or_default(), limit], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))
                    .map_err(sql)?;
                rows.map(|r| r.map(|(id, kind)| (id.clone(), format!("{id}\u{1f}{kind}")))).collect::<rusqlite::Result<Vec<_>>>().map_err(sql)
            }, |row| {
                let (id, kind) = row.split_once('\u{1f}').expect("row key and kind");
                let Some(member) = role_member(conn, id, kind)? else { return Ok(None) };
                let listed = query.matches(&member.role_member_type, member.display_name.as_deref(), member.email_address.as_deref());
                Ok(listed.then_some(member))
            })
        })
    }

    pub fn add_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome> {
        self.write(|tx| {
            let (id, kind) = resolve_member(tx, member)?;
            let inserted = tx
                .execute("INSERT OR IGNORE INTO role_members (role_id, member_id, member_type) VALUES (?1, ?2, ?3)", params![role.to_string(), id.to_string(), kind])
                .map_err(sql)?;
            if inserted == 0 {
                return Err(Fault::RoleMemberAlreadyExists);
            }
            Ok(Outcome::of(id, ["RoleMembership"]))
        })
    }

    pub fn remove_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome> {
        self.write(|tx| {
            let (id, _) = resolve_member(tx, member)?;
            let removed = tx
                .execute(
                    "DELETE FROM role_members WHERE role_id = ?1 AND member_id = ?2",
                    params![role.to_string(), id.to_string()],
                )
                .map_err(sql)?;
            if removed == 0 {
                return Err(Fault::RoleMemberNotFound);
            }
            Ok(Outcome::of(id, ["RoleMembership"]))
        })
    }

    pub fn user_roles(&self, user: &UserRef) -> FaultResult<Vec<Role>> {
        self.read(|conn| {
            let user = resolve_user(conn, user, false)?;
            let mut statement = conn
                .prepare_cached(
                    "SELECT DISTINCT role_id FROM role_members WHERE member_id = ?1
                     OR member_id IN (SELECT group_id FROM group_members WHERE member_id = ?1) ORDER BY role_id",
                )
                .map_err(sql)?;
            let ids = statement.query_map([user.object_id.to_string()], |row| row.get::<_, String>(0)).map_err(sql)?;
            let mut held = Vec::new();
            for id in ids {
                let id = Uuid::parse_str(&id.map_err(sql)?).map_err(|e| Fault::Unexpected(e.into()))?;
                if let Some(role) = roles::by_id(id) {
                    held.push(role.role());
                }
            }
            Ok(held)
        })
    }

    // ---- groups ----

    pub fn groups(&self, query: &GroupQuery, page: &PageRequest) -> FaultResult<Page<Group>> {
        self.read(|conn| {
            let member_of: Option<Vec<String>> = match &query.member {
                Some(member) => {
                    let user = resolve_user(conn, member, false)?;
                    let mut statement = conn.prepare_cached("SELECT group_id FROM group_members WHERE member_id = ?1").map_err(sql)?;
                    let ids = statement.query_map([user.object_id.to_string()], |row| row.get::<_, String>(0)).map_err(sql)?;
                    Some(ids.collect::<rusqlite::Result<Vec<_>>>().map_err(sql)?)
                }
                None => None,
            };
            scan_page(
                page, |cursor, limit| {
                let (after_name, after_id) = cursor.map(split_cursor).unwrap_or_default();
                let mut statement = conn
                    .prepare_cached("SELECT display_name, object_id, data FROM groups WHERE (display_name, object_id) > (?1, ?2) ORDER BY display_name, object_id LIMIT ?3")
                    .map_err(sql)?;
                let rows = statement
                    .query_map(params![after_name, after_id, limit], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?)))
                    .map_err(sql)?;
                rows.map(|r| r.map(|(name, id, data)| (format!("{name}\u{1f}{id}"), data))).collect::<rusqlite::Result<Vec<_>>>().map_err(sql)
            }, |data| {
                let group: Group = from_json(data)?;
                let wanted = member_of.as_ref().is_none_or(|ids| ids.contains(&group.object_id.to_string()))
                    && query.group_type.is_none_or(|t| t == group.group_type)
                    && (!query.has_errors_only || !group.errors.is_empty())
                    && query.has_license_errors_only.is_none_or(|wanted| group.has_license_errors == wanted)
                    && name_or_address_starts_with(
                        Some(&group.display_name),
                        group.email_address.as_deref(),
                        query.search_string.as_deref(),
                    );
                Ok(wanted.then_some(group))
            })
        })
    }

    pub fn group(&self, id: Uuid) -> FaultResult<Group> {
        self.read(|conn| load_group(conn, id)?.ok_or_else(|| Fault::GroupNotFound(id.to_string())))
    }

    pub fn group_members(
        &self,
        group: Uuid,
        query: &MemberQuery<GroupMemberType>,
        page: &PageRequest,
    ) -> FaultResult<Page<GroupMember>> {
        self.read(|conn| {
            load_group(conn, group)?.ok_or_else(|| Fault::GroupNotFound(group.to_string()))?;
            scan_page(
                page, |cursor, limit| {
                let mut statement = conn
                    .prepare_cached("SELECT member_id, member_type FROM group_members WHERE group_id = ?1 AND member_id > ?2 ORDER BY member_id LIMIT ?3")
                    .map_err(sql)?;
                let rows = statement
                    .query_map(params![group.to_string(), cursor.unwrap_or_default(), limit], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))
                    .map_err(sql)?;
                rows.map(|r| r.map(|(id, kind)| (id.clone(), format!("{id}\u{1f}{kind}")))).collect::<rusqlite::Result<Vec<_>>>().map_err(sql)
            }, |row| {
                let (id, kind) = row.split_once('\u{1f}').expect("row key and kind");
                let Some(member) = role_member(conn, id, kind)? else { return Ok(None) };
                let member = GroupMember {
                    object_id: member.object_id,
                    group_member_type: match member.role_member_type {
                        RoleMemberType::User => GroupMemberType::User,
                        RoleMemberType::ServicePrincipal => GroupMemberType::ServicePrincipal,
                        RoleMemberType::Group => GroupMemberType::Group,
                        RoleMemberType::Other => GroupMemberType::Contact,
                    },
                    common_name: None,
                    display_name: member.display_name,
                    email_address: member.email_address,
                };
                let listed = query.matches(&member.group_member_type, member.display_name.as_deref(), member.email_address.as_deref());
                Ok(listed.then_some(member))
            })
        })
    }
}

// ---- helpers on a connection (shared by reads and writes: a Transaction derefs to Connection) ----

/// Keyset paging with filters applied in Rust: reads rows after the cursor in batches until the
/// page is full, then looks one match further to know whether another page exists.
fn scan_page<T>(
    page: &PageRequest,
    mut fetch: impl FnMut(Option<&str>, i64) -> FaultResult<Vec<(String, String)>>,
    mut keep: impl FnMut(&str) -> FaultResult<Option<T>>,
) -> FaultResult<Page<T>> {
    let batch_size = (page.size as i64 + 1).clamp(64, 2000);
    let mut cursor = page.cursor.clone();
    let mut items = Vec::with_capacity(page.size);
    let mut last_key: Option<String> = None;
    loop {
        let batch = fetch(cursor.as_deref(), batch_size)?;
        let exhausted = (batch.len() as i64) < batch_size;
        for (key, data) in &batch {
            if let Some(item) = keep(data)? {
                if items.len() == page.size {
                    return Ok(Page {
                        items,
                        next_cursor: last_key,
                    });
                }
                items.push(item);
                last_key = Some(key.clone());
            }
        }
        if exhausted {
            return Ok(Page {
                items,
                next_cursor: None,
            });
        }
        cursor = batch.last().map(|(key, _)| key.clone());
    }
}

fn split_cursor(cursor: &str) -> (String, String) {
    match cursor.split_once('\u{1f}') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (cursor.to_string(), String::new()),
    }
}

fn company(conn: &Connection) -> FaultResult<CompanyInformation> {
    let data: String = conn
        .query_row("SELECT data FROM company WHERE id = 1", [], |row| {
            row.get(0)
        })
        .optional()
        .map_err(sql)?
        .ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "the tenant file holds no tenant: run 'msol-bridge tenant init'"
            ))
        })?;
    from_json(&data)
}

fn domains(conn: &Connection) -> FaultResult<Vec<Domain>> {
    let mut statement = conn
        .prepare_cached("SELECT data FROM domains ORDER BY name")
        .map_err(sql)?;
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(sql)?;
    rows.map(|r| from_json(&r.map_err(sql)?)).collect()
}

fn verified_domain_names(conn: &Connection) -> FaultResult<Vec<String>> {
    Ok(domains(conn)?
        .into_iter()
        .filter(|d| d.status == DomainStatus::Verified)
        .map(|d| d.name)
        .collect())
}

fn license_catalog(conn: &Connection) -> FaultResult<LicenseCatalog> {
    let company = company(conn)?;
    let mut statement = conn
        .prepare_cached(
            "SELECT s.data, (SELECT COUNT(*) FROM user_licenses l JOIN users u ON u.object_id = l.user_id
                              WHERE l.sku_id = s.sku_id AND u.deleted = 0)
             FROM subscriptions s ORDER BY s.sku_id",
        )
        .map_err(sql)?;
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i32>(1)?))
        })
        .map_err(sql)?;
    let mut subscriptions = Vec::new();
    for row in rows {
        let (data, consumed) = row.map_err(sql)?;
        subscriptions.push((from_json::<Subscription>(&data)?, consumed));
    }
    Ok(LicenseCatalog {
        account_name: tenant::account_name(&company.initial_domain),
        account_object_id: company.object_id,
        subscriptions,
    })
}

fn skus_of(user: &User, catalog: &LicenseCatalog) -> Vec<Uuid> {
    user.licenses
        .iter()
        .filter_map(|l| {
            catalog
                .subscriptions
                .iter()
                .find(|(s, _)| {
                    catalog
                        .account_sku_id(s)
                        .eq_ignore_ascii_case(&l.account_sku_id)
                })
                .map(|(s, _)| s.sku_id)
        })
        .collect()
}

/// The user with this UPN; among deleted users, the most recently deleted.
fn load_user_by_upn(conn: &Connection, upn: &str, deleted: bool) -> FaultResult<Option<User>> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM users WHERE upn = ?1 AND deleted = ?2 ORDER BY json_extract(data, '$.SoftDeletionTimestamp') DESC LIMIT 1",
            params![upn.trim(), deleted],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    data.map(|d| from_json(&d)).transpose()
}

fn load_user(conn: &Connection, id: Uuid, deleted: bool) -> FaultResult<Option<User>> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM users WHERE object_id = ?1 AND deleted = ?2",
            params![id.to_string(), deleted],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    data.map(|d| from_json(&d)).transpose()
}

/// Finds the user a request names; when it names both ObjectId and UserPrincipalName, both must
/// name the same user (a piped object binds both).
fn resolve_user(conn: &Connection, user: &UserRef, deleted: bool) -> FaultResult<User> {
    user.require_name()?;
    let found = match (&user.object_id, &user.user_principal_name) {
        (Some(id), _) => load_user(conn, *id, deleted)?,
        (None, Some(upn)) => load_user_by_upn(conn, upn, deleted)?,
        (None, None) => None,
    };
    let found = found.ok_or_else(|| Fault::UserNotFound(user.describe()))?;
    user.check_same_user(found.object_id, &found.user_principal_name)?;
    Ok(found)
}

fn save_user(tx: &Connection, user: &User) -> FaultResult<()> {
    tx.execute(
        "INSERT INTO users (object_id, upn, deleted, data) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (object_id) DO UPDATE SET upn = excluded.upn, deleted = excluded.deleted, data = excluded.data",
        params![user.object_id.to_string(), user.user_principal_name, user.soft_deletion_timestamp.is_some(), to_json(user)?],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
            Fault::UserAlreadyExists(user.user_principal_name.clone())
        }
        other => sql(other),
    })?;
    Ok(())
}

fn save_user_with_skus(tx: &Connection, user: &User, sku_ids: &[Uuid]) -> FaultResult<()> {
    save_user(tx, user)?;
    tx.execute(
        "DELETE FROM user_licenses WHERE user_id = ?1",
        [user.object_id.to_string()],
    )
    .map_err(sql)?;
    for sku in sku_ids {
        tx.execute(
            "INSERT INTO user_licenses (user_id, sku_id) VALUES (?1, ?2)",
            params![user.object_id.to_string(), sku.to_string()],
        )
        .map_err(sql)?;
    }
    Ok(())
}

fn proxy_address_taken(conn: &Connection, address: &str, except: Uuid) -> FaultResult<bool> {
    let bare = address
        .split_once(':')
        .map_or(address, |(_, a)| a)
        .to_ascii_lowercase();
    let taken: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM users, json_each(users.data, '$.ProxyAddresses') p
             WHERE users.deleted = 0 AND users.object_id != ?1 AND lower(substr(p.value, instr(p.value, ':') + 1)) = ?2",
            params![except.to_string(), bare],
            |row| row.get(0),
        )
        .map_err(sql)?;
    Ok(taken > 0)
}

fn role_user_ids(conn: &Connection, role: Uuid) -> FaultResult<Vec<Uuid>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT member_id FROM role_members WHERE role_id = ?1 AND member_type = 'User'",
        )
        .map_err(sql)?;
    let rows = statement
        .query_map([role.to_string()], |row| row.get::<_, String>(0))
        .map_err(sql)?;
    rows.map(|r| Uuid::parse_str(&r.map_err(sql)?).map_err(|e| Fault::Unexpected(e.into())))
        .collect()
}

fn member_type_name(kind: RoleMemberType) -> &'static str {
    match kind {
        RoleMemberType::User => "User",
        RoleMemberType::Group => "Group",
        RoleMemberType::ServicePrincipal => "ServicePrincipal",
        RoleMemberType::Other => "Other",
    }
}

fn member_kind(conn: &Connection, id: Uuid) -> FaultResult<&'static str> {
    let id = id.to_string();
    let exists = |table: &str| -> FaultResult<bool> {
        conn.query_row(
            &format!("SELECT COUNT(*) FROM {table} WHERE object_id = ?1"),
            [&id],
            |row| row.get::<_, i64>(0),
        )
        .map(|n| n > 0)
        .map_err(sql)
    };
    if exists("users")? {
        Ok("User")
    } else if exists("service_principals")? {
        Ok("ServicePrincipal")
    } else if exists("groups")? {
        Ok("Group")
    } else {
        Err(Fault::Unexpected(anyhow::anyhow!(
            "no directory object has ObjectId {id}"
        )))
    }
}

fn load_group(conn: &Connection, id: Uuid) -> FaultResult<Option<Group>> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM groups WHERE object_id = ?1",
            [id.to_string()],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    data.map(|d| from_json(&d)).transpose()
}

/// A member as `RoleMember`; `None` for users in the recycle bin (they hold no roles meanwhile).
fn role_member(conn: &Connection, id: &str, kind: &str) -> FaultResult<Option<RoleMember>> {
    let object_id = Uuid::parse_str(id).map_err(|e| Fault::Unexpected(e.into()))?;
    let member = |role_member_type, display_name: Option<String>, email_address: Option<String>| {
        RoleMember {
            object_id,
            role_member_type,
            display_name,
            email_address,
            is_licensed: None,
            last_dir_sync_time: None,
            overall_provisioning_status: None,
            validation_status: None,
            strong_authentication_requirements: Vec::new(),
        }
    };
    Ok(match kind {
        "User" => load_user(conn, object_id, false)?.map(|user| RoleMember {
            is_licensed: Some(user.is_licensed),
            last_dir_sync_time: user.last_dir_sync_time,
            overall_provisioning_status: Some(user.overall_provisioning_status),
            validation_status: Some(user.validation_status),
            strong_authentication_requirements: user.strong_authentication_requirements.clone(),
            ..member(
                RoleMemberType::User,
                user.display_name.clone(),
                Some(user.user_principal_name.clone()),
            )
        }),
        "ServicePrincipal" => {
            let data: Option<String> = conn
                .query_row(
                    "SELECT data FROM service_principals WHERE object_id = ?1",
                    [id],
                    |row| row.get(0),
                )
                .optional()
                .map_err(sql)?;
            data.map(|d| from_json::<ServicePrincipal>(&d))
                .transpose()?
                .map(|sp| {
                    member(
                        RoleMemberType::ServicePrincipal,
                        Some(sp.display_name),
                        None,
                    )
                })
        }
        "Group" => load_group(conn, object_id)?
            .map(|g| member(RoleMemberType::Group, Some(g.display_name), g.email_address)),
        _ => None,
    })
}

/// Finds the object a role change names: a user by ObjectId or UPN, or a service principal by ObjectId.
fn resolve_member(conn: &Connection, member: &MemberRef) -> FaultResult<(Uuid, &'static str)> {
    match member.member_type {
        RoleMemberType::User => {
            let user = resolve_user(
                conn,
                &UserRef {
                    object_id: member.object_id,
                    user_principal_name: member.email_address.clone(),
                },
                false,
            )
            .map_err(|fault| match fault {
                Fault::Required { .. } => Fault::Required {
                    field: "RoleMemberObjectId".to_string(),
                    reason: "Name the member with RoleMemberObjectId or RoleMemberEmailAddress."
                        .to_string(),
                },
                other => other,
            })?;
            Ok((user.object_id, "User"))
        }
        RoleMemberType::ServicePrincipal => {
            let Some(id) = member.object_id else {
                return Err(Fault::Required {
                    field: "RoleMemberObjectId".to_string(),
                    reason: "A service principal is named by its ObjectId.".to_string(),
                });
            };
            let exists: i64 = conn
                .query_row(
                    "SELECT COUNT(*) FROM service_principals WHERE object_id = ?1",
                    [id.to_string()],
                    |row| row.get(0),
                )
                .map_err(sql)?;
            if exists == 0 {
                return Err(Fault::invalid(
                    "RoleMemberObjectId",
                    format!("No service principal has ObjectId {id}."),
                ));
            }
            Ok((id, "ServicePrincipal"))
        }
        RoleMemberType::Group | RoleMemberType::Other => Err(Fault::invalid_choice(
            "RoleMemberType",
            "MSOnline adds users and service principals to roles.",
            &["User", "ServicePrincipal"],
        )),
    }
}
