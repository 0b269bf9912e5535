//! Federated domains on Graph: a domain's `federationConfiguration` (graph/api/resources/
//! internaldomainfederation; domain-list-, domain-post-federationconfiguration,
//! internaldomainfederation-update), and `authenticationType` Managed on the domain itself to end
//! federation (graph/api/domain-update). The company family's `CompanyDirectory` calls these.

use super::*;
use crate::domain::model::DomainFederationSettings;

fn federation_path(domain: &str) -> String {
    format!(
        "/domains/{}/federationConfiguration",
        msol_encoding::percent::encode(domain, b"")
    )
}

impl GraphDirectory {
    /// The domain's federation configuration: its id and its settings.
    async fn federation_configuration(
        &self,
        domain: &str,
    ) -> FaultResult<Option<(String, DomainFederationSettings)>> {
        Ok(self
            .all_pages(&federation_path(domain))
            .await?
            .first()
            .and_then(|c| Some((c["id"].as_str()?.to_string(), convert::domain_federation(c)))))
    }

    pub(super) async fn read_domain_federation(
        &self,
        domain: &str,
    ) -> FaultResult<DomainFederationSettings> {
        Ok(self
            .federation_configuration(domain)
            .await?
            .map(|(_, settings)| settings)
            .unwrap_or_default())
    }

    pub(super) async fn write_domain_federation(
        &self,
        domain: &str,
        settings: &DomainFederationSettings,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        let Some((id, _)) = self.federation_configuration(domain).await? else {
            return Err(Fault::invalid(
                "DomainName",
                format!("{domain} has no federation configuration on Microsoft Graph."),
            ));
        };
        let body = convert::federation_body(settings, Some(&changed));
        self.write(
            Call::patch(
                Version::V1,
                format!("{}/{id}", federation_path(domain)),
                body,
            ),
            None,
        )
        .await?;
        Ok(Outcome::unnamed(changed))
    }

    /// Federates with a new configuration (Graph makes the domain federated with it), or ends
    /// federation by making the domain managed.
    pub(super) async fn change_domain_authentication(
        &self,
        domain: &str,
        settings: Option<&DomainFederationSettings>,
    ) -> FaultResult<Outcome> {
        let call = match settings {
            Some(settings) => Call::post(
                Version::V1,
                federation_path(domain),
                Some(convert::federation_body(settings, None)),
            ),
            None => Call::patch(
                Version::V1,
                format!("/domains/{}", msol_encoding::percent::encode(domain, b"")),
                json!({"authenticationType": "Managed"}),
            ),
        };
        match self.client.call(&call).await {
            Ok(_) => Ok(Outcome::unnamed(["Authentication"])),
            // A lost answer: settled by the domain's authentication as Graph now reports it.
            Err(GraphFailure::Uncertain(reason)) => {
                let federated = self.federation_configuration(domain).await?.is_some();
                if federated == settings.is_some() {
                    Ok(Outcome::unnamed(["Authentication"]))
                } else {
                    Err(fault(GraphFailure::Uncertain(reason), None))
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }
}
