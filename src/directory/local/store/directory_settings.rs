//! Directory settings in the local tenant: the tenant's (target `''`) and groups' (the group's
//! ObjectId), each stored whole. The templates are `domain::directory_settings`' own.

use super::groups::load_group;
use super::*;
use crate::domain::model::DirectorySetting;

fn target_key(group: Option<Uuid>) -> String {
    group.map(|g| g.to_string()).unwrap_or_default()
}

impl Store {
    pub fn directory_settings(&self, group: Option<Uuid>) -> FaultResult<Vec<DirectorySetting>> {
        self.read(|conn| {
            existing_target(conn, group)?;
            settings_of(conn, &target_key(group))
        })
    }

    pub fn new_directory_setting(
        &self,
        group: Option<Uuid>,
        setting: &DirectorySetting,
    ) -> FaultResult<()> {
        self.write(|tx| {
            existing_target(tx, group)?;
            save_directory_setting(tx, group, setting)
        })
    }

    pub fn save_directory_setting(
        &self,
        group: Option<Uuid>,
        setting: &DirectorySetting,
    ) -> FaultResult<()> {
        self.write(|tx| {
            existing_target(tx, group)?;
            let updated = tx
                .execute(
                    "UPDATE directory_settings SET data = ?3 WHERE id = ?1 AND target_id = ?2",
                    params![
                        setting.id.to_string(),
                        target_key(group),
                        to_json(setting).map_err(Fault::Unexpected)?
                    ],
                )
                .map_err(sql)?;
            if updated == 0 {
                return Err(Fault::SettingNotFound(setting.id.to_string()));
            }
            Ok(())
        })
    }

    pub fn remove_directory_setting(&self, group: Option<Uuid>, id: Uuid) -> FaultResult<Outcome> {
        self.write(|tx| {
            existing_target(tx, group)?;
            let removed = tx
                .execute(
                    "DELETE FROM directory_settings WHERE id = ?1 AND target_id = ?2",
                    params![id.to_string(), target_key(group)],
                )
                .map_err(sql)?;
            if removed == 0 {
                return Err(Fault::SettingNotFound(id.to_string()));
            }
            Ok(Outcome::of(id, ["SettingId"]))
        })
    }
}

/// A group target must be a group of the tenant.
fn existing_target(conn: &Connection, group: Option<Uuid>) -> FaultResult<()> {
    match group {
        Some(id) if load_group(conn, id)?.is_none() => Err(Fault::GroupNotFound(id.to_string())),
        _ => Ok(()),
    }
}

pub(super) fn settings_of(conn: &Connection, target: &str) -> FaultResult<Vec<DirectorySetting>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT data FROM directory_settings WHERE target_id = ?1 ORDER BY template_id, id",
        )
        .map_err(sql)?;
    let rows = statement
        .query_map([target], |row| row.get::<_, String>(0))
        .map_err(sql)?;
    rows.map(|r| from_json(&r.map_err(sql)?)).collect()
}

pub(super) fn save_directory_setting(
    conn: &Connection,
    group: Option<Uuid>,
    setting: &DirectorySetting,
) -> FaultResult<()> {
    conn.execute(
        "INSERT INTO directory_settings (id, target_id, template_id, data) VALUES (?1, ?2, ?3, ?4)",
        params![
            setting.id.to_string(),
            target_key(group),
            setting.template_id.to_string(),
            to_json(setting).map_err(Fault::Unexpected)?
        ],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Fault::ObjectAlreadyExists(format!(
                "A {} setting already exists there: change it with Set-MsolSettings.",
                setting.display_name
            ))
        }
        other => sql(other),
    })?;
    Ok(())
}
