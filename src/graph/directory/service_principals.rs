//! Service principals and their credential keys on Graph: `servicePrincipals`, their
//! `keyCredentials` and `passwordCredentials` (graph/api/serviceprincipal-list,
//! serviceprincipal-get, serviceprincipal-update).

use super::*;

/// What a listing reads of each service principal.
const SERVICE_PRINCIPAL_SELECT: &str =
    "id,appId,displayName,accountEnabled,servicePrincipalNames,replyUrls";

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
        if credential.credential_type != CredentialType::Asymmetric {
            return Err(Fault::invalid_choice(
                "Type",
                format!(
                    "Microsoft Graph cannot store a {:?} credential: it has no symmetric keys, and it makes client secrets itself (use New-MgServicePrincipalPassword, which answers the secret once). Certificates work as before.",
                    credential.credential_type
                ),
                &["Asymmetric"],
            ));
        }
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
