//! Groups and their members: the handlers.
#![allow(non_snake_case)]

use super::*;

pub async fn GetGroup(
    p: GetGroupParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<Group>> {
    check_tenant(p.tenant_id, directory).await?;
    if let Some(id) = p.object_id {
        return Ok(ListPage::one(directory.group(id).await?));
    }
    if p.is_agent_role && p.user_object_id.is_none() && p.user_principal_name.is_none() {
        return Err(Fault::Required {
            field: "UserObjectId".to_string(),
            reason: "IsAgentRole is used with UserObjectId or UserPrincipalName.".to_string(),
        });
    }
    let member = (p.user_object_id.is_some() || p.user_principal_name.is_some()).then(|| UserRef {
        object_id: p.user_object_id,
        user_principal_name: p.user_principal_name.clone(),
    });
    let query = GroupQuery {
        member,
        group_type: p.group_type,
        has_errors_only: p.has_errors_only,
        has_license_errors_only: p.has_license_errors_only,
        search_string: p.search_string.clone(),
    };
    paging::list(&p.list, MEMBER_CAP, |page| directory.groups(&query, page)).await
}

pub async fn GetGroupMember(
    p: GetGroupMemberParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<GroupMember>> {
    check_tenant(p.tenant_id, directory).await?;
    let query = MemberQuery {
        types: p.member_object_types.clone(),
        search_string: p.search_string.clone(),
    };
    paging::list(&p.list, MEMBER_CAP, |page| {
        directory.group_members(p.group_object_id, &query, page)
    })
    .await
}

pub async fn NewGroup(p: NewGroupParams, directory: &dyn Directory) -> FaultResult<Group> {
    check_tenant(p.tenant_id, directory).await?;
    directory.new_group(p).await
}

pub async fn SetGroup(p: SetGroupParams, directory: &dyn Directory) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.set_group(p).await
}

pub async fn RemoveGroup(p: RemoveGroupParams, directory: &dyn Directory) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.remove_group(p.object_id).await
}

pub async fn AddGroupMember(
    p: GroupMemberChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.add_group_member(p).await
}

pub async fn RemoveGroupMember(
    p: GroupMemberChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.remove_group_member(p).await
}
