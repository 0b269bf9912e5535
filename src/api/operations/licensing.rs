//! Licences: the handlers.
#![allow(non_snake_case)]

use super::*;

pub async fn SetUserLicense(
    p: SetUserLicenseParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory.set_user_license(p).await
}

pub async fn GetAccountSku(
    p: TenantParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<AccountSku>> {
    check_tenant(p.tenant_id, directory).await?;
    Ok(ListPage::all(directory.account_skus().await?))
}

pub async fn NewLicenseOptions(
    p: NewLicenseOptionsParams,
    directory: &dyn Directory,
) -> FaultResult<LicenseOptionAnswer> {
    check_tenant(p.tenant_id, directory).await?;
    let skus = directory.account_skus().await?;
    let (account_sku_id, disabled_service_plans) = crate::domain::licensing::license_option(
        &skus,
        &p.account_sku_id,
        p.disabled_plans.as_deref().unwrap_or_default(),
    )?;
    Ok(LicenseOptionAnswer {
        account_sku_id,
        disabled_service_plans,
    })
}

pub async fn GetSubscription(
    p: GetSubscriptionParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<CompanySubscription>> {
    check_tenant(p.tenant_id, directory).await?;
    let subscriptions = directory.company_subscriptions().await?;
    match p.subscription_id {
        Some(id) => subscriptions
            .into_iter()
            .find(|s| s.object_id == id)
            .map(ListPage::one)
            .ok_or_else(|| Fault::SubscriptionNotFound(id.to_string())),
        None => Ok(ListPage::all(subscriptions)),
    }
}
