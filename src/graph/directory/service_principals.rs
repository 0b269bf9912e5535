//! Service principals and their credential keys on Graph: `servicePrincipals`, their
//! `keyCredentials` and `passwordCredentials` (graph/api/serviceprincipal-list,
//! serviceprincipal-get, serviceprincipal-update).

use super::*;

/// What a listing reads of each service principal.
const SERVICE_PRINCIPAL_SELECT: &str =
    "id,appId,displayName,accountEnabled,servicePrincipalNames,replyUrls";

/// Graph stores no symmetric keys and makes client secrets itself
/// (graph/api/serviceprincipal-addpassword): only certificates can be added as given.
fn check_storable(credential: &ServicePrincipalCredential) -> FaultResult<()> {
    if credential.credential_type == CredentialType::Asymmetric {
        return Ok(());
    }
    Err(Fault::invalid_choice(
        "Type",
        format!(
            "Microsoft Graph cannot store a {:?} credential: it has no symmetric keys, and it makes client secrets itself (use New-MgServicePrincipalPassword, which answers the secret once). Certificates work as before.",
            credential.credential_type
        ),
        &["Asymmetric"],
    ))
}

impl GraphDirectory {
    /// One service principal with its keys: Graph answers a key's `key` only "when $select is
    /// used on a single object" (graph/api/resources/keycredential).
    async fn principal_keys(&self, id: Uuid) -> FaultResult<Value> {
        match self
            .client
            .call(&Call::get(
                Version::V1,
                format!("/servicePrincipals/{id}?$select=id,keyCredentials,passwordCredentials"),
            ))
            .await
        {
            Ok(reply) => Ok(reply.body),
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::ServicePrincipalNotFound(id.to_string()))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }
}

