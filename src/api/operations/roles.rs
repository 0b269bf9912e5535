//! Directory roles and their members: the handlers.
#![allow(non_snake_case)]

use super::*;

pub async fn GetRole(p: GetRoleParams, directory: &dyn Directory) -> FaultResult<ListPage<Role>> {
    check_tenant(p.tenant_id, directory).await?;
    let all = directory.roles().await?;
    if p.object_id.is_none() && p.role_name.is_none() {
        return Ok(ListPage::all(all));
    }
    let id = role_id(directory, p.object_id, p.role_name.as_deref(), "ObjectId").await?;
    let role = all
        .into_iter()
        .find(|r| r.object_id == id)
        .ok_or_else(|| Fault::RoleNotFound(id.to_string()))?;
    Ok(ListPage::one(role))
}

pub async fn GetRoleMember(
    p: GetRoleMemberParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<RoleMember>> {
    check_tenant(p.tenant_id, directory).await?;
    let role = role_id(directory, Some(p.role_object_id), None, "RoleObjectId").await?;
    let query = MemberQuery {
        types: p.member_object_types.clone(),
        search_string: p.search_string.clone(),
    };
    paging::list(&p.list, MEMBER_CAP, |page| {
        directory.role_members(role, &query, page)
    })
    .await
}

fn member(p: &RoleMemberChangeParams) -> FaultResult<MemberRef> {
    let member_type = p.role_member_type.unwrap_or(RoleMemberType::User);
    if p.role_member_object_id.is_none() && p.role_member_email_address.is_none() {
        return Err(Fault::Required {
            field: "RoleMemberObjectId".to_string(),
            reason: "Name the member with RoleMemberObjectId or RoleMemberEmailAddress."
                .to_string(),
        });
    }
    Ok(MemberRef {
        member_type,
        object_id: p.role_member_object_id,
        email_address: p.role_member_email_address.clone(),
    })
}

pub async fn AddRoleMember(
    p: RoleMemberChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let role = role_id(
        directory,
        p.role_object_id,
        p.role_name.as_deref(),
        "RoleObjectId",
    )
    .await?;
    directory.add_role_member(role, &member(&p)?).await
}

pub async fn RemoveRoleMember(
    p: RoleMemberChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let role = role_id(
        directory,
        p.role_object_id,
        p.role_name.as_deref(),
        "RoleObjectId",
    )
    .await?;
    directory.remove_role_member(role, &member(&p)?).await
}

pub async fn GetUserRole(
    p: GetUserRoleParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<Role>> {
    check_tenant(p.tenant_id, directory).await?;
    Ok(ListPage::all(directory.user_roles(&p.user()).await?))
}
