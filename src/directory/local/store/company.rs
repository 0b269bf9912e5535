//! The company, its domains, their password policies and directory synchronization in the local
//! tenant.

use super::*;
use crate::domain::company as company_rules;
use crate::domain::requests::SetCompanySettingsParams;

impl Store {
    /// Users (not deleted), groups and contacts with synchronization conflicts; SQLite's JSON
    /// functions pick them out, so a large tenant is not read object by object.
    pub fn objects_with_dir_sync_provisioning_errors(
        &self,
    ) -> FaultResult<Vec<DirSyncProvisioningErrorObject>> {
        self.read(|conn| {
            let with_errors = |table: &str, extra: &str| -> FaultResult<Vec<String>> {
                let mut statement = conn
                    .prepare_cached(&format!(
                        "SELECT data FROM {table} WHERE json_array_length(data, '$.DirSyncProvisioningErrors') > 0{extra} ORDER BY object_id"
                    ))
                    .map_err(sql)?;
                let rows = statement
                    .query_map([], |row| row.get::<_, String>(0))
                    .map_err(sql)?;
                rows.collect::<rusqlite::Result<Vec<_>>>().map_err(sql)
            };
            let mut objects = Vec::new();
            for data in with_errors("users", " AND deleted = 0")? {
                objects.extend(dir_sync::user_conflicts(&from_json::<User>(&data)?));
            }
            for data in with_errors("groups", "")? {
                objects.extend(dir_sync::group_conflicts(&from_json::<Group>(&data)?));
            }
            for data in with_errors("contacts", "")? {
                objects.extend(dir_sync::contact_conflicts(&from_json::<Contact>(&data)?));
            }
            Ok(objects)
        })
    }

    pub fn company_information(&self) -> FaultResult<CompanyInformation> {
        self.read(company)
    }

    /// New-MsolDomain: stores a domain `domain_rules::new_domain` made, unless the tenant holds
    /// it already (checked again inside the write).
    pub fn add_domain(&self, domain: &Domain) -> FaultResult<Domain> {
        self.write(|tx| {
            domain_rules::new_domain(
                Some(&domain.name),
                Some(domain.authentication),
                Some(domain.verification_method),
                &domains(tx)?,
            )?;
            save_domain(tx, domain)?;
            Ok(domain.clone())
        })
    }

