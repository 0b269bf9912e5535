//! Groups on Graph: `groups` and their members.

use super::*;

#[async_trait]
impl GroupDirectory for GraphDirectory {
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
            None => self.all_pages("/groups?$top=999").await?,
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
        Ok(page_of(groups, &page))
    }

    async fn group(&self, id: Uuid) -> FaultResult<Group> {
        match self
            .client
            .call(&Call::get(Version::V1, format!("/groups/{id}")))
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
        Ok(page_of(members, &page))
    }
}
