//! The local tenant in one SQLite file: every operation is one transaction. Each family of
//! objects has its own file here (company, licenses, users, roles, groups, service principals, contacts,
//! devices); this one opens the file, runs transactions and reads or replaces the whole tenant.
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
    CreatedServicePrincipal, CreatedUser, GroupQuery, MemberQuery, MemberRef, NewPrincipal,
    Outcome, Page, PageRequest, UserQuery,
};
use crate::domain::devices as device_rules;
use crate::domain::domains::{self as domain_rules, PublishedDnsRecord};
use crate::domain::fault::{Fault, FaultResult};
use crate::domain::licensing::{self, LicenseCatalog};
use crate::domain::model::{
    CompanyInformation, Contact, DirSyncConfiguration, DirSyncFeature,
    DirSyncProvisioningErrorObject, DirSyncSettings, Domain, DomainAuthenticationType,
    DomainRecord, DomainStatus, Group, GroupMember, GroupMemberType, PasswordPolicy, Role,
    RoleMember, RoleMemberType, ServicePrincipal, ServicePrincipalCredential, Subscription, User,
};
use crate::domain::password;
use crate::domain::query::name_or_address_starts_with;
use crate::domain::requests::{
    CompanyContacts, NewUserParams, RemoveUserParams, RestoreUserParams, SetUserLicenseParams,
    SetUserParams, SetUserPasswordParams, SetUserPrincipalNameParams, UserRef,
};
use crate::domain::time::Timestamp;
use crate::domain::user_rules::{self, check_user_principal_name};
use crate::domain::{dir_sync, dir_sync_features};
use crate::tenant::{self, GroupMembership, RoleAssignment, TenantSnapshot};

mod administrative_units;
mod company;
mod contacts;
mod devices;
mod directory_settings;
mod domain_federation;
mod groups;
mod licenses;
mod roles;
mod service_principals;
mod users;

