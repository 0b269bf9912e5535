//! Groups on Graph: `groups`, their `owners` (MSOnline's ManagedBy) and `members`, written
//! through `$ref` (graph/api/group-post-groups, group-update, group-delete, group-post-members,
//! group-delete-members, group-post-owners, group-delete-owners).

use super::*;
use crate::domain::groups as group_rules;
use crate::domain::requests::{GroupMemberChangeParams, NewGroupParams, SetGroupParams};

/// Groups are read with their owners' ids, so ManagedBy shows the first owner.
const GROUP_EXPAND: &str = "$expand=owners($select=id)";

/// A `mailNickname` for a new security group, which Graph requires (group-post-groups: at most
/// 64 ASCII characters without `@ () \ [] " ; : . <> ,` or spaces). MSOnline asked for none:
/// the display name's letters and digits, then a random suffix so that a create whose answer
/// was lost can be found again.
fn mail_nickname(display_name: &str) -> String {
    let stem: String = display_name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(40)
        .collect();
    let suffix = Uuid::new_v4().simple().to_string();
    format!(
        "{}{}",
        if stem.is_empty() { "group" } else { &stem },
        &suffix[..12]
    )
}

impl GraphDirectory {
    fn directory_object(&self, id: impl std::fmt::Display) -> String {
        format!("{}/directoryObjects/{id}", self.client.url(Version::V1, ""))
    }

    /// The user ManagedBy names, by ObjectId or UserPrincipalName; `None` for an empty value.
    async fn owner(&self, managed_by: &str) -> FaultResult<Option<Uuid>> {
        let Some(user) = UserRef::from_name(managed_by) else {
            return Ok(None);
        };
        let profile = self.profile(&user).await?;
        Ok(profile["id"].as_str().and_then(|i| Uuid::parse_str(i).ok()))
    }

    /// Checks that the member a change names exists as the type it gives.
    async fn check_member(&self, kind: GroupMemberType, id: Uuid) -> FaultResult<()> {
        if kind == GroupMemberType::Group {
            return self.group(id).await.map(|_| ());
        }
        let user = UserRef {
            object_id: Some(id),
            user_principal_name: None,
        };
        self.get(Version::V1, format!("/users/{id}?$select=id"), Some(&user))
            .await
            .map(|_| ())
    }

    async fn member_ids(&self, group: Uuid) -> FaultResult<Vec<String>> {
        Ok(self
            .all_pages(&format!("/groups/{group}/members?$select=id"))
            .await?
            .iter()
            .filter_map(|m| m["id"].as_str().map(str::to_string))
            .collect())
    }
}

#[async_trait]
impl GroupDirectory for GraphDirectory {
    async fn new_group(&self, params: NewGroupParams) -> FaultResult<Group> {
        let owner = match &params.managed_by {
            Some(managed_by) => self.owner(managed_by).await?,
            None => None,
        };
        let group = group_rules::new_group(&params, Uuid::nil(), owner)?;
        let nickname = mail_nickname(&group.display_name);
        let mut body = json!({
            "displayName": group.display_name,
            "mailEnabled": false,
            "mailNickname": nickname,
            "securityEnabled": true,
            "groupTypes": [],
        });
        if let Some(description) = &group.description {
            body["description"] = json!(description);
        }
        if let Some(owner) = owner {
            body["owners@odata.bind"] = json!([format!(
                "{}/users/{owner}",
                self.client.url(Version::V1, "")
            )]);
        }
        let created = match self
            .client
            .call(&Call::post(Version::V1, "/groups", Some(body)))
            .await
        {
            Ok(reply) => reply.body,
            Err(GraphFailure::Uncertain(reason)) => {
                // The nickname is ours alone: find the group it landed as, if it did.
                let found = self
                    .all_pages("/groups?$top=999&$select=id,mailNickname")
                    .await?
                    .into_iter()
                    .find(|g| g["mailNickname"].as_str() == Some(nickname.as_str()));
                match found {
                    Some(found) => found,
                    None => return Err(fault(GraphFailure::Uncertain(reason), None)),
                }
            }
            Err(failure) => return Err(fault(failure, None)),
        };
        let id = created["id"]
            .as_str()
            .and_then(|i| Uuid::parse_str(i).ok())
            .ok_or_else(|| {
                Fault::Unexpected(anyhow::anyhow!("Graph answered a group without an id"))
            })?;
        Ok(Group {
            object_id: id,
            ..group
        })
    }

