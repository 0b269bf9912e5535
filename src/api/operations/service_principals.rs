//! Service principals and their credential keys: the handlers.
#![allow(non_snake_case)]

use super::*;
use crate::directory::{CreatedServicePrincipal, NewPrincipal, Page};
use crate::domain::service_principals::{self, CredentialRequest};
use crate::domain::time::Timestamp;

/// MSOnline's default cap for Get-MsolServicePrincipal.
const SERVICE_PRINCIPAL_CAP: u32 = 500;

/// The service principals a reference names; none is `ServicePrincipalNotFoundException`.
async fn named(
    reference: &ServicePrincipalRef,
    directory: &dyn Directory,
) -> FaultResult<Vec<ServicePrincipal>> {
    if let Some(id) = reference.object_id {
        return Ok(vec![directory.service_principal(id).await?]);
    }
    let (found, named): (Vec<ServicePrincipal>, String) = match (
        &reference.app_principal_id,
        &reference.service_principal_name,
    ) {
        (Some(app), _) => (
            directory
                .service_principals()
                .await?
                .into_iter()
                .filter(|s| s.app_principal_id == *app)
                .collect(),
            app.to_string(),
        ),
        (None, Some(name)) => (
            directory
                .service_principals()
                .await?
                .into_iter()
                .filter(|s| service_principals::has_name(s, name))
                .collect(),
            name.clone(),
        ),
        (None, None) => return Err(Fault::Required {
            field: "ObjectId".into(),
            reason:
                "name the service principal by ObjectId, AppPrincipalId or ServicePrincipalName."
                    .into(),
        }),
    };
    if found.is_empty() {
        return Err(Fault::ServicePrincipalNotFound(named));
    }
    Ok(found)
}

/// The one service principal a reference names; a service principal name shared by several is
/// refused, naming their ObjectIds.
async fn the_one(
    reference: &ServicePrincipalRef,
    directory: &dyn Directory,
) -> FaultResult<ServicePrincipal> {
    let mut found = named(reference, directory).await?;
    if found.len() > 1 {
        let ids: Vec<String> = found.iter().map(|s| s.object_id.to_string()).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        return Err(Fault::invalid_choice(
            "ServicePrincipalName",
            format!(
                "names {} service principals; name one by its ObjectId.",
                found.len()
            ),
            &ids,
        ));
    }
    Ok(found.remove(0))
}

