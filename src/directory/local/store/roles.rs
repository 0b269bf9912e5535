//! Directory roles and their members in the local tenant.

use super::*;
use crate::domain::roles;

impl Store {
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
}

pub(super) fn role_user_ids(conn: &Connection, role: Uuid) -> FaultResult<Vec<Uuid>> {
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

pub(super) fn member_type_name(kind: RoleMemberType) -> &'static str {
    match kind {
        RoleMemberType::User => "User",
        RoleMemberType::Group => "Group",
        RoleMemberType::ServicePrincipal => "ServicePrincipal",
        RoleMemberType::Other => "Other",
    }
}

pub(super) fn member_kind(conn: &Connection, id: Uuid) -> FaultResult<&'static str> {
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
    } else if exists("contacts")? {
        Ok("Contact")
    } else {
        Err(Fault::Unexpected(anyhow::anyhow!(
            "no directory object has ObjectId {id}"
        )))
    }
}

/// A member as `RoleMember`; `None` for users in the recycle bin (they hold no roles meanwhile).
pub(super) fn role_member(
    conn: &Connection,
    id: &str,
    kind: &str,
) -> FaultResult<Option<RoleMember>> {
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
        // Contacts are only ever group members (GroupMemberType Contact).
        "Contact" => load_contact(conn, object_id)?
            .map(|c| member(RoleMemberType::Other, Some(c.display_name), c.email_address)),
        _ => None,
    })
}

/// Finds the object a role change names: a user by ObjectId or UPN, or a service principal by ObjectId.
pub(super) fn resolve_member(
    conn: &Connection,
    member: &MemberRef,
) -> FaultResult<(Uuid, &'static str)> {
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
