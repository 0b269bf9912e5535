//! Administrative units, their members and the roles scoped to them: the handlers.
#![allow(non_snake_case)]

use super::*;
use crate::directory::Page;
use crate::domain::administrative_units as units;

pub async fn GetAdministrativeUnit(
    p: GetAdministrativeUnitParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<AdministrativeUnit>> {
    check_tenant(p.tenant_id, directory).await?;
    if let Some(id) = p.object_id {
        let filters = [
            ("UserObjectId", p.user_object_id.is_some()),
            ("UserPrincipalName", p.user_principal_name.is_some()),
            ("SearchString", p.search_string.is_some()),
            ("All", p.list.all),
            ("MaxResults", p.list.max_results.is_some()),
        ];
        if let Some((name, _)) = filters.iter().find(|(_, given)| *given) {
            return Err(Fault::invalid(
                *name,
                format!("ObjectId names one administrative unit; {name} belongs to a listing."),
            ));
        }
        return Ok(ListPage::one(directory.administrative_unit(id).await?));
    }
    let member = match (p.user_object_id, p.user_principal_name.as_deref()) {
        (None, None) => None,
        (object_id, upn) => {
            let user = UserRef {
                object_id,
                user_principal_name: upn.map(str::to_string),
            };
            Some(directory.get_user(&user, false).await?.object_id)
        }
    };
    let search = p.search_string.clone();
    paging::list(&p.list, MEMBER_CAP, |page| async move {
        let mut listed: Vec<AdministrativeUnit> = directory
            .administrative_units(member)
            .await?
            .into_iter()
            .filter(|u| units::listed(u, search.as_deref()))
            .collect();
        units::sort(&mut listed);
        Ok(Page::slice(listed, &page))
    })
    .await
}

pub async fn NewAdministrativeUnit(
    p: NewAdministrativeUnitParams,
    directory: &dyn Directory,
) -> FaultResult<AdministrativeUnit> {
    check_tenant(p.tenant_id, directory).await?;
    let unit = units::new_unit(&p, Uuid::new_v4())?;
    directory.new_administrative_unit(unit).await
}

pub async fn SetAdministrativeUnit(
    p: SetAdministrativeUnitParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let mut unit = directory.administrative_unit(p.object_id).await?;
    let changed = units::apply_changes(&mut unit, &p)?;
    if changed.is_empty() {
        return Ok(Outcome::of(unit.object_id, Vec::<String>::new()));
    }
    directory.save_administrative_unit(unit, changed).await
}

pub async fn RemoveAdministrativeUnit(
    p: RemoveAdministrativeUnitParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.remove_administrative_unit(p.object_id).await
}

pub async fn GetAdministrativeUnitMember(
    p: GetAdministrativeUnitMemberParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<AdministrativeUnitMember>> {
    check_tenant(p.tenant_id, directory).await?;
    let unit = p.administrative_unit_object_id;
    paging::list(&p.list, MEMBER_CAP, |page| async move {
        let mut members = directory.administrative_unit_members(unit).await?;
        members.sort_by(|a, b| {
            let name = |m: &AdministrativeUnitMember| {
                m.display_name.as_deref().unwrap_or_default().to_lowercase()
            };
            name(a).cmp(&name(b)).then(a.object_id.cmp(&b.object_id))
        });
        Ok(Page::slice(members, &page))
    })
    .await
}

pub async fn AddAdministrativeUnitMember(
    p: AdministrativeUnitMemberChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory
        .add_administrative_unit_member(
            p.administrative_unit_object_id,
            p.administrative_unit_member_object_id,
        )
        .await
}

pub async fn RemoveAdministrativeUnitMember(
    p: AdministrativeUnitMemberChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory
        .remove_administrative_unit_member(
            p.administrative_unit_object_id,
            p.administrative_unit_member_object_id,
        )
        .await
}

pub async fn GetScopedRoleMember(
    p: GetScopedRoleMemberParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<RoleScopedMember>> {
    check_tenant(p.tenant_id, directory).await?;
    let role = match p.role_object_id {
        Some(id) => Some(role_id(directory, Some(id), None, "RoleObjectId").await?),
        None => None,
    };
    let unit = p.administrative_unit_object_id;
    paging::list(&p.list, MEMBER_CAP, |page| async move {
        let scope: Vec<Uuid> = match unit {
            Some(id) => vec![id],
            None => directory
                .administrative_units(None)
                .await?
                .iter()
                .map(|u| u.object_id)
                .collect(),
        };
        let mut members = Vec::new();
        for unit in scope {
            members.extend(
                directory
                    .scoped_role_members(unit)
                    .await?
                    .into_iter()
                    .filter(|m| role.is_none_or(|r| m.role_object_id == r)),
            );
        }
        units::sort_scoped(&mut members);
        Ok(Page::slice(members, &page))
    })
    .await
}

pub async fn AddScopedRoleMember(
    p: ScopedRoleMemberChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let (role, user) = scoped_assignment(&p, directory).await?;
    directory
        .add_scoped_role_member(p.administrative_unit_object_id, role, user)
        .await
}

pub async fn RemoveScopedRoleMember(
    p: ScopedRoleMemberChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let (role, user) = scoped_assignment(&p, directory).await?;
    directory
        .remove_scoped_role_member(p.administrative_unit_object_id, role, user)
        .await
}

/// The role (checked scopable) and the user (by ObjectId or user principal name) an Add- or
/// Remove-MsolScopedRoleMember names.
async fn scoped_assignment(
    p: &ScopedRoleMemberChangeParams,
    directory: &dyn Directory,
) -> FaultResult<(Uuid, Uuid)> {
    let role = role_id(directory, Some(p.role_object_id), None, "RoleObjectId").await?;
    units::check_scopable(role)?;
    if p.role_member_object_id.is_none() && p.role_member_user_principal_name.is_none() {
        return Err(Fault::Required {
            field: "RoleMemberObjectId".to_string(),
            reason: "Name the user with RoleMemberObjectId or RoleMemberUserPrincipalName."
                .to_string(),
        });
    }
    let user = UserRef {
        object_id: p.role_member_object_id,
        user_principal_name: p.role_member_user_principal_name.clone(),
    };
    Ok((role, directory.get_user(&user, false).await?.object_id))
}