#[async_trait]
impl ServicePrincipalDirectory for GraphDirectory {
    /// A new application first unless one was named (graph/api/application-post-applications),
    /// then its service principal (serviceprincipal-post-serviceprincipals), then a certificate.
    /// MSOnline's default generated symmetric key has no Graph counterpart: the principal is made
    /// without it, and the answer says so. A create whose answer was lost is not repeated.
    async fn new_service_principal(
        &self,
        request: NewPrincipal,
    ) -> FaultResult<CreatedServicePrincipal> {
        if !request.default_credential {
            check_storable(&request.credential)?;
        }
        let draft = request.principal;
        let app_id = if request.new_application {
            let created = self
                .write(
                    Call::post(
                        Version::V1,
                        "/applications",
                        Some(json!({ "displayName": draft.display_name })),
                    ),
                    None,
                )
                .await?;
            created.body["appId"]
                .as_str()
                .and_then(|a| Uuid::parse_str(a).ok())
                .ok_or_else(|| {
                    Fault::Unexpected(anyhow::anyhow!(
                        "Microsoft Graph answered an application without an appId"
                    ))
                })?
        } else {
            draft.app_principal_id
        };
        // The names hold the application id the domain chose for a new application; Graph gave
        // its own, which takes its place.
        let names: Vec<String> = draft
            .service_principal_names
            .iter()
            .filter(|n| !n.eq_ignore_ascii_case(&draft.app_principal_id.to_string()))
            .cloned()
            .chain(std::iter::once(app_id.to_string()))
            .collect();
        let created = self
            .write(
                Call::post(
                    Version::V1,
                    "/servicePrincipals",
                    Some(json!({
                        "appId": app_id,
                        "accountEnabled": draft.account_enabled,
                        "servicePrincipalNames": names,
                        "replyUrls": draft.addresses,
                    })),
                ),
                None,
            )
            .await?;
        let principal = convert::service_principal(&created.body).ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "Microsoft Graph answered a service principal without an id"
            ))
        })?;
        let mut answer = CreatedServicePrincipal {
            principal,
            credentials: Vec::new(),
            warnings: Vec::new(),
        };
        if request.credential.credential_type == CredentialType::Asymmetric {
            let credential = ServicePrincipalCredential {
                service_principal_object_id: answer.principal.object_id,
                ..request.credential
            };
            self.add_service_principal_credential(credential.clone())
                .await?;
            answer.credentials.push(credential);
        } else {
            answer.warnings.push(format!(
                "{} was created without the symmetric key MSOnline would have generated: Microsoft Graph stores no symmetric keys. Add a certificate with New-MsolServicePrincipalCredential -Type Asymmetric, or a client secret with New-MgServicePrincipalPassword.",
                answer.principal.display_name
            ));
        }
        Ok(answer)
    }

    async fn set_service_principal(
        &self,
        after: ServicePrincipal,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        let mut body = Map::new();
        for property in &changed {
            let (name, value) = match *property {
                "DisplayName" => ("displayName", json!(after.display_name)),
                "ServicePrincipalNames" => (
                    "servicePrincipalNames",
                    json!(after.service_principal_names),
                ),
                "Addresses" => ("replyUrls", json!(after.addresses)),
                "AccountEnabled" => ("accountEnabled", json!(after.account_enabled)),
                _ => continue,
            };
            body.insert(name.to_string(), value);
        }
        self.write(
            Call::patch(
                Version::V1,
                format!("/servicePrincipals/{}", after.object_id),
                Value::Object(body),
            ),
            None,
        )
        .await?;
        Ok(Outcome::of(after.object_id, changed))
    }

    /// graph/api/serviceprincipal-delete; the application stays (Entra's Enterprise applications
    /// and App registrations are separate).
    async fn remove_service_principal(&self, id: Uuid) -> FaultResult<Outcome> {
        match self
            .client
            .call(&Call::delete(
                Version::V1,
                format!("/servicePrincipals/{id}"),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, ["ObjectId"])),
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::ServicePrincipalNotFound(id.to_string()))
            }
            Err(GraphFailure::Uncertain(reason)) => match self.service_principal(id).await {
                Err(Fault::ServicePrincipalNotFound(_)) => Ok(Outcome::of(id, ["ObjectId"])),
                _ => Err(fault(GraphFailure::Uncertain(reason), None)),
            },
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn service_principals(&self) -> FaultResult<Vec<ServicePrincipal>> {
        Ok(self
            .all_pages(&format!(
                "/servicePrincipals?$top=999&$select={SERVICE_PRINCIPAL_SELECT}"
            ))
            .await?
            .iter()
            .filter_map(convert::service_principal)
            .collect())
    }

    async fn service_principal(&self, id: Uuid) -> FaultResult<ServicePrincipal> {
        match self
            .client
            .call(&Call::get(
                Version::V1,
                format!("/servicePrincipals/{id}?$select={SERVICE_PRINCIPAL_SELECT}"),
            ))
            .await
        {
            Ok(reply) => convert::service_principal(&reply.body)
                .ok_or_else(|| Fault::ServicePrincipalNotFound(id.to_string())),
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::ServicePrincipalNotFound(id.to_string()))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn service_principal_credentials(
        &self,
        id: Uuid,
    ) -> FaultResult<Vec<ServicePrincipalCredential>> {
        Ok(convert::service_principal_credentials(
            id,
            &self.principal_keys(id).await?,
        ))
    }

    /// Keys leave `keyCredentials` by an update that sends back the others (as adding does), and
    /// passwords by `removePassword` (graph/api/serviceprincipal-removepassword), one each.
    async fn remove_service_principal_credentials(
        &self,
        id: Uuid,
        key_ids: Vec<Uuid>,
    ) -> FaultResult<Outcome> {
        let current = self.principal_keys(id).await?;
        let named = |item: &Value| {
            item["keyId"]
                .as_str()
                .and_then(|k| Uuid::parse_str(k).ok())
                .is_some_and(|k| key_ids.contains(&k))
        };
        let keys = current["keyCredentials"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if keys.iter().any(named) {
            let kept: Vec<Value> = keys.into_iter().filter(|k| !named(k)).collect();
            self.write(
                Call::patch(
                    Version::V1,
                    format!("/servicePrincipals/{id}"),
                    json!({ "keyCredentials": kept }),
                ),
                None,
            )
            .await?;
        }
        for password in current["passwordCredentials"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| named(p))
        {
            self.write(
                Call::post(
                    Version::V1,
                    format!("/servicePrincipals/{id}/removePassword"),
                    Some(json!({ "keyId": password["keyId"] })),
                ),
                None,
            )
            .await?;
        }
        Ok(Outcome::of(id, ["Credentials"]))
    }

    /// A certificate joins the principal's `keyCredentials`: the update replaces the whole
    /// collection, so the keys it holds are sent back with the new one (Microsoft's own guidance
    /// for registering hybrid Exchange's certificate does the same). The new key's id makes the
    /// PATCH idempotent, so the client repeats it when an answer is lost. Graph stores no
    /// symmetric keys and makes client secrets itself (serviceprincipal-addpassword), so those
    /// are refused before anything is sent.
    async fn add_service_principal_credential(
        &self,
        credential: ServicePrincipalCredential,
    ) -> FaultResult<Outcome> {
        check_storable(&credential)?;
        let id = credential.service_principal_object_id;
        let current = self.principal_keys(id).await?;
        let mut keys = current["keyCredentials"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        keys.push(json!({
            "keyId": credential.key_id,
            "type": "AsymmetricX509Cert",
            "usage": "Verify",
            "key": credential.value,
            "startDateTime": credential.start_date,
            "endDateTime": credential.end_date,
        }));
        self.write(
            Call::patch(
                Version::V1,
                format!("/servicePrincipals/{id}"),
                json!({ "keyCredentials": keys }),
            ),
            None,
        )
        .await?;
        Ok(Outcome::of(id, ["Credentials"]))
    }
}
