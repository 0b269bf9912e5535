//! Users and their MFA: the handlers.
#![allow(non_snake_case)]

use super::*;

pub async fn GetUser(p: GetUserParams, directory: &dyn Directory) -> FaultResult<ListPage<User>> {
    check_tenant(p.tenant_id, directory).await?;
    if p.object_id.is_some() || p.user_principal_name.is_some() {
        if let Some(filter) = p.list_filters_given().first() {
            let by = if p.object_id.is_some() {
                "ObjectId"
            } else {
                "UserPrincipalName"
            };
            return Err(Fault::invalid(
                *filter,
                format!(
                    "{filter} lists users; it cannot be combined with {by}, which gets one user."
                ),
            ));
        }
        let user = UserRef {
            object_id: p.object_id,
            user_principal_name: p.user_principal_name.clone(),
        };
        return Ok(ListPage::one(
            directory.get_user(&user, p.return_deleted_users).await?,
        ));
    }
    let query = UserQuery {
        filter: p.filter(),
        strong_authentication: None,
        role_object_id: None,
    };
    // A whole unfiltered listing is told how long it will be, for its progress.
    let counted =
        p.list.page_token.is_none() && !p.return_deleted_users && p.list_filters_given() == ["All"];
    let (page, total) = tokio::join!(
        paging::list(&p.list, USER_CAP, |page| directory.list_users(&query, page)),
        async {
            if !counted {
                return None;
            }
            // Only a progress estimate: a listing does not fail for want of it.
            directory
                .count_users()
                .await
                .inspect_err(
                    |fault| tracing::debug!(%fault, "no user count for the listing's progress"),
                )
                .ok()
        }
    );
    let mut page = page?;
    page.estimated_total = total;
    Ok(page)
}

pub async fn GetUserByStrongAuthentication(
    p: GetUserByStrongAuthenticationParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<User>> {
    check_tenant(p.tenant_id, directory).await?;
    let states: Vec<_> = p.requirements.iter().flatten().map(|r| r.state).collect();
    if p.requirement_unset_only && !states.is_empty() {
        return Err(Fault::invalid("RequirementUnsetOnly", "RequirementUnsetOnly finds users without a requirement; it cannot be combined with Requirements."));
    }
    if let Some(role) = p.role_object_id {
        role_id(directory, Some(role), None, "RoleObjectId").await?;
    }
    let query = UserQuery {
        filter: UserFilter::default(),
        strong_authentication: Some(StrongAuthenticationFilter {
            states,
            unset_only: p.requirement_unset_only,
            search_string: p.search_string.clone(),
        }),
        role_object_id: p.role_object_id,
    };
    paging::list(&p.list, USER_CAP, |page| directory.list_users(&query, page)).await
}

pub async fn NewUser(p: NewUserParams, directory: &dyn Directory) -> FaultResult<CreatedUser> {
    check_tenant(p.tenant_id, directory).await?;
    directory.new_user(p).await
}

pub async fn SetUser(p: SetUserParams, directory: &dyn Directory) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.set_user(p).await
}

pub async fn RemoveUser(p: RemoveUserParams, directory: &dyn Directory) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.remove_user(p).await
}

pub async fn RestoreUser(p: RestoreUserParams, directory: &dyn Directory) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.restore_user(p).await
}

pub async fn SetUserPassword(
    p: SetUserPasswordParams,
    directory: &dyn Directory,
) -> FaultResult<PasswordAnswer> {
    check_tenant(p.tenant_id, directory).await?;
    Ok(PasswordAnswer {
        password: directory.set_user_password(p).await?,
    })
}

pub async fn SetUserPrincipalName(
    p: SetUserPrincipalNameParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.set_user_principal_name(p).await
}

pub async fn ResetStrongAuthenticationMethodByUpn(
    p: ResetStrongAuthenticationParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory
        .reset_strong_authentication(&UserRef::by_upn(p.user_principal_name))
        .await
}
