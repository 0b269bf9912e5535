//! Service principals and their credential keys: the handlers.
#![allow(non_snake_case)]

use super::*;
use crate::directory::Page;
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
    let request = CredentialRequest {
        credential_type: p.credential_type,
        usage: p.usage,
        value: p.value.clone(),
        start_date: p.start_date,
        end_date: p.end_date,
    };
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
