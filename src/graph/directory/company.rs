//! The company, its domains, their password policies and directory synchronization on Graph:
//! `organization` and `domains`; synchronization conflicts from users, groups and contacts.

use super::*;

/// A domain's path; names come from the domain listing, percent-encoded all the same.
fn domain_path(domain: &str) -> String {
    format!("/domains/{}", msol_encoding::percent::encode(domain, b""))
}

const AUTHORIZATION_POLICY: &str = "/policies/authorizationPolicy";

/// What the conflicts listing reads of users and groups.
const CONFLICT_SELECT: &str =
    "id,displayName,proxyAddresses,onPremisesSyncEnabled,onPremisesLastSyncDateTime,onPremisesProvisioningErrors";

impl GraphDirectory {
    /// The organization (the first of `/organization`'s one) and the company's domains.
    async fn organization_and_domains(&self) -> FaultResult<(Value, Vec<Domain>)> {
        let (org, domains) =
            tokio::try_join!(self.get(Version::V1, "/organization", None), self.domains())?;
        Ok((org["value"][0].clone(), domains))
    }

    /// The tenant's authorizationPolicy (graph/api/authorizationpolicy-get); `None` when Graph
    /// refuses it to this caller.
    async fn authorization_policy(&self) -> FaultResult<Option<Value>> {
        match self
            .client
            .call(&Call::get(Version::V1, AUTHORIZATION_POLICY))
            .await
        {
            Ok(reply) => Ok(Some(reply.body)),
            Err(failure) if failure.status() == Some(403) => Ok(None),
            Err(failure) => Err(fault(failure, None)),
        }
    }

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

/// The company as MSOnline shows it, with the policy's settings where the policy was read.
fn company_of(
    org: &Value,
    domains: &[Domain],
    policy: Option<&Value>,
) -> FaultResult<CompanyInformation> {
    convert::company(org, domains, policy)
        .ok_or_else(|| Fault::Unexpected(anyhow::anyhow!("Graph returned no organization")))
}

#[async_trait]
impl CompanyDirectory for GraphDirectory {
    async fn domain_federation(
        &self,
        domain: &str,
    ) -> FaultResult<crate::domain::model::DomainFederationSettings> {
        self.read_domain_federation(domain).await
    }

    async fn set_domain_federation(
        &self,
        domain: &str,
        settings: crate::domain::model::DomainFederationSettings,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        self.write_domain_federation(domain, &settings, changed)
            .await
    }

    async fn set_domain_authentication(
        &self,
        domain: &str,
        settings: Option<crate::domain::model::DomainFederationSettings>,
    ) -> FaultResult<Outcome> {
        self.change_domain_authentication(domain, settings.as_ref())
            .await
    }

    async fn dir_sync_settings(&self) -> FaultResult<DirSyncSettings> {
        Ok(convert::dir_sync_settings(
            &self.on_premises_synchronization().await?,
        ))
    }

    async fn set_dir_sync_feature(
        &self,
        feature: DirSyncFeature,
        enable: bool,
    ) -> FaultResult<Outcome> {
        let mut features = Map::new();
        features.insert(
            dir_sync_features::graph_flag(feature).to_string(),
            json!(enable),
        );
        self.update_on_premises_synchronization(json!({ "features": features }), |now| {
            dir_sync_features::enabled(now, feature) == enable
        })
        .await?;
        Ok(Outcome::unnamed([dir_sync_features::name(feature)]))
    }

    async fn set_dir_sync_configuration(
        &self,
        configuration: DirSyncConfiguration,
    ) -> FaultResult<Outcome> {
        let guard = json!({
            "synchronizationPreventionType": dir_sync_features::graph_prevention_type(configuration.deletion_prevention_type),
            "alertThreshold": configuration.accidental_deletion_threshold,
        });
        self.update_on_premises_synchronization(
            json!({ "configuration": { "accidentalDeletionPrevention": guard } }),
            |now| now.configuration == configuration,
        )
        .await?;
        Ok(Outcome::unnamed(["AccidentalDeletionThreshold"]))
    }

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
        // The listing selects no licences or methods, so users convert without either.
        let no_licences = LicenseCatalog {
            account_name: String::new(),
            account_object_id: Uuid::nil(),
            subscriptions: Vec::new(),
        };
        let mut objects: Vec<DirSyncProvisioningErrorObject> = users
            .iter()
            .filter_map(|u| convert::user(u, &AuthFacts::default(), &no_licences))
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

    /// The organization and its domains, and the authorizationPolicy's settings where Graph lets
    /// the caller read them (Policy.Read.All); a refusal leaves those settings out rather than
    /// failing a cmdlet that reads the company's name.
    async fn company_information(&self) -> FaultResult<CompanyInformation> {
        let ((org, domains), policy) =
            tokio::try_join!(self.organization_and_domains(), self.authorization_policy())?;
        company_of(&org, &domains, policy.as_ref())
    }