use administrative_units::{forget_unit_memberships, save_unit};
use company::{company, dir_sync_turned_off_at, domains, verified_domain_names, DIR_SYNC_SETTINGS};
use contacts::{load_contact, save_contact};
use devices::{all_devices, save_device, REGISTRATION_POLICY};
use directory_settings::save_directory_setting;
use domain_federation::save_federation;
use groups::load_group;
use licenses::{complete_stored_terms, license_catalog, skus_of};
use roles::{member_kind, member_type_name, role_member, role_user_ids};
use users::{load_user, resolve_user, save_user_with_skus};

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
        complete_stored_terms(&mut conn)
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

    /// Replaces the whole tenant with `snapshot`, in one transaction.
    pub fn replace_all(&self, snapshot: &TenantSnapshot) -> Result<()> {
        let mut snapshot = snapshot.clone();
        snapshot.complete_subscription_terms();
        let snapshot = &snapshot;
        snapshot.check()?;
        let mut conn = self.conn.lock().expect("tenant connection lock");
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for table in [
            "domain_federation",
            "directory_settings",
            "scoped_role_members",
            "administrative_unit_members",
            "administrative_units",
            "service_principal_credentials",
            "device_owners",
            "devices",
            "contacts",
            "published_dns_records",
            "password_policies",
            "group_members",
            "role_members",
            "user_licenses",
            "users",
            "groups",
            "service_principals",
            "subscriptions",
            "domains",
            "company",
            "dir_sync_turned_off",
            "dir_sync_settings",
            "device_registration_policy",
        ] {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        tx.execute(
            "INSERT INTO company (id, data) VALUES (1, ?1)",
            [to_json(&snapshot.company)?],
        )?;
        if let Some(policy) = &snapshot.device_registration_policy {
            save_setting(&tx, REGISTRATION_POLICY, policy).map_err(|f| anyhow::anyhow!("{f}"))?;
        }
        if let Some(settings) = &snapshot.dir_sync_settings {
            save_setting(&tx, DIR_SYNC_SETTINGS, settings).map_err(|f| anyhow::anyhow!("{f}"))?;
        }
        if let Some(at) = snapshot.dir_sync_turned_off_at {
            tx.execute(
                "INSERT INTO dir_sync_turned_off (id, at) VALUES (1, ?1)",
                [at.to_string()],
            )?;
        }
        for domain in &snapshot.domains {
            tx.execute(
                "INSERT INTO domains (name, data) VALUES (?1, ?2)",
                params![domain.name, to_json(domain)?],
            )?;
        }
        for federated in &snapshot.domain_federation_settings {
            save_federation(&tx, &federated.domain_name, &federated.settings)
                .map_err(|f| anyhow::anyhow!("{f}"))?;
        }
        for policy in &snapshot.password_policies {
            tx.execute(
                "INSERT INTO password_policies (domain, data) VALUES (?1, ?2)",
                params![policy.domain_name, to_json(&policy.policy)?],
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
        for credential in &snapshot.service_principal_credentials {
            tx.execute(
                "INSERT INTO service_principal_credentials (key_id, object_id, data) VALUES (?1, ?2, ?3)",
                params![
                    credential.key_id.to_string(),
                    credential.service_principal_object_id.to_string(),
                    to_json(credential)?
                ],
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
        for record in &snapshot.published_dns_records {
            tx.execute(
                "INSERT OR IGNORE INTO published_dns_records (domain, type, value) VALUES (?1, ?2, ?3)",
                params![
                    record.domain.trim().to_ascii_lowercase(),
                    serde_json::to_value(record.record_type)?.as_str().unwrap_or_default(),
                    record.value.trim()
                ],
            )?;
        }
        for contact in &snapshot.contacts {
            save_contact(&tx, contact).map_err(|f| anyhow::anyhow!("{f}"))?;
        }
        for device in &snapshot.devices {
            let owners = snapshot.device_owner_ids(device);
            save_device(&tx, device, &owners).map_err(|f| anyhow::anyhow!("{f}"))?;
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
        for owned in &snapshot.directory_settings {
            save_directory_setting(&tx, owned.target_object_id, &owned.setting)
                .map_err(|f| anyhow::anyhow!("{f}"))?;
        }
        for unit in &snapshot.administrative_units {
            save_unit(&tx, unit).map_err(|f| anyhow::anyhow!("{f}"))?;
        }
        for membership in &snapshot.administrative_unit_memberships {
            tx.execute(
                "INSERT INTO administrative_unit_members (unit_id, member_id) VALUES (?1, ?2)",
                params![
                    membership.administrative_unit_object_id.to_string(),
                    membership.member_object_id.to_string()
                ],
            )?;
        }
        for assignment in &snapshot.scoped_role_assignments {
            tx.execute(
                "INSERT INTO scoped_role_members (unit_id, role_id, member_id) VALUES (?1, ?2, ?3)",
                params![
                    assignment.administrative_unit_object_id.to_string(),
                    assignment.role_object_id.to_string(),
                    assignment.member_object_id.to_string()
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
        let turned_off_at = dir_sync_turned_off_at(&conn).map_err(|f| anyhow::anyhow!("{f}"))?;
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
        let mut snapshot = serde_json::json!({
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
        if let Some(at) = turned_off_at {
            snapshot["DirSyncTurnedOffAt"] = serde_json::json!(at);
        }
        let policy: Option<crate::domain::model::DeviceRegistrationServicePolicy> =
            stored_setting(&conn, REGISTRATION_POLICY).map_err(|f| anyhow::anyhow!("{f}"))?;
        if let Some(policy) = policy {
            snapshot["DeviceRegistrationPolicy"] = serde_json::to_value(policy)?;
        }
        let settings: Option<DirSyncSettings> =
            stored_setting(&conn, DIR_SYNC_SETTINGS).map_err(|f| anyhow::anyhow!("{f}"))?;
        if let Some(settings) = settings {
            snapshot["DirSyncSettings"] = serde_json::to_value(settings)?;
        }
        let credentials =
            all("SELECT data FROM service_principal_credentials ORDER BY object_id, key_id")?;
        if !credentials.is_empty() {
            snapshot["ServicePrincipalCredentials"] = serde_json::Value::Array(parse(credentials)?);
        }
        let published =
            company::published_dns_records(&conn).map_err(|f| anyhow::anyhow!("{f}"))?;
        if !published.is_empty() {
            snapshot["PublishedDnsRecords"] = serde_json::to_value(published)?;
        }
        let contacts = all("SELECT data FROM contacts ORDER BY display_name, object_id")?;
        if !contacts.is_empty() {
            snapshot["Contacts"] = serde_json::Value::Array(parse(contacts)?);
        }
        let devices = all_devices(&conn).map_err(|f| anyhow::anyhow!("{f}"))?;
        if !devices.is_empty() {
            snapshot["Devices"] = serde_json::to_value(devices)?;
        }
        let federation = all("SELECT json_object('DomainName', domain, 'Settings', json(data)) FROM domain_federation ORDER BY domain")?;
        if !federation.is_empty() {
            snapshot["DomainFederationSettings"] = serde_json::Value::Array(parse(federation)?);
        }
        let settings = all("SELECT json_object('TargetObjectId', NULLIF(target_id, ''), 'Setting', json(data)) FROM directory_settings ORDER BY target_id, template_id, id")?;
        if !settings.is_empty() {
            snapshot["DirectorySettings"] = serde_json::Value::Array(parse(settings)?);
        }
        let units = all("SELECT data FROM administrative_units ORDER BY display_name, object_id")?;
        if !units.is_empty() {
            snapshot["AdministrativeUnits"] = serde_json::Value::Array(parse(units)?);
        }
        let memberships = all("SELECT json_object('AdministrativeUnitObjectId', unit_id, 'MemberObjectId', member_id) FROM administrative_unit_members ORDER BY unit_id, member_id")?;
        if !memberships.is_empty() {
            snapshot["AdministrativeUnitMemberships"] =
                serde_json::Value::Array(parse(memberships)?);
        }
        let scoped = all("SELECT json_object('AdministrativeUnitObjectId', unit_id, 'RoleObjectId', role_id, 'MemberObjectId', member_id) FROM scoped_role_members ORDER BY unit_id, role_id, member_id")?;
        if !scoped.is_empty() {
            snapshot["ScopedRoleAssignments"] = serde_json::Value::Array(parse(scoped)?);
        }
        let policies = all("SELECT json_object('DomainName', domain, 'Policy', json(data)) FROM password_policies ORDER BY domain")?;
        if !policies.is_empty() {
            snapshot["PasswordPolicies"] = serde_json::Value::Array(parse(policies)?);
        }
        Ok(serde_json::from_value(snapshot)?)
    }
}

// ---- helpers on a connection (shared by reads and writes: a Transaction derefs to Connection) ----

/// A table that holds one settings object (`id = 1`, `data`): the stored value, or `None` when
/// none was stored and the tenant has the defaults.
fn stored_setting<T: DeserializeOwned>(conn: &Connection, table: &str) -> FaultResult<Option<T>> {
    let data: Option<String> = conn
        .query_row(
            &format!("SELECT data FROM {table} WHERE id = 1"),
            [],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    data.map(|d| from_json(&d)).transpose()
}

fn save_setting<T: Serialize>(conn: &Connection, table: &str, value: &T) -> FaultResult<()> {
    conn.execute(
        &format!("INSERT INTO {table} (id, data) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET data = excluded.data"),
        [to_json(value).map_err(Fault::Unexpected)?],
    )
    .map_err(sql)?;
    Ok(())
}

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