    async fn set_group(&self, params: SetGroupParams) -> FaultResult<Outcome> {
        let before = self.group(params.object_id).await?;
        let owner = match &params.managed_by {
            Some(managed_by) => Some(self.owner(managed_by).await?),
            None => None,
        };
        let mut after = before.clone();
        let changed = group_rules::apply_changes(&mut after, &params, owner)?;
        let path = format!("/groups/{}", params.object_id);
        let mut patch = Map::new();
        if changed.contains(&"DisplayName") {
            patch.insert("displayName".into(), json!(after.display_name));
        }
        if changed.contains(&"Description") {
            patch.insert("description".into(), json!(after.description));
        }
        if !patch.is_empty() {
            self.write(
                Call::patch(Version::V1, path.clone(), Value::Object(patch)),
                None,
            )
            .await?;
        }
        if changed.contains(&"ManagedBy") {
            // ManagedBy names one owner: add the new one first, so the group is never ownerless
            // in between, then remove the others.
            let owners = self.all_pages(&format!("{path}/owners?$select=id")).await?;
            let new_owner = after.managed_by.clone();
            if let Some(new_owner) = &new_owner {
                if !owners
                    .iter()
                    .any(|o| o["id"].as_str() == Some(new_owner.as_str()))
                {
                    let reference = json!({"@odata.id": self.directory_object(new_owner)});
                    match self
                        .client
                        .call(&Call::post(
                            Version::V1,
                            format!("{path}/owners/$ref"),
                            Some(reference),
                        ))
                        .await
                    {
                        Ok(_) => {}
                        // Already an owner, or a lost answer to an add that landed: both are the wanted state.
                        Err(failure)
                            if failure.status() == Some(400)
                                && failure.to_string().contains("already exist") => {}
                        Err(GraphFailure::Uncertain(_)) => {}
                        Err(failure) => return Err(fault(failure, None)),
                    }
                }
            }
            for old in owners.iter().filter_map(|o| o["id"].as_str()) {
                if Some(old) == new_owner.as_deref() {
                    continue;
                }
                match self
                    .client
                    .call(&Call::delete(
                        Version::V1,
                        format!("{path}/owners/{old}/$ref"),
                    ))
                    .await
                {
                    Ok(_) => {}
                    Err(failure) if failure.status() == Some(404) => {}
                    Err(GraphFailure::Uncertain(_)) => {}
                    Err(failure) => return Err(fault(failure, None)),
                }
            }
        }
        Ok(Outcome::of(params.object_id, changed))
    }

