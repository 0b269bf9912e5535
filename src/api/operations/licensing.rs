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