    pub fn set_default_domain(&self, name: &str) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut all = domains(tx)?;
            let Some(chosen) = domain_rules::new_default(&all, name, true)?.map(|d| d.name.clone())
            else {
                return Ok(Outcome::default());
            };
            for domain in &mut all {
                let is_default = domain.name.eq_ignore_ascii_case(&chosen);
                if domain.is_default != is_default {
                    domain.is_default = is_default;
                    save_domain(tx, domain)?;
                }
            }
            Ok(Outcome::unnamed(["IsDefault"]))
        })
    }

    pub fn domain_references(&self, name: &str) -> FaultResult<Vec<String>> {
        self.read(|conn| references(conn, name))
    }

    /// Remove-MsolDomain, checked again inside the write (an object may have taken an address).
    pub fn remove_domain(&self, name: &str) -> FaultResult<Outcome> {
        self.write(|tx| {
            let all = domains(tx)?;
            let domain = domain_rules::removable(&all, name)?.name.clone();
            let used = references(tx, &domain)?;
            if !used.is_empty() {
                return Err(domain_rules::in_use(&domain, &used));
            }
            for statement in [
                "DELETE FROM password_policies WHERE domain = ?1",
                "DELETE FROM domain_federation WHERE domain = ?1",
                "DELETE FROM domains WHERE name = ?1",
            ] {
                tx.execute(statement, [&domain]).map_err(sql)?;
            }
            Ok(Outcome::unnamed(["Name"]))
        })
    }

    /// The records that would verify one of the company's domains.
    pub fn domain_verification_records(&self, name: &str) -> FaultResult<Vec<DomainRecord>> {
        self.read(|conn| {
            let domains = domains(conn)?;
            let domain = domain_rules::named(&domains, name)?;
            let code = domain_rules::verification_code(company(conn)?.object_id, &domain.name);
            Ok(domain_rules::verification_records(&domain.name, &code))
        })
    }

    /// Confirm-MsolDomain: verifies the domain when a published record proves control.
    pub fn verify_domain(&self, name: &str) -> FaultResult<Outcome> {
        self.write(|tx| {
            let domains = domains(tx)?;
            let mut domain = domain_rules::named(&domains, name)?.clone();
            if domain.status == DomainStatus::Verified {
                return Ok(Outcome::default());
            }
            let code = domain_rules::verification_code(company(tx)?.object_id, &domain.name);
            if !domain_rules::is_proven(&domain.name, &code, &published_dns_records(tx)?) {
                return Err(domain_rules::not_proven(&domain.name, &code));
            }
            domain.status = DomainStatus::Verified;
            save_domain(tx, &domain)?;
            Ok(Outcome::unnamed(["Status"]))
        })
    }

    pub fn domains(&self) -> FaultResult<Vec<Domain>> {
        self.read(domains)
    }

    pub fn password_policy(&self, domain: &str) -> FaultResult<PasswordPolicy> {
        self.read(|conn| password_policy(conn, domain))
    }

    /// Set-MsolPasswordPolicy, for a domain the caller found verified.
    pub fn set_password_policy(
        &self,
        domain: &str,
        policy: PasswordPolicy,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            let changed = domain_rules::policy_changes(&password_policy(tx, domain)?, &policy);
            if !changed.is_empty() {
                tx.execute(
                    "INSERT INTO password_policies (domain, data) VALUES (?1, ?2) ON CONFLICT (domain) DO UPDATE SET data = excluded.data",
                    params![domain, to_json(&policy).map_err(Fault::Unexpected)?],
                )
                .map_err(sql)?;
            }
            Ok(Outcome::unnamed(changed))
        })
    }

    /// Set-MsolDirSyncEnabled. Turning off converts every synchronized user and group (the
    /// recycle bin's too) to cloud-only in the same transaction, and records when.
    pub fn dir_sync_settings(&self) -> FaultResult<DirSyncSettings> {
        self.read(dir_sync_settings)
    }

    /// Set-MsolDirSyncFeature, for a change `domain::dir_sync_features` allowed.
    pub fn set_dir_sync_feature(
        &self,
        feature: DirSyncFeature,
        enable: bool,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            let before = dir_sync_settings(tx)?;
            if dir_sync_features::enabled(&before, feature) == enable {
                return Ok(Outcome::unnamed(Vec::<String>::new()));
            }
            save_setting(
                tx,
                DIR_SYNC_SETTINGS,
                &dir_sync_features::with_feature(&before, feature, enable),
            )?;
            Ok(Outcome::unnamed([dir_sync_features::name(feature)]))
        })
    }

    pub fn set_dir_sync_configuration(
        &self,
        configuration: DirSyncConfiguration,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut settings = dir_sync_settings(tx)?;
            if settings.configuration == configuration {
                return Ok(Outcome::unnamed(Vec::<String>::new()));
            }
            settings.configuration = configuration;
            save_setting(tx, DIR_SYNC_SETTINGS, &settings)?;
            Ok(Outcome::unnamed(["AccidentalDeletionThreshold"]))
        })
    }

    pub fn set_dir_sync_enabled(&self, enable: bool, now: Timestamp) -> FaultResult<Outcome> {
        self.write(|tx| {
            let before = company(tx)?;
            let turned_off_at = dir_sync_turned_off_at(tx)?;
            if !dir_sync::check_switch(&before, enable, turned_off_at, now)? {
                return Ok(Outcome::of(before.object_id, Vec::<String>::new()));
            }
            let after = dir_sync::switched(&before, enable);
            tx.execute("UPDATE company SET data = ?1 WHERE id = 1", [to_json(&after).map_err(Fault::Unexpected)?])
                .map_err(sql)?;
            if !enable {
                for statement in [
                    "UPDATE users SET data = json_remove(data, '$.LastDirSyncTime') WHERE json_extract(data, '$.LastDirSyncTime') IS NOT NULL",
                    "UPDATE groups SET data = json_remove(data, '$.LastDirSyncTime') WHERE json_extract(data, '$.LastDirSyncTime') IS NOT NULL",
                    "UPDATE contacts SET data = json_remove(data, '$.LastDirSyncTime') WHERE json_extract(data, '$.LastDirSyncTime') IS NOT NULL",
                ] {
                    tx.execute(statement, []).map_err(sql)?;
                }
                tx.execute(
                    "INSERT INTO dir_sync_turned_off (id, at) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET at = excluded.at",
                    [now.to_string()],
                )
                .map_err(sql)?;
            }
            Ok(Outcome::of(before.object_id, [dir_sync::CHANGED]))
        })
    }

    /// Set-MsolCompanySettings: writes only real changes.
    pub fn set_company_contacts(&self, contacts: &CompanyContacts) -> FaultResult<Outcome> {
        self.change_company(|company| company_rules::apply_contacts(company, contacts))
    }

    pub fn set_company_settings(&self, params: &SetCompanySettingsParams) -> FaultResult<Outcome> {
        self.change_company(|company| company_rules::apply_settings(company, params))
    }

    /// Applies a `domain::company` rule to the stored company and stores only a real change.
    fn change_company(
        &self,
        apply: impl FnOnce(&mut CompanyInformation) -> FaultResult<Vec<&'static str>>,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut after = company(tx)?;
            let changed = apply(&mut after)?;
            if !changed.is_empty() {
                tx.execute(
                    "UPDATE company SET data = ?1 WHERE id = 1",
                    [to_json(&after).map_err(Fault::Unexpected)?],
                )
                .map_err(sql)?;
            }
            Ok(Outcome::of(after.object_id, changed))
        })
    }
}