    async fn remove_group(&self, id: Uuid) -> FaultResult<Outcome> {
        let group = self.group(id).await?;
        group_rules::check_changeable(&group, "ObjectId")?;
        match self
            .client
            .call(&Call::delete(Version::V1, format!("/groups/{id}")))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, ["ObjectId"])),
            // Deleted meanwhile, or a lost answer: settled by whether the group is still there.
            Err(failure) if failure.status() == Some(404) => Ok(Outcome::of(id, ["ObjectId"])),
            Err(GraphFailure::Uncertain(reason)) => match self.group(id).await {
                Err(Fault::GroupNotFound(_)) => Ok(Outcome::of(id, ["ObjectId"])),
                _ => Err(fault(GraphFailure::Uncertain(reason), None)),
            },
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn add_group_member(&self, params: GroupMemberChangeParams) -> FaultResult<Outcome> {
        let group = self.group(params.group_object_id).await?;
        let kind = group_rules::member_type(&params)?;
        group_rules::check_changeable(&group, "GroupObjectId")?;
        let member = params.group_member_object_id;
        self.check_member(kind, member).await?;
        let reference = json!({"@odata.id": self.directory_object(member)});
        match self
            .client
            .call(&Call::post(
                Version::V1,
                format!("/groups/{}/members/$ref", group.object_id),
                Some(reference),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(member, ["GroupMembership"])),
            // group-post-members: "400 Bad Request ... when the object is already a member".
            Err(failure)
                if failure.status() == Some(400)
                    && failure.to_string().contains("already exist") =>
            {
                Err(Fault::GroupMemberAlreadyExists)
            }
            Err(GraphFailure::Uncertain(reason)) => {
                if self
                    .member_ids(group.object_id)
                    .await?
                    .contains(&member.to_string())
                {
                    Ok(Outcome::of(member, ["GroupMembership"]))
                } else {
                    Err(fault(GraphFailure::Uncertain(reason), None))
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn remove_group_member(&self, params: GroupMemberChangeParams) -> FaultResult<Outcome> {
        let group = self.group(params.group_object_id).await?;
        group_rules::member_type(&params)?;
        group_rules::check_changeable(&group, "GroupObjectId")?;
        let member = params.group_member_object_id;
        match self
            .client
            .call(&Call::delete(
                Version::V1,
                format!("/groups/{}/members/{member}/$ref", group.object_id),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(member, ["GroupMembership"])),
            Err(failure) if failure.status() == Some(404) => Err(Fault::GroupMemberNotFound),
            Err(GraphFailure::Uncertain(reason)) => {
                if self
                    .member_ids(group.object_id)
                    .await?
                    .contains(&member.to_string())
                {
                    Err(fault(GraphFailure::Uncertain(reason), None))
                } else {
                    Ok(Outcome::of(member, ["GroupMembership"]))
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn groups(&self, query: &GroupQuery, page: PageRequest) -> FaultResult<Page<Group>> {
        let objects = match &query.member {
            Some(member) => {
                let profile = self.profile(member).await?;
                let id = profile["id"].as_str().unwrap_or_default().to_string();
                self.all_pages(&format!("/users/{id}/memberOf"))
                    .await?
                    .into_iter()
                    .filter(|o| o["@odata.type"] == "#microsoft.graph.group")
                    .collect()
            }
            None => {
                self.all_pages(&format!("/groups?$top=999&{GROUP_EXPAND}"))
                    .await?
            }
        };
        let groups = objects
            .iter()
            .filter_map(convert::group)
            .filter(|g| query.group_type.is_none_or(|t| t == g.group_type))
            .filter(|g| !query.has_errors_only || !g.errors.is_empty())
            .filter(|g| {
                query
                    .has_license_errors_only
                    .is_none_or(|only| !only || g.has_license_errors)
            })
            .filter(|g| {
                crate::domain::query::name_or_address_starts_with(
                    Some(&g.display_name),
                    g.email_address.as_deref(),
                    query.search_string.as_deref(),
                )
            })
            .collect();
        Ok(Page::slice(groups, &page))
    }

    async fn group(&self, id: Uuid) -> FaultResult<Group> {
        match self
            .client
            .call(&Call::get(
                Version::V1,
                format!("/groups/{id}?{GROUP_EXPAND}"),
            ))
            .await
        {
            Ok(reply) => {
                convert::group(&reply.body).ok_or_else(|| Fault::GroupNotFound(id.to_string()))
            }
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::GroupNotFound(id.to_string()))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn group_members(
        &self,
        group: Uuid,
        query: &MemberQuery<GroupMemberType>,
        page: PageRequest,
    ) -> FaultResult<Page<GroupMember>> {
        self.group(group).await?;
        let members = self
            .all_pages(&format!("/groups/{group}/members"))
            .await?
            .iter()
            .filter_map(convert::group_member)
            .filter(|m| {
                query.matches(
                    &m.group_member_type,
                    m.display_name.as_deref(),
                    m.email_address.as_deref(),
                )
            })
            .collect();
        Ok(Page::slice(members, &page))
    }
}
