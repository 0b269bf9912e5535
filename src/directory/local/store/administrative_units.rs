//! Administrative units in the local tenant, with their members and the roles scoped to them.
//! Members are kept by ObjectId and described when read, so that a renamed user shows at once;
//! a user in the recycle bin is left out of listings meanwhile, as from role listings.

use super::devices::existing_device;
use super::*;
use crate::domain::devices::DeviceKey;
use crate::domain::model::{
    AdministrativeUnit, AdministrativeUnitMember, AdministrativeUnitMemberType, RoleScopedMember,
};

impl Store {
    pub fn administrative_units(
        &self,
        member: Option<Uuid>,
    ) -> FaultResult<Vec<AdministrativeUnit>> {
        self.read(|conn| {
            let mut statement = conn
                .prepare_cached(
                    "SELECT data FROM administrative_units WHERE ?1 IS NULL
                     OR object_id IN (SELECT unit_id FROM administrative_unit_members WHERE member_id = ?1)",
                )
                .map_err(sql)?;
            let rows = statement
                .query_map([member.map(|m| m.to_string())], |row| row.get::<_, String>(0))
                .map_err(sql)?;
            rows.map(|r| from_json(&r.map_err(sql)?)).collect()
        })
    }

    pub fn administrative_unit(&self, id: Uuid) -> FaultResult<AdministrativeUnit> {
        self.read(|conn| existing_unit(conn, id))
    }

    pub fn save_administrative_unit(
        &self,
        unit: &AdministrativeUnit,
        new: bool,
    ) -> FaultResult<()> {
        self.write(|tx| {
            if !new {
                existing_unit(tx, unit.object_id)?;
            }
            save_unit(tx, unit)
        })
    }

    pub fn remove_administrative_unit(&self, id: Uuid) -> FaultResult<Outcome> {
        self.write(|tx| {
            existing_unit(tx, id)?;
            // Memberships and scoped assignments go with it (ON DELETE CASCADE).
            tx.execute(
                "DELETE FROM administrative_units WHERE object_id = ?1",
                [id.to_string()],
            )
            .map_err(sql)?;
            Ok(Outcome::of(id, ["ObjectId"]))
        })
    }

    pub fn administrative_unit_members(
        &self,
        unit: Uuid,
    ) -> FaultResult<Vec<AdministrativeUnitMember>> {
        self.read(|conn| {
            existing_unit(conn, unit)?;
            let mut statement = conn
                .prepare_cached(
                    "SELECT member_id FROM administrative_unit_members WHERE unit_id = ?1",
                )
                .map_err(sql)?;
            let ids = statement
                .query_map([unit.to_string()], |row| row.get::<_, String>(0))
                .map_err(sql)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(sql)?;
            let mut members = Vec::new();
            for id in ids {
                let Ok(id) = Uuid::parse_str(&id) else {
                    continue;
                };
                if let Some(member) = describe_member(conn, id)? {
                    members.push(member);
                }
            }
            Ok(members)
        })
    }

    pub fn add_administrative_unit_member(&self, unit: Uuid, member: Uuid) -> FaultResult<Outcome> {
        self.write(|tx| {
            existing_unit(tx, unit)?;
            if describe_member(tx, member)?.is_none() {
                return Err(Fault::invalid(
                    "AdministrativeUnitMemberObjectId",
                    format!("{member} is no user, group or device of this tenant; only those can be members of an administrative unit."),
                ));
            }
            let inserted = tx
                .execute(
                    "INSERT OR IGNORE INTO administrative_unit_members (unit_id, member_id) VALUES (?1, ?2)",
                    params![unit.to_string(), member.to_string()],
                )
                .map_err(sql)?;
            if inserted == 0 {
                return Err(Fault::AdministrativeUnitMemberAlreadyExists);
            }
            Ok(Outcome::of(member, ["AdministrativeUnitMembership"]))
        })
    }

