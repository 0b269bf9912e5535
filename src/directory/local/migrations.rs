//! The local tenant's schema, as an append-only list of migrations.
//!
//! `PRAGMA user_version` counts the migrations that ran; pending ones run in one exclusive
//! transaction. Never edit or remove an entry: add a new one.

use anyhow::{Context, Result};
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    // 1: the tenant.
    r#"
    CREATE TABLE company (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
    CREATE TABLE domains (name TEXT PRIMARY KEY COLLATE NOCASE, data TEXT NOT NULL);
    CREATE TABLE subscriptions (sku_id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE users (
        object_id TEXT PRIMARY KEY,
        upn TEXT NOT NULL COLLATE NOCASE,
        deleted INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL
    );
    CREATE UNIQUE INDEX users_active_upn ON users (upn) WHERE deleted = 0;
    CREATE INDEX users_listing ON users (deleted, upn, object_id);
    CREATE TABLE user_licenses (
        user_id TEXT NOT NULL REFERENCES users (object_id) ON DELETE CASCADE,
        sku_id TEXT NOT NULL,
        PRIMARY KEY (user_id, sku_id)
    );
    CREATE INDEX user_licenses_sku ON user_licenses (sku_id);
    CREATE TABLE service_principals (object_id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE groups (object_id TEXT PRIMARY KEY, display_name TEXT NOT NULL COLLATE NOCASE, data TEXT NOT NULL);
    CREATE TABLE role_members (
        role_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        member_type TEXT NOT NULL,
        PRIMARY KEY (role_id, member_id)
    );
    CREATE INDEX role_members_member ON role_members (member_id);
    CREATE TABLE group_members (
        group_id TEXT NOT NULL REFERENCES groups (object_id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        member_type TEXT NOT NULL,
        PRIMARY KEY (group_id, member_id)
    );
    CREATE INDEX group_members_member ON group_members (member_id);
    "#,
    // 2: when directory synchronization was last turned off (Set-MsolDirSyncEnabled waits 72
    // hours before it can be turned back on).
    r#"
    CREATE TABLE dir_sync_turned_off (id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL);
    "#,
    // 3: verified domains' password policies (Set-MsolPasswordPolicy); a domain without a row
    // has the service defaults.
    r#"
    CREATE TABLE password_policies (
        domain TEXT PRIMARY KEY COLLATE NOCASE REFERENCES domains (name) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    "#,
    // 4: service principals' credential keys (New-MsolServicePrincipalCredential); secrets are
    // never stored, only certificates.
    r#"
    CREATE TABLE service_principal_credentials (
        key_id TEXT PRIMARY KEY,
        object_id TEXT NOT NULL REFERENCES service_principals (object_id) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    CREATE INDEX service_principal_credentials_object ON service_principal_credentials (object_id);
    "#,
    // 5: mail contacts (Get-MsolContact), kept in display-name order for listings.
    r#"
    CREATE TABLE contacts (
        object_id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    "#,
    // 6: what the public DNS answers for the tenant's domains, as rehearsals see it (the records
    // an admin published so that Confirm-MsolDomain can verify a domain).
    r#"
    CREATE TABLE published_dns_records (
        domain TEXT NOT NULL COLLATE NOCASE,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (domain, type, value)
    );
    "#,
    // 7: devices (Get-MsolDevice) and their registered owners.
    r#"
    CREATE TABLE devices (
        object_id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX devices_name ON devices (display_name COLLATE NOCASE);
    CREATE TABLE device_owners (
        device_id TEXT NOT NULL REFERENCES devices (object_id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        PRIMARY KEY (device_id, user_id)
    );
    CREATE INDEX device_owners_user ON device_owners (user_id);
    "#,
    // 8: directory synchronization's features and accidental deletion guard
    // (Set-MsolDirSyncFeature, Set-MsolDirSyncConfiguration); without a row, the defaults.
    r#"
    CREATE TABLE dir_sync_settings (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
    "#,
    // 9: the device registration policy (Set-MsolDeviceRegistrationServicePolicy); without a row,
    // the defaults.
    r#"
    CREATE TABLE device_registration_policy (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
    "#,
    // 10: administrative units, their members (users, groups, devices) and the roles scoped to
    // them (New-MsolAdministrativeUnit, Add-MsolAdministrativeUnitMember, Add-MsolScopedRoleMember).
    r#"
    CREATE TABLE administrative_units (
        object_id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL COLLATE NOCASE,
        data TEXT NOT NULL
    );
    CREATE TABLE administrative_unit_members (
        unit_id TEXT NOT NULL REFERENCES administrative_units (object_id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        PRIMARY KEY (unit_id, member_id)
    );
    CREATE INDEX administrative_unit_members_member ON administrative_unit_members (member_id);
    CREATE TABLE scoped_role_members (
        unit_id TEXT NOT NULL REFERENCES administrative_units (object_id) ON DELETE CASCADE,
        role_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        PRIMARY KEY (unit_id, role_id, member_id)
    );
    CREATE INDEX scoped_role_members_member ON scoped_role_members (member_id);
    "#,
    // 11: directory settings made from templates (New-MsolSettings), the tenant's (target '') and
    // groups' (the group's ObjectId); one per template and owner.
    r#"
    CREATE TABLE directory_settings (
        id TEXT PRIMARY KEY,
        target_id TEXT NOT NULL,
        template_id TEXT NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (target_id, template_id)
    );
    "#,
    // 12: federated domains' federation settings (Set-MsolDomainAuthentication), one row per
    // federated domain.
    r#"
    CREATE TABLE domain_federation (domain TEXT PRIMARY KEY COLLATE NOCASE, data TEXT NOT NULL);
    "#,
];

pub fn migrate(conn: &mut Connection) -> Result<()> {
    let done: usize = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if done > MIGRATIONS.len() {
        anyhow::bail!(
            "the tenant file was written by a newer msol-bridge (schema version {done}; this one knows {}): upgrade msol-bridge",
            MIGRATIONS.len()
        );
    }
    if done == MIGRATIONS.len() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        tx.execute_batch(sql)
            .with_context(|| format!("migration {} failed", index + 1))?;
    }
    tx.pragma_update(None, "user_version", MIGRATIONS.len())?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let version: usize = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len());
    }

    #[test]
    fn refuses_a_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", MIGRATIONS.len() + 1)
            .unwrap();
        assert!(migrate(&mut conn)
            .unwrap_err()
            .to_string()
            .contains("newer msol-bridge"));
    }
}
