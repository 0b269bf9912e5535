//! The company, its domains, their password policies and directory synchronization: the
//! handlers.
#![allow(non_snake_case)]

use super::*;

pub async fn GetCompanyInformation(
    p: TenantParams,
    directory: &dyn Directory,
) -> FaultResult<CompanyInformation> {
    check_tenant(p.tenant_id, directory).await?;
    directory.company_information().await
}

pub async fn GetDomain(
    p: GetDomainParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<Domain>> {
    check_tenant(p.tenant_id, directory).await?;
    let domains = directory.domains().await?;
    if let Some(name) = &p.domain_name {
        return Ok(ListPage::one(domains::named(&domains, name)?.clone()));
    }
    Ok(ListPage::all(
        domains
            .into_iter()
            .filter(|d| p.status.is_none_or(|s| s == d.status))
            .filter(|d| p.authentication.is_none_or(|a| a == d.authentication))
            .filter(|d| p.capability.is_none_or(|c| d.capabilities.contains(&c)))
            .collect(),
    ))
}

pub async fn SetDirSyncEnabled(
    p: SetDirSyncEnabledParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.set_dir_sync_enabled(p.enable_dir_sync).await
}

pub async fn GetDirSyncFeatures(
    p: GetDirSyncFeaturesParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<DirSyncFeatureStatus>> {
    check_tenant(p.tenant_id, directory).await?;
    let wanted = p
        .feature
        .as_deref()
        .map(dir_sync_features::feature_named)
        .transpose()?;
    let settings = directory.dir_sync_settings().await?;
    Ok(ListPage::all(
        dir_sync_features::statuses(&settings)
            .into_iter()
            .filter(|s| wanted.is_none_or(|w| s.dir_sync_feature == w))
            .collect(),
    ))
}

pub async fn SetDirSyncFeature(
    p: SetDirSyncFeatureParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let feature = dir_sync_features::feature_named(&p.feature)?;
    let settings = directory.dir_sync_settings().await?;
    if !dir_sync_features::check_feature_change(&settings, feature, p.enable)? {
        return Ok(Outcome::unnamed(Vec::<String>::new()));
    }
    directory.set_dir_sync_feature(feature, p.enable).await
}

pub async fn GetDirSyncConfiguration(
    p: TenantParams,
    directory: &dyn Directory,
) -> FaultResult<DirSyncConfiguration> {
    check_tenant(p.tenant_id, directory).await?;
    Ok(directory.dir_sync_settings().await?.configuration)
}

pub async fn SetDirSyncConfiguration(
    p: SetDirSyncConfigurationParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let settings = directory.dir_sync_settings().await?;
    match dir_sync_features::with_threshold(settings.configuration, p.accidental_deletion_threshold)
    {
        None => Ok(Outcome::unnamed(Vec::<String>::new())),
        Some(configuration) => directory.set_dir_sync_configuration(configuration).await,
    }
}

pub async fn SetCompanyContactInformation(
    p: SetCompanyContactInformationParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory
        .set_company_contacts(CompanyContacts {
            technical_notification_emails: p.technical_notification_emails,
            marketing_notification_emails: p.marketing_notification_emails,
            ..CompanyContacts::default()
        })
        .await
}

pub async fn SetCompanySecurityComplianceContactInformation(
    p: SetCompanySecurityComplianceContactInformationParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory
        .set_company_contacts(CompanyContacts {
            security_compliance_notification_emails: p.security_compliance_notification_emails,
            security_compliance_notification_phones: p.security_compliance_notification_phones,
            ..CompanyContacts::default()
        })
        .await
}

pub async fn GetPasswordPolicy(
    p: GetPasswordPolicyParams,
    directory: &dyn Directory,
) -> FaultResult<PasswordPolicy> {
    check_tenant(p.tenant_id, directory).await?;
    let domains = directory.domains().await?;
    let domain = domains::verified(&domains, &p.domain_name, "a password policy")?;
    directory.password_policy(&domain.name).await
}

pub async fn SetPasswordPolicy(
    p: SetPasswordPolicyParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let policy = domains::password_policy(p.validity_period, p.notification_days)?;
    let domains = directory.domains().await?;
    let domain = domains::verified(&domains, &p.domain_name, "a password policy")?;
    directory.set_password_policy(&domain.name, policy).await
}

/// MSOnline's default cap for Get-MsolDirSyncProvisioningError (*choice*: the documentation
/// gives none; 500 as for users and contacts).
const CONFLICT_CAP: u32 = 500;

pub async fn GetDirSyncProvisioningError(
    p: GetDirSyncProvisioningErrorParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<DirSyncProvisioningErrorObject>> {
    check_tenant(p.tenant_id, directory).await?;
    let query = dir_sync::ProvisioningErrorQuery {
        category: p.error_category,
        property: p.property_name,
        value: p.property_value.clone(),
        search: p.search_string.clone(),
    };
    let (field, direction) = (
        p.sort_field.unwrap_or_default(),
        p.sort_direction.unwrap_or_default(),
    );
    paging::list(&p.list, CONFLICT_CAP, |page| {
        let query = query.clone();
        async move {
            let mut listed: Vec<DirSyncProvisioningErrorObject> = directory
                .objects_with_dir_sync_provisioning_errors()
                .await?
                .into_iter()
                .filter(|o| query.lists(o))
                .collect();
            dir_sync::sort_conflicts(&mut listed, field, direction);
            Ok(crate::directory::Page::slice(listed, &page))
        }
    })
    .await
}

pub async fn GetHasObjectsWithDirSyncProvisioningErrors(
    p: TenantParams,
    directory: &dyn Directory,
) -> FaultResult<HasObjectsAnswer> {
    check_tenant(p.tenant_id, directory).await?;
    Ok(HasObjectsAnswer {
        value: !directory
            .objects_with_dir_sync_provisioning_errors()
            .await?
            .is_empty(),
    })
}

pub async fn NewDomain(p: NewDomainParams, directory: &dyn Directory) -> FaultResult<Domain> {
    check_tenant(p.tenant_id, directory).await?;
    let domain = domains::new_domain(
        p.name.as_deref(),
        p.authentication,
        p.verification_method,
        &directory.domains().await?,
    )?;
    directory.add_domain(domain).await
}

pub async fn GetDomainVerificationDns(
    p: GetDomainVerificationDnsParams,
    directory: &dyn Directory,
) -> FaultResult<DomainRecord> {
    check_tenant(p.tenant_id, directory).await?;
    let known = directory.domains().await?;
    let domain = domains::named(&known, &p.domain_name)?;
    domains::record_for_mode(
        directory.domain_verification_records(&domain.name).await?,
        p.mode,
    )
}

pub async fn ConfirmDomain(
    p: ConfirmDomainParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let known = directory.domains().await?;
    let domain = domains::named(&known, &p.domain_name)?;
    if domain.status == DomainStatus::Verified {
        return Ok(Outcome::default());
    }
    directory.verify_domain(&domain.name).await
}

pub async fn SetCompanySettings(
    p: SetCompanySettingsParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.set_company_settings(p).await
}

pub async fn SetDomain(p: SetDomainParams, directory: &dyn Directory) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let known = directory.domains().await?;
    match domains::new_default(&known, &p.name, p.is_default.unwrap_or(false))? {
        Some(domain) => directory.set_default_domain(&domain.name).await,
        None => Ok(Outcome::default()),
    }
}

/// The rules first, then the objects that still use the domain (so Graph's refusal and the local
/// tenant's read alike), then the removal.
pub async fn RemoveDomain(
    p: RemoveDomainParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let known = directory.domains().await?;
    let name = domains::removable(&known, &p.domain_name)?.name.clone();
    let used = directory.domain_references(&name).await?;
    if !used.is_empty() {
        return Err(domains::in_use(&name, &used));
    }
    directory.remove_domain(&name).await
}
