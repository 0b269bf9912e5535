//! The company, its domains, their password policies and directory synchronization on Graph:
//! `organization` and `domains`; synchronization conflicts from users, groups and contacts.

use super::*;

/// A domain's path; names come from the domain listing, percent-encoded all the same.
fn domain_path(domain: &str) -> String {
    format!("/domains/{}", msol_encoding::percent::encode(domain, b""))
}

/// What the conflicts listing reads of users and groups.
const CONFLICT_SELECT: &str =
    "id,displayName,proxyAddresses,onPremisesLastSyncDateTime,onPremisesProvisioningErrors";

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

    /// Users with conflicts, found by Graph: `onPremisesProvisioningErrors/$count ne 0` is an
    /// advanced query (graph/api/resources/user: "/$count eq 0, /$count ne 0"), so a large
    /// tenant is not read user by user.
    async fn users_with_conflicts(&self) -> FaultResult<Vec<Value>> {
        let path = format!(
            "/users?$filter=onPremisesProvisioningErrors/$count ne 0&$count=true&$top=999&$select={CONFLICT_SELECT},userPrincipalName,onPremisesImmutableId,createdDateTime"
        );
        let first = self
            .client
            .call(&Call::get(Version::V1, path).eventual())
            .await
            .map_err(|f| fault(f, None))?
            .body;
        self.rest_of_pages(first, true).await
    }
}

/// The parts of a Graph user that a conflict listing shows, as MSOnline's user.
fn conflicted_user(profile: &Value) -> Option<User> {
    let mut user = User::new(
        Uuid::parse_str(profile["id"].as_str()?).ok()?,
        profile["userPrincipalName"].as_str()?.to_string(),
        Timestamp::parse(profile["createdDateTime"].as_str().unwrap_or_default())
            .unwrap_or_else(Timestamp::now),
    );
    user.display_name = profile["displayName"].as_str().map(str::to_string);
    user.immutable_id = profile["onPremisesImmutableId"]
        .as_str()
        .map(str::to_string);
    user.proxy_addresses = convert::texts(profile, "proxyAddresses");
    user.last_dir_sync_time = profile["onPremisesLastSyncDateTime"]
        .as_str()
        .and_then(Timestamp::parse);
    user.dir_sync_provisioning_errors = convert::provisioning_errors(profile);
    Some(user)
}

#[async_trait]
impl CompanyDirectory for GraphDirectory {
    async fn objects_with_dir_sync_provisioning_errors(
        &self,
    ) -> FaultResult<Vec<DirSyncProvisioningErrorObject>> {
        let groups_path =
            format!("/groups?$top=999&$select={CONFLICT_SELECT},mailEnabled,securityEnabled");
        let (users, groups, contacts) = tokio::try_join!(
            self.users_with_conflicts(),
            self.all_pages(&groups_path),
            self.contacts()
        )?;
        let mut objects: Vec<DirSyncProvisioningErrorObject> = users
            .iter()
            .filter_map(conflicted_user)
            .filter_map(|u| dir_sync::user_conflicts(&u))
            .collect();
        objects.extend(
            groups
                .iter()
                .filter_map(convert::group)
                .filter_map(|g| dir_sync::group_conflicts(&g)),
        );
        objects.extend(contacts.iter().filter_map(dir_sync::contact_conflicts));
        Ok(objects)
    }

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
