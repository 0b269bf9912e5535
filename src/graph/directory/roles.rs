//! Directory roles on Graph: `directoryRoles`, their templates, and `$ref` members.

use super::*;

/// What a user member of a role shows (RoleMember: name, address, licensed, last sync).
pub(super) const MEMBER_USER_PROPERTIES: &str =
    "id,displayName,userPrincipalName,mail,assignedLicenses,onPremisesSyncEnabled,onPremisesLastSyncDateTime";

impl GraphDirectory {
    pub(super) async fn resolve_member(&self, member: &MemberRef) -> FaultResult<Uuid> {
        match member.member_type {
            RoleMemberType::User => {
                let user = UserRef {
                    object_id: member.object_id,
                    user_principal_name: member.email_address.clone(),
                };
                if member.object_id.is_none() && member.email_address.is_none() {
                    return Err(Fault::Required {
                        field: "RoleMemberObjectId".to_string(),
                        reason:
                            "Name the member with RoleMemberObjectId or RoleMemberEmailAddress."
                                .to_string(),
                    });
                }
                let profile = self.profile(&user).await?;
                Ok(profile["id"]
                    .as_str()
                    .and_then(|i| Uuid::parse_str(i).ok())
                    .unwrap_or_default())
            }
            _ => member.object_id.ok_or_else(|| Fault::Required {
                field: "RoleMemberObjectId".to_string(),
                reason: "A group or service principal is named by its ObjectId.".to_string(),
            }),
        }
    }

    /// A role by its template id (the operation layer has checked that Graph lists it).
    pub(super) fn role_path(role: Uuid) -> String {
        format!("/directoryRoles(roleTemplateId='{role}')")
    }

    /// The activated directory role of a template, activated on first use: Graph lists and
    /// addresses activated roles only (graph/api/directoryrole-post-directoryroles). Its `id` is
    /// what scoped role memberships name.
    pub(super) async fn activated_role(&self, role: Uuid) -> FaultResult<Value> {
        match self
            .client
            .call(&Call::get(Version::V1, Self::role_path(role)))
            .await
        {
            Ok(reply) => Ok(reply.body),
            Err(failure) if failure.status() == Some(404) => Ok(self
                .write(
                    Call::post(
                        Version::V1,
                        "/directoryRoles",
                        Some(json!({"roleTemplateId": role})),
                    ),
                    None,
                )
                .await?
                .body),
            Err(failure) => Err(fault(failure, None)),
        }
    }

    /// Members of a role; a role never activated has none (Graph answers 404 for it). Member
    /// listings return a user's default properties only (graph/api/directoryrole-list-members),
    /// without licences or sync facts, so users are read through the user cast with the
    /// properties a RoleMember shows, and the other members through the plain listing.
    pub(super) async fn role_member_objects(&self, role: Uuid) -> FaultResult<Vec<Value>> {
        let path = format!("{}/members", Self::role_path(role));
        let Some(mut members) = self
            .all_pages_unless_missing(&format!("{path}?$select=id,displayName,mail"))
            .await?
        else {
            return Ok(Vec::new());
        };
        let users = self
            .all_pages_unless_missing(&format!(
                "{path}/microsoft.graph.user?$select={MEMBER_USER_PROPERTIES}"
            ))
            .await?
            .unwrap_or_default();
        for member in &mut members {
            if let Some(user) = users.iter().find(|u| u["id"] == member["id"]) {
                let mut user = user.clone();
                user["@odata.type"] = json!("#microsoft.graph.user");
                *member = user;
            }
        }
        Ok(members)
    }
}

#[async_trait]
impl RoleDirectory for GraphDirectory {
    async fn roles(&self) -> FaultResult<Vec<Role>> {
        let templates = self.all_pages("/directoryRoleTemplates").await?;
        Ok(templates
            .iter()
            .filter_map(|t| Some(convert::role(Uuid::parse_str(t["id"].as_str()?).ok()?, t)))
            .collect())
    }

    async fn role_members(
        &self,
        role: Uuid,
        query: &MemberQuery<RoleMemberType>,
        page: PageRequest,
    ) -> FaultResult<Page<RoleMember>> {
        let objects = self.role_member_objects(role).await?;
        let user_ids: Vec<Uuid> = objects
            .iter()
            .filter(|o| convert::member_type(o) == RoleMemberType::User)
            .filter_map(|o| o["id"].as_str().and_then(|i| Uuid::parse_str(i).ok()))
            .collect();
        let facts = self.auth_facts(&user_ids).await;
        let states: std::collections::HashMap<Uuid, Option<RequirementState>> = user_ids
            .iter()
            .zip(facts)
            .map(|(id, f)| {
                (
                    *id,
                    f.ok()
                        .and_then(|f| convert::requirement_state(f.state.as_deref())),
                )
            })
            .collect();
        let members = objects
            .iter()
            .filter_map(|o| {
                let id = o["id"].as_str().and_then(|i| Uuid::parse_str(i).ok())?;
                convert::role_member(o, states.get(&id).copied().flatten())
            })
            .filter(|m| {
                query.matches(
                    &m.role_member_type,
                    m.display_name.as_deref(),
                    m.email_address.as_deref(),
                )
            })
            .collect();
        Ok(Page::slice(members, &page))
    }

    async fn add_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome> {
        let path = Self::role_path(role);
        let id = self.resolve_member(member).await?;
        self.activated_role(role).await?;
        let reference = json!({"@odata.id": format!("{}/directoryObjects/{id}", self.client.url(Version::V1, ""))});
        match self
            .client
            .call(&Call::post(
                Version::V1,
                format!("{path}/members/$ref"),
                Some(reference),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, ["RoleMembership"])),
            Err(failure)
                if failure.status() == Some(400)
                    && failure.to_string().contains("already exist") =>
            {
                Err(Fault::RoleMemberAlreadyExists)
            }
            Err(GraphFailure::Uncertain(reason)) => {
                let landed = self
                    .role_member_objects(role)
                    .await?
                    .iter()
                    .any(|m| m["id"].as_str() == Some(id.to_string().as_str()));
                if landed {
                    Ok(Outcome::of(id, ["RoleMembership"]))
                } else {
                    Err(fault(GraphFailure::Uncertain(reason), None))
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn remove_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome> {
        let path = Self::role_path(role);
        let id = self.resolve_member(member).await?;
        match self
            .client
            .call(&Call::delete(
                Version::V1,
                format!("{path}/members/{id}/$ref"),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, ["RoleMembership"])),
            Err(failure) if failure.status() == Some(404) => Err(Fault::RoleMemberNotFound),
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn user_roles(&self, user: &UserRef) -> FaultResult<Vec<Role>> {
        let profile = self.profile(user).await?;
        let id = profile["id"].as_str().unwrap_or_default();
        let held = self
            .all_pages(&format!("/users/{id}/transitiveMemberOf"))
            .await?;
        let mut roles_held: Vec<Role> = held
            .iter()
            .filter(|o| o["@odata.type"] == "#microsoft.graph.directoryRole")
            .filter_map(|o| {
                Some(convert::role(
                    Uuid::parse_str(o["roleTemplateId"].as_str()?).ok()?,
                    o,
                ))
            })
            .collect();
        roles_held.sort_by_key(|r| r.object_id);
        roles_held.dedup_by_key(|r| r.object_id);
        Ok(roles_held)
    }
}