    /// The organization's id alone: `-TenantId` checks need neither its domains nor its policy.
    async fn tenant_id(&self) -> FaultResult<Uuid> {
        let org = self.get(Version::V1, "/organization", None).await?;
        org["value"][0]["id"]
            .as_str()
            .and_then(|id| Uuid::parse_str(id).ok())
            .ok_or_else(|| Fault::Unexpected(anyhow::anyhow!("Graph returned no organization")))
    }

    /// Set-MsolCompanySettings as an authorizationPolicy update of the settings that change.
    /// Graph has no company-wide default usage location, so that is refused before anything is
    /// sent.
    async fn set_company_settings(&self, params: SetCompanySettingsParams) -> FaultResult<Outcome> {
        if params.default_usage_location.is_some() {
            return Err(Fault::NotSettable {
                field: "DefaultUsageLocation".into(),
                reason: "Microsoft Graph has no company-wide default usage location: set each user's UsageLocation (Set-MsolUser -UsageLocation) before licensing them.".into(),
            });
        }
        let ((org, domains), policy) =
            tokio::try_join!(self.organization_and_domains(), self.authorization_policy())?;
        let Some(policy) = policy else {
            return Err(Fault::AccessDenied(
                "Microsoft Graph refused to show the authorization policy, which holds these settings: reading it needs the Policy.Read.All permission, changing it Policy.ReadWrite.Authorization and the Privileged Role Administrator role.".into(),
            ));
        };
        let mut company = company_of(&org, &domains, Some(&policy))?;
        let changed = crate::domain::company::apply_settings(&mut company, &params)?;
        if !changed.is_empty() {
            let patch = convert::authorization_policy_patch(&company, &changed);
            self.write(Call::patch(Version::V1, AUTHORIZATION_POLICY, patch), None)
                .await?;
        }
        Ok(Outcome::of(company.object_id, changed))
    }

    /// Graph says only whether a domain is a root (`isRoot`); a subdomain's RootDomain is its
    /// closest verified parent among the company's domains, as the local tenant records it.
    async fn domains(&self) -> FaultResult<Vec<Domain>> {
        let objects = self.all_pages("/domains").await?;
        let converted: Vec<(Domain, bool)> = objects
            .iter()
            .filter_map(|o| Some((convert::domain(o)?, o["isRoot"] == Value::Bool(false))))
            .collect();
        let listed: Vec<Domain> = converted.iter().map(|(d, _)| d.clone()).collect();
        Ok(converted
            .into_iter()
            .map(|(mut domain, is_subdomain)| {
                if is_subdomain {
                    domain.root_domain = domain_rules::verified_root(&domain.name, &listed);
                }
                domain
            })
            .collect())
    }

    /// `PATCH /domains/{name}` with `isDefault` (graph/api/domain-update); Graph makes the others
    /// non-default.
    async fn set_default_domain(&self, name: &str) -> FaultResult<Outcome> {
        self.write(
            Call::patch(Version::V1, domain_path(name), json!({ "isDefault": true })),
            None,
        )
        .await?;
        Ok(Outcome::unnamed(["IsDefault"]))
    }

    /// The domain's `domainNameReferences` (graph/api/domain-list-domainnamereferences): the
    /// objects that depend on it, users by user principal name, others by display name.
    async fn domain_references(&self, domain: &str) -> FaultResult<Vec<String>> {
        let objects = self
            .all_pages_unless_missing(&format!("{}/domainNameReferences", domain_path(domain)))
            .await?
            .ok_or_else(|| Fault::DomainNotFound(domain.to_string()))?;
        let mut names: Vec<String> = objects
            .iter()
            .filter_map(|o| {
                o["userPrincipalName"]
                    .as_str()
                    .or(o["displayName"].as_str())
                    .or(o["id"].as_str())
                    .map(str::to_string)
            })
            .collect();
        names.sort();
        Ok(names)
    }