    pub fn remove_administrative_unit_member(
        &self,
        unit: Uuid,
        member: Uuid,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            existing_unit(tx, unit)?;
            let removed = tx
                .execute(
                    "DELETE FROM administrative_unit_members WHERE unit_id = ?1 AND member_id = ?2",
                    params![unit.to_string(), member.to_string()],
                )
                .map_err(sql)?;
            if removed == 0 {
                return Err(Fault::AdministrativeUnitMemberNotFound);
            }
            Ok(Outcome::of(member, ["AdministrativeUnitMembership"]))
        })
    }

    pub fn scoped_role_members(&self, unit: Uuid) -> FaultResult<Vec<RoleScopedMember>> {
        self.read(|conn| {
            existing_unit(conn, unit)?;
            let mut statement = conn
                .prepare_cached(
                    "SELECT role_id, member_id FROM scoped_role_members WHERE unit_id = ?1",
                )
                .map_err(sql)?;
            let rows = statement
                .query_map([unit.to_string()], |row| {
                    Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
                })
                .map_err(sql)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(sql)?;
            let mut members = Vec::new();
            for (role, member) in rows {
                let (Ok(role), Ok(member)) = (Uuid::parse_str(&role), Uuid::parse_str(&member))
                else {
                    continue;
                };
                if let Some(user) = load_user(conn, member, false)? {
                    members.push(RoleScopedMember {
                        object_id: user.object_id,
                        display_name: user.display_name.clone(),
                        user_principal_name: Some(user.user_principal_name.clone()),
                        role_object_id: role,
                        administrative_unit_object_id: unit,
                    });
                }
            }
            Ok(members)
        })
    }

    pub fn add_scoped_role_member(
        &self,
        unit: Uuid,
        role: Uuid,
        user: Uuid,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            existing_unit(tx, unit)?;
            load_user(tx, user, false)?.ok_or_else(|| Fault::UserNotFound(user.to_string()))?;
            let inserted = tx
                .execute(
                    "INSERT OR IGNORE INTO scoped_role_members (unit_id, role_id, member_id) VALUES (?1, ?2, ?3)",
                    params![unit.to_string(), role.to_string(), user.to_string()],
                )
                .map_err(sql)?;
            if inserted == 0 {
                return Err(Fault::RoleMemberAlreadyExists);
            }
            Ok(Outcome::of(user, ["ScopedRoleMembership"]))
        })
    }

    pub fn remove_scoped_role_member(
        &self,
        unit: Uuid,
        role: Uuid,
        user: Uuid,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            existing_unit(tx, unit)?;
            let removed = tx
                .execute(
                    "DELETE FROM scoped_role_members WHERE unit_id = ?1 AND role_id = ?2 AND member_id = ?3",
                    params![unit.to_string(), role.to_string(), user.to_string()],
                )
                .map_err(sql)?;
            if removed == 0 {
                return Err(Fault::RoleMemberNotFound);
            }
            Ok(Outcome::of(user, ["ScopedRoleMembership"]))
        })
    }
}

fn existing_unit(conn: &Connection, id: Uuid) -> FaultResult<AdministrativeUnit> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM administrative_units WHERE object_id = ?1",
            [id.to_string()],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    match data {
        Some(data) => from_json(&data),
        None => Err(Fault::AdministrativeUnitNotFound(id.to_string())),
    }
}

pub(super) fn save_unit(conn: &Connection, unit: &AdministrativeUnit) -> FaultResult<()> {
    conn.execute(
        "INSERT INTO administrative_units (object_id, display_name, data) VALUES (?1, ?2, ?3)
         ON CONFLICT (object_id) DO UPDATE SET display_name = excluded.display_name, data = excluded.data",
        params![
            unit.object_id.to_string(),
            unit.display_name,
            to_json(unit).map_err(Fault::Unexpected)?
        ],
    )
    .map_err(sql)?;
    Ok(())
}

/// A unit's member as listed: a user (not in the recycle bin), a group or a device.
fn describe_member(conn: &Connection, id: Uuid) -> FaultResult<Option<AdministrativeUnitMember>> {
    if let Some(user) = load_user(conn, id, false)? {
        return Ok(Some(AdministrativeUnitMember {
            object_id: id,
            administrative_unit_member_type: AdministrativeUnitMemberType::User,
            display_name: user.display_name,
            email_address: Some(user.user_principal_name),
        }));
    }
    if let Some(group) = load_group(conn, id)? {
        return Ok(Some(AdministrativeUnitMember {
            object_id: id,
            administrative_unit_member_type: AdministrativeUnitMemberType::Group,
            display_name: Some(group.display_name),
            email_address: group.email_address,
        }));
    }
    match existing_device(conn, DeviceKey::ObjectId(id)) {
        Ok(device) => Ok(Some(AdministrativeUnitMember {
            object_id: id,
            administrative_unit_member_type: AdministrativeUnitMemberType::Device,
            display_name: Some(device.display_name),
            email_address: None,
        })),
        Err(Fault::DeviceNotFound(_)) => Ok(None),
        Err(other) => Err(other),
    }
}

/// Forgets an object's unit memberships and scoped roles once the object itself is gone for good.
pub(super) fn forget_unit_memberships(conn: &Connection, id: Uuid) -> FaultResult<()> {
    for statement in [
        "DELETE FROM administrative_unit_members WHERE member_id = ?1",
        "DELETE FROM scoped_role_members WHERE member_id = ?1",
    ] {
        conn.execute(statement, [id.to_string()]).map_err(sql)?;
    }
    Ok(())
}
