//! The company, its domains, their password policies and directory synchronization on Graph:
//! `organization` and `domains`.

use super::*;

/// A domain's path; names come from the domain listing, percent-encoded all the same.
fn domain_path(domain: &str) -> String {
    format!("/domains/{}", msol_encoding::percent::encode(domain, b""))
}

impl GraphDirectory {
    pub(super) async fn verified_domains(&self) -> FaultResult<Vec<String>> {
        Ok(self
            .domains()
            .await?
            .into_iter()
            .filter(|d| d.status == DomainStatus::Verified)
            .map(|d| d.name)
            .collect())
    }
}

#[async_trait]
impl CompanyDirectory for GraphDirectory {
    async fn company_information(&self) -> FaultResult<CompanyInformation> {
        let (org, domains) =
            tokio::try_join!(self.get(Version::V1, "/organization", None), self.domains())?;
        convert::company(&org["value"][0], &domains)
            .ok_or_else(|| Fault::Unexpected(anyhow::anyhow!("Graph returned no organization")))
    }

    async fn domains(&self) -> FaultResult<Vec<Domain>> {
        Ok(self
            .all_pages("/domains")
            .await?
            .iter()
            .filter_map(convert::domain)
            .collect())
    }

    /// The domain's `passwordValidityPeriodInDays` and `passwordNotificationWindowInDays`
    /// (graph/api/resources/domain: "If the property is not set, a default value of 90 days [14
    /// days] will be used", MSOnline's null).
    async fn password_policy(&self, domain: &str) -> FaultResult<PasswordPolicy> {
        let object = self.get(Version::V1, domain_path(domain), None).await?;
        Ok(convert::password_policy(&object))
    }

    /// graph/api/domain-update, with only the two properties; nothing is sent when they already
    /// hold the values. The PATCH is idempotent, so the client repeats it when an answer is lost.
    async fn set_password_policy(
        &self,
        domain: &str,
        policy: PasswordPolicy,
    ) -> FaultResult<Outcome> {
        let changed = domain_rules::policy_changes(&self.password_policy(domain).await?, &policy);
        if !changed.is_empty() {
            let body = json!({
                "passwordValidityPeriodInDays": policy.validity_period,
                "passwordNotificationWindowInDays": policy.notification_days,
            });
            self.write(Call::patch(Version::V1, domain_path(domain), body), None)
                .await?;
        }
        Ok(Outcome {
            changed,
            ..Outcome::default()
        })
    }

    /// The organization's `onPremisesSyncEnabled` (office365/enterprise/
    /// turn-off-directory-synchronization). Graph keeps no record of when synchronization was
    /// turned off, so the 72-hour wait is Graph's to enforce; its refusal keeps MSOnline's fault.
    /// The PATCH is idempotent, so the client repeats it when an answer is lost.
    async fn set_dir_sync_enabled(&self, enable: bool) -> FaultResult<Outcome> {
        let before = self.company_information().await?;
        if !dir_sync::check_switch(&before, enable, None, Timestamp::now())? {
            return Ok(Outcome::of(before.object_id, Vec::<String>::new()));
        }
        let call = Call::patch(
            Version::V1,
            format!("/organization/{}", before.object_id),
            json!({ "onPremisesSyncEnabled": enable }),
        );
        match self.client.call(&call).await {
            Ok(_) => Ok(Outcome::of(before.object_id, [dir_sync::CHANGED])),
            Err(failure) if failure.status() == Some(400) => {
                Err(Fault::DirSyncStatusChangeNotAllowed(format!(
                    "Microsoft Graph refused to turn directory synchronization {}: {failure}",
                    if enable { "on" } else { "off" }
                )))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }
}