pub(super) fn password_policy(conn: &Connection, domain: &str) -> FaultResult<PasswordPolicy> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM password_policies WHERE domain = ?1",
            [domain],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    data.map_or(Ok(PasswordPolicy::default()), |data| from_json(&data))
}

/// When directory synchronization was last turned off, if ever.
/// The table of synchronization's settings.
pub(super) const DIR_SYNC_SETTINGS: &str = "dir_sync_settings";

/// The stored settings, or a new tenant's defaults.
fn dir_sync_settings(conn: &Connection) -> FaultResult<DirSyncSettings> {
    Ok(stored_setting(conn, DIR_SYNC_SETTINGS)?.unwrap_or_else(dir_sync_features::defaults))
}

pub(super) fn dir_sync_turned_off_at(conn: &Connection) -> FaultResult<Option<Timestamp>> {
    let at: Option<String> = conn
        .query_row(
            "SELECT at FROM dir_sync_turned_off WHERE id = 1",
            [],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    at.map(|text| {
        Timestamp::parse(&text).ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "the tenant file holds an unreadable time of turning directory synchronization off: '{text}'"
            ))
        })
    })
    .transpose()
}

pub(super) fn company(conn: &Connection) -> FaultResult<CompanyInformation> {
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

pub(super) fn published_dns_records(conn: &Connection) -> FaultResult<Vec<PublishedDnsRecord>> {
    let mut statement = conn
        .prepare_cached("SELECT json_object('Domain', domain, 'Type', type, 'Value', value) FROM published_dns_records ORDER BY domain, type, value")
        .map_err(sql)?;
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(sql)?;
    rows.map(|r| from_json(&r.map_err(sql)?)).collect()
}

/// The users (the recycle bin's too) and groups with a user principal name or address in
/// `domain`, by name; SQLite's JSON functions find them without reading every object.
fn references(conn: &Connection, domain: &str) -> FaultResult<Vec<String>> {
    let pattern = format!("%@{}", domain.to_ascii_lowercase());
    let mut found = Vec::new();
    for query in [
        "SELECT json_extract(data, '$.UserPrincipalName') FROM users WHERE lower(json_extract(data, '$.UserPrincipalName')) LIKE ?1 OR EXISTS (SELECT 1 FROM json_each(data, '$.ProxyAddresses') WHERE lower(value) LIKE ?1) ORDER BY 1",
        "SELECT json_extract(data, '$.DisplayName') FROM groups WHERE lower(json_extract(data, '$.EmailAddress')) LIKE ?1 OR EXISTS (SELECT 1 FROM json_each(data, '$.ProxyAddresses') WHERE lower(value) LIKE ?1) ORDER BY 1",
    ] {
        let mut statement = conn.prepare_cached(query).map_err(sql)?;
        let rows = statement
            .query_map([&pattern], |row| row.get::<_, String>(0))
            .map_err(sql)?;
        found.extend(rows.collect::<rusqlite::Result<Vec<_>>>().map_err(sql)?);
    }
    Ok(found)
}

pub(super) fn save_domain(conn: &Connection, domain: &Domain) -> FaultResult<()> {
    conn.execute(
        "INSERT INTO domains (name, data) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET data = excluded.data",
        params![domain.name, to_json(domain).map_err(Fault::Unexpected)?],
    )
    .map_err(sql)?;
    Ok(())
}

pub(super) fn domains(conn: &Connection) -> FaultResult<Vec<Domain>> {
    let mut statement = conn
        .prepare_cached("SELECT data FROM domains ORDER BY name")
        .map_err(sql)?;
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(sql)?;
    rows.map(|r| from_json(&r.map_err(sql)?)).collect()
}

pub(super) fn verified_domain_names(conn: &Connection) -> FaultResult<Vec<String>> {
    Ok(domains(conn)?
        .into_iter()
        .filter(|d| d.status == DomainStatus::Verified)
        .map(|d| d.name)
        .collect())
}