pub async fn GetServicePrincipal(
    p: GetServicePrincipalParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<ServicePrincipal>> {
    check_tenant(p.tenant_id, directory).await?;
    let reference = &p.service_principal;
    if reference.object_id.is_some()
        || reference.app_principal_id.is_some()
        || reference.service_principal_name.is_some()
    {
        return Ok(ListPage::all(named(reference, directory).await?));
    }
    let search = p.search_string.clone();
    paging::list(&p.list, SERVICE_PRINCIPAL_CAP, |page| async move {
        let matching: Vec<ServicePrincipal> = directory
            .service_principals()
            .await?
            .into_iter()
            .filter(|s| service_principals::matches_search(s, search.as_deref()))
            .collect();
        Ok(Page::slice(matching, &page))
    })
    .await
}

pub async fn NewServicePrincipalCredential(
    p: NewServicePrincipalCredentialParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let request = CredentialRequest::from(&p.credential);
    // The rules first: a refused request reads nothing more and changes nothing. The key is
    // made once; only its owner is filled in once found.
    let mut credential =
        service_principals::new_credential(uuid::Uuid::nil(), &request, Timestamp::now())?;
    credential.service_principal_object_id =
        the_one(&p.service_principal, directory).await?.object_id;
    directory.add_service_principal_credential(credential).await
}

pub async fn GetServicePrincipalCredential(
    p: GetServicePrincipalCredentialParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<ServicePrincipalCredential>> {
    check_tenant(p.tenant_id, directory).await?;
    let principal = the_one(&p.service_principal, directory).await?;
    let mut credentials = directory
        .service_principal_credentials(principal.object_id)
        .await?;
    if !p.return_key_values {
        for credential in &mut credentials {
            credential.value = None;
        }
    }
    Ok(ListPage::all(credentials))
}

/// Every KeyId must name one of the principal's credentials: a typo removes nothing and names the
/// KeyIds there are.
pub async fn RemoveServicePrincipalCredential(
    p: RemoveServicePrincipalCredentialParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let principal = the_one(&p.service_principal, directory).await?;
    let held: Vec<uuid::Uuid> = directory
        .service_principal_credentials(principal.object_id)
        .await?
        .iter()
        .map(|c| c.key_id)
        .collect();
    if let Some(unknown) = p.key_ids.iter().find(|k| !held.contains(k)) {
        let ids: Vec<String> = held.iter().map(ToString::to_string).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        return Err(Fault::invalid_choice(
            "KeyIds",
            format!(
                "{unknown} is not a credential of {}.",
                principal.display_name
            ),
            &ids,
        ));
    }
    directory
        .remove_service_principal_credentials(principal.object_id, p.key_ids)
        .await
}

pub async fn NewServicePrincipal(
    p: NewServicePrincipalParams,
    directory: &dyn Directory,
) -> FaultResult<CreatedServicePrincipal> {
    check_tenant(p.tenant_id, directory).await?;
    // The rules first: a refused request creates nothing.
    let display_name = service_principals::checked_display_name(&p.display_name)?;
    let default_credential = p.credential.credential_type.is_none() && p.credential.value.is_none();
    let credential = service_principals::new_credential(
        Uuid::nil(),
        &CredentialRequest::from(&p.credential),
        Timestamp::now(),
    )?;
    let addresses =
        service_principals::reply_addresses(p.addresses.as_deref().unwrap_or_default())?;
    let others = directory.service_principals().await?;
    if let Some(app) = p.app_principal_id {
        if let Some(holder) = others.iter().find(|o| o.app_principal_id == app) {
            return Err(Fault::NotUnique {
                field: "AppPrincipalId".to_string(),
                reason: format!(
                    "{app} already has a service principal, {} ({}).",
                    holder.display_name, holder.object_id
                ),
            });
        }
    }
    let app = p.app_principal_id.unwrap_or_else(Uuid::new_v4);
    let names = service_principals::names_with_app_id(
        p.service_principal_names.as_deref().unwrap_or_default(),
        app,
        &others,
    )?;
    let principal = ServicePrincipal {
        object_id: Uuid::nil(),
        app_principal_id: app,
        display_name,
        account_enabled: p.account_enabled.unwrap_or(true),
        service_principal_names: names,
        addresses,
        trusted_for_delegation: false,
    };
    directory
        .new_service_principal(NewPrincipal {
            principal,
            new_application: p.app_principal_id.is_none(),
            credential,
            default_credential,
        })
        .await
}

pub async fn SetServicePrincipal(
    p: SetServicePrincipalParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let reference = ServicePrincipalRef {
        object_id: p.object_id,
        app_principal_id: p.app_principal_id,
        service_principal_name: None,
    };
    let before = the_one(&reference, directory).await?;
    let others: Vec<ServicePrincipal> = directory
        .service_principals()
        .await?
        .into_iter()
        .filter(|o| o.object_id != before.object_id)
        .collect();
    let (after, changed) = service_principals::changed(&before, &p, &others)?;
    if changed.is_empty() {
        return Ok(Outcome::of(before.object_id, Vec::<String>::new()));
    }
    directory.set_service_principal(after, changed).await
}

/// A service principal name may name several; each is removed (Remove-MsolServicePrincipal's
/// documentation: "the service principal or service principals").
pub async fn RemoveServicePrincipal(
    p: RemoveServicePrincipalParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let found = named(&p.service_principal, directory).await?;
    let mut outcome = Outcome::of(found[0].object_id, ["ObjectId"]);
    for principal in &found {
        let removed = directory
            .remove_service_principal(principal.object_id)
            .await?;
        outcome.warnings.extend(removed.warnings);
    }
    if found.len() > 1 {
        outcome.warnings.push(format!(
            "{} service principals had that name; all were removed: {}.",
            found.len(),
            found
                .iter()
                .map(|f| format!("{} ({})", f.display_name, f.object_id))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(outcome)
}
