//! Users and their MFA facts in the local tenant.

use super::*;

impl Store {
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
                forget_unit_memberships(tx, deleted.object_id)?;
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

pub(super) fn load_user(conn: &Connection, id: Uuid, deleted: bool) -> FaultResult<Option<User>> {
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
pub(super) fn resolve_user(conn: &Connection, user: &UserRef, deleted: bool) -> FaultResult<User> {
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

pub(super) fn save_user_with_skus(
    tx: &Connection,
    user: &User,
    sku_ids: &[Uuid],
) -> FaultResult<()> {
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