    /// `DELETE /domains/{name}` (graph/api/domain-delete).
    async fn remove_domain(&self, name: &str) -> FaultResult<Outcome> {
        match self
            .client
            .call(&Call::delete(Version::V1, domain_path(name)))
            .await
        {
            Ok(_) => Ok(Outcome::unnamed(["Name"])),
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::DomainNotFound(name.to_string()))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    /// `POST /domains` with the name only (graph/api/domain-post-domains).
    async fn add_domain(&self, domain: Domain) -> FaultResult<Domain> {
        let call = Call::post(Version::V1, "/domains", Some(json!({ "id": domain.name })));
        match self.client.call(&call).await {
            Ok(reply) => {
                let mut created = convert::domain(&reply.body).ok_or_else(|| {
                    Fault::Unexpected(anyhow::anyhow!("Graph answered a domain without a name"))
                })?;
                created.root_domain = domain.root_domain;
                Ok(created)
            }
            Err(GraphFailure::Graph(error))
                if error.status == 400 && error.message.contains("already exists") =>
            {
                Err(Fault::ObjectAlreadyExists(format!(
                    "The domain {} is already one of the company's domains.",
                    domain.name
                )))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    /// `GET /domains/{name}/verificationDnsRecords` (graph/api/domain-list-verificationdnsrecords).
    async fn domain_verification_records(&self, name: &str) -> FaultResult<Vec<DomainRecord>> {
        match self
            .all_pages_unless_missing(&format!("{}/verificationDnsRecords", domain_path(name)))
            .await?
        {
            Some(records) => Ok(records.iter().filter_map(convert::domain_record).collect()),
            None => Err(Fault::DomainNotFound(name.to_string())),
        }
    }

    /// `POST /domains/{name}/verify` (graph/api/domain-verify); Graph's refusal, when the record
    /// is not found, keeps its message.
    async fn verify_domain(&self, name: &str) -> FaultResult<Outcome> {
        let call = Call::post(Version::V1, format!("{}/verify", domain_path(name)), None);
        match self.client.call(&call).await {
            Ok(_) => Ok(Outcome::unnamed(["Status"])),
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::DomainNotFound(name.to_string()))
            }
            Err(failure) if failure.status() == Some(400) => {
                Err(Fault::DomainVerificationFailed(format!(
                    "{name} could not be verified: {failure}. Publish the record Get-MsolDomainVerificationDns shows at {name}, then try again; DNS changes can take up to an hour to be seen."
                )))
            }
            Err(failure) => Err(fault(failure, None)),
        }
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
        Ok(Outcome::unnamed(changed))
    }

    /// The organization's `onPremisesSyncEnabled` (office365/enterprise/
    /// turn-off-directory-synchronization). Graph keeps no record of when synchronization was
    /// turned off, so the 72-hour wait is Graph's to enforce; its refusal keeps MSOnline's fault.
    /// The PATCH is idempotent, so the client repeats it when an answer is lost.
    /// The organization's notification lists (graph/api/organization-update: technicalNotificationMails,
    /// marketingNotificationEmails, securityComplianceNotificationMails and -Phones); only the
    /// changed ones are sent. The PATCH is idempotent, so the client repeats it when an answer is
    /// lost.
    async fn set_company_contacts(
        &self,
        contacts: crate::domain::requests::CompanyContacts,
    ) -> FaultResult<Outcome> {
        let (org, domains) = self.organization_and_domains().await?;
        let mut after = company_of(&org, &domains, None)?;
        let changed = crate::domain::company::apply_contacts(&mut after, &contacts)?;
        if changed.is_empty() {
            return Ok(Outcome::of(after.object_id, changed));
        }
        let mut body = Map::new();
        for name in &changed {
            let (property, value) = match *name {
                "TechnicalNotificationEmails" => (
                    "technicalNotificationMails",
                    &after.technical_notification_emails,
                ),
                "MarketingNotificationEmails" => (
                    "marketingNotificationEmails",
                    &after.marketing_notification_emails,
                ),
                "SecurityComplianceNotificationEmails" => (
                    "securityComplianceNotificationMails",
                    &after.security_compliance_notification_emails,
                ),
                _ => (
                    "securityComplianceNotificationPhones",
                    &after.security_compliance_notification_phones,
                ),
            };
            body.insert(property.to_string(), json!(value));
        }
        self.write(
            Call::patch(
                Version::V1,
                format!("/organization/{}", after.object_id),
                Value::Object(body),
            ),
            None,
        )
        .await?;
        Ok(Outcome::of(after.object_id, changed))
    }

    async fn set_dir_sync_enabled(&self, enable: bool) -> FaultResult<Outcome> {
        let (org, domains) = self.organization_and_domains().await?;
        let before = company_of(&org, &domains, None)?;
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

impl GraphDirectory {
    /// The tenant's onPremisesDirectorySynchronization object (graph/api/
    /// onpremisesdirectorysynchronization-get: a collection that holds the tenant's one object).
    async fn on_premises_synchronization(&self) -> FaultResult<Value> {
        let listed = self
            .get(Version::V1, "/directory/onPremisesSynchronization", None)
            .await?;
        listed["value"].get(0).cloned().ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "Microsoft Graph listed no onPremisesDirectorySynchronization object for the tenant"
            ))
        })
    }

    /// Changes the object in part (graph/api/onpremisesdirectorysynchronization-update: what the
    /// body leaves out keeps its value). A lost answer is settled by reading whether `landed`.
    async fn update_on_premises_synchronization(
        &self,
        body: Value,
        landed: impl Fn(&DirSyncSettings) -> bool,
    ) -> FaultResult<()> {
        let current = self.on_premises_synchronization().await?;
        let id = current["id"].as_str().unwrap_or_default().to_string();
        let call = Call::patch(
            Version::V1,
            format!("/directory/onPremisesSynchronization/{id}"),
            body,
        );
        match self.client.call(&call).await {
            Ok(_) => Ok(()),
            Err(GraphFailure::Uncertain(reason)) => {
                if landed(&self.dir_sync_settings().await?) {
                    Ok(())
                } else {
                    Err(fault(GraphFailure::Uncertain(reason), None))
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }
}
