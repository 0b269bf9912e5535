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
        let domain = domains
            .into_iter()
            .find(|d| d.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| Fault::DomainNotFound(name.clone()))?;
        return Ok(ListPage::one(domain));
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
