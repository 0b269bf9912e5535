//! Groups and their members in the local tenant.

use super::*;
use crate::domain::groups as group_rules;
use crate::domain::requests::{GroupMemberChangeParams, NewGroupParams, SetGroupParams};

impl Store {
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
        self.read(|conn| existing_group(conn, id))
    }

    pub fn new_group(&self, params: &NewGroupParams) -> FaultResult<Group> {
        self.write(|tx| {
            let owner = match &params.managed_by {
                Some(managed_by) => resolve_owner(tx, managed_by)?,
                None => None,
            };
            let group = group_rules::new_group(params, Uuid::new_v4(), owner)?;
            save_group(tx, &group)?;
            Ok(group)
        })
    }

    pub fn set_group(&self, params: &SetGroupParams) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut group = existing_group(tx, params.object_id)?;
            let owner = match &params.managed_by {
                Some(managed_by) => Some(resolve_owner(tx, managed_by)?),
                None => None,
            };
            let changed = group_rules::apply_changes(&mut group, params, owner)?;
            if !changed.is_empty() {
                save_group(tx, &group)?;
            }
            Ok(Outcome::of(group.object_id, changed))
        })
    }

    /// Deletes a group for good, as Entra deletes security groups (graph/api/group-delete: only
    /// Microsoft 365 groups go to the recycle bin); its memberships and role assignments go too.
    pub fn remove_group(&self, id: Uuid) -> FaultResult<Outcome> {
        self.write(|tx| {
            let group = existing_group(tx, id)?;
            group_rules::check_changeable(&group, "ObjectId")?;
            forget_unit_memberships(tx, id)?;
            let id = id.to_string();
            for statement in [
                "DELETE FROM directory_settings WHERE target_id = ?1",
                "DELETE FROM group_members WHERE member_id = ?1",
                "DELETE FROM role_members WHERE member_id = ?1",
                "DELETE FROM groups WHERE object_id = ?1",
            ] {
                tx.execute(statement, [&id]).map_err(sql)?;
            }
            Ok(Outcome::of(group.object_id, ["ObjectId"]))
        })
    }

    pub fn add_group_member(&self, params: &GroupMemberChangeParams) -> FaultResult<Outcome> {
        self.write(|tx| {
            let group = existing_group(tx, params.group_object_id)?;
            let kind = group_rules::member_type(params)?;
            group_rules::check_changeable(&group, "GroupObjectId")?;
            let member = params.group_member_object_id;
            match kind {
                GroupMemberType::Group => {
                    existing_group(tx, member)?;
                }
                _ => {
                    load_user(tx, member, false)?
                        .ok_or_else(|| Fault::UserNotFound(member.to_string()))?;
                }
            }
            let inserted = tx
                .execute(
                    "INSERT OR IGNORE INTO group_members (group_id, member_id, member_type) VALUES (?1, ?2, ?3)",
                    params![group.object_id.to_string(), member.to_string(), format!("{kind:?}")],
                )
                .map_err(sql)?;
            if inserted == 0 {
                return Err(Fault::GroupMemberAlreadyExists);
            }
            Ok(Outcome::of(member, ["GroupMembership"]))
        })
    }

    pub fn remove_group_member(&self, params: &GroupMemberChangeParams) -> FaultResult<Outcome> {
        self.write(|tx| {
            let group = existing_group(tx, params.group_object_id)?;
            group_rules::member_type(params)?;
            group_rules::check_changeable(&group, "GroupObjectId")?;
            let member = params.group_member_object_id;
            let removed = tx
                .execute(
                    "DELETE FROM group_members WHERE group_id = ?1 AND member_id = ?2",
                    params![group.object_id.to_string(), member.to_string()],
                )
                .map_err(sql)?;
            if removed == 0 {
                return Err(Fault::GroupMemberNotFound);
            }
            Ok(Outcome::of(member, ["GroupMembership"]))
        })
    }

    pub fn group_members(
        &self,
        group: Uuid,
        query: &MemberQuery<GroupMemberType>,
        page: &PageRequest,
    ) -> FaultResult<Page<GroupMember>> {
        self.read(|conn| {
            existing_group(conn, group)?;
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

/// The user a ManagedBy value names, by ObjectId or UserPrincipalName; an empty value clears it.
fn resolve_owner(conn: &Connection, managed_by: &str) -> FaultResult<Option<Uuid>> {
    match UserRef::from_name(managed_by) {
        Some(user) => Ok(Some(resolve_user(conn, &user, false)?.object_id)),
        None => Ok(None),
    }
}

fn save_group(tx: &Connection, group: &Group) -> FaultResult<()> {
    tx.execute(
        "INSERT INTO groups (object_id, display_name, data) VALUES (?1, ?2, ?3)
         ON CONFLICT (object_id) DO UPDATE SET display_name = excluded.display_name, data = excluded.data",
        params![group.object_id.to_string(), group.display_name, to_json(group)?],
    )
    .map_err(sql)?;
    Ok(())
}

fn existing_group(conn: &Connection, id: Uuid) -> FaultResult<Group> {
    load_group(conn, id)?.ok_or_else(|| Fault::GroupNotFound(id.to_string()))
}

pub(super) fn load_group(conn: &Connection, id: Uuid) -> FaultResult<Option<Group>> {
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
