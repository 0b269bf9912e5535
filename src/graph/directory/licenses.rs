//! Licences on Graph: `subscribedSkus` as the tenant's AccountSkus, and `assignLicense`.

use super::*;

impl GraphDirectory {
    /// The licence catalog for showing users' licences: read at most once a minute, since every
    /// user read needs it.
    pub(super) async fn catalog(&self) -> FaultResult<std::sync::Arc<LicenseCatalog>> {
        let cached = self.catalog.lock().expect("catalog cache").clone();
        match cached {
            Some((read, catalog)) if read.elapsed() < CATALOG_REUSE => Ok(catalog),
            _ => self.fresh_catalog().await,
        }
    }

    /// The licence catalog as Graph has it now, with current consumed units.
    pub(super) async fn fresh_catalog(&self) -> FaultResult<std::sync::Arc<LicenseCatalog>> {
        let (skus, org, domains) = tokio::try_join!(
            self.get(Version::V1, "/subscribedSkus", None),
            self.get(Version::V1, "/organization?$select=id", None),
            self.domains(),
        )?;
        let initial = domains
            .iter()
            .find(|d| d.is_initial)
            .map(|d| d.name.clone())
            .unwrap_or_default();
        let org_id = org["value"][0]["id"]
            .as_str()
            .and_then(|i| Uuid::parse_str(i).ok())
            .unwrap_or_default();
        let catalog = std::sync::Arc::new(convert::catalog(
            &skus,
            crate::tenant::account_name(&initial),
            org_id,
        ));
        *self.catalog.lock().expect("catalog cache") =
            Some((std::time::Instant::now(), catalog.clone()));
        Ok(catalog)
    }

    /// `assignLicense` with the user's licences as `licensing::apply` left them, and `removed` SKUs.
    pub(super) async fn assign_licenses(
        &self,
        id: Uuid,
        user: &User,
        catalog: &LicenseCatalog,
        removed: &[Uuid],
    ) -> FaultResult<()> {
        let add: Vec<Value> = user
            .licenses
            .iter()
            .filter_map(|license| {
                let (subscription, _) = catalog
                    .subscriptions
                    .iter()
                    .find(|(s, _)| catalog.account_sku_id(s) == license.account_sku_id)?;
                let disabled_ids = licensing::disabled_plan_ids(license, subscription);
                Some(json!({"skuId": subscription.sku_id, "disabledPlans": disabled_ids}))
            })
            .collect();
        self.write(
            Call::post(
                Version::V1,
                format!("/users/{id}/assignLicense"),
                Some(json!({"addLicenses": add, "removeLicenses": removed})),
            )
            .repeatable(),
            Some(&UserRef::by_id(id)),
        )
        .await?;
        Ok(())
    }
}

#[async_trait]
impl LicenseDirectory for GraphDirectory {
    async fn account_skus(&self) -> FaultResult<Vec<AccountSku>> {
        Ok(self.fresh_catalog().await?.account_skus())
    }

    /// graph/api/directory-list-subscriptions.
    async fn company_subscriptions(&self) -> FaultResult<Vec<CompanySubscription>> {
        Ok(self
            .all_pages("/directory/subscriptions")
            .await?
            .iter()
            .filter_map(convert::company_subscription)
            .collect())
    }

    async fn set_user_license(&self, params: SetUserLicenseParams) -> FaultResult<Outcome> {
        let (mut user, _) = self.load(&params.user(), false).await?;
        let before = user.licenses.clone();
        let catalog = self.fresh_catalog().await?;
        let change = licensing::apply(
            &mut user,
            &catalog,
            params.add_licenses.as_deref().unwrap_or_default(),
            params.remove_licenses.as_deref().unwrap_or_default(),
            params.license_options.as_deref().unwrap_or_default(),
        )?;
        if !change.changed {
            return Ok(Outcome::of(user.object_id, Vec::<String>::new()));
        }
        let removed: Vec<Uuid> = before
            .iter()
            .filter(|l| {
                !user
                    .licenses
                    .iter()
                    .any(|n| n.account_sku_id == l.account_sku_id)
            })
            .filter_map(|l| {
                catalog
                    .subscriptions
                    .iter()
                    .find(|(s, _)| catalog.account_sku_id(s) == l.account_sku_id)
                    .map(|(s, _)| s.sku_id)
            })
            .collect();
        self.assign_licenses(user.object_id, &user, &catalog, &removed)
            .await?;
        Ok(Outcome::of(user.object_id, ["Licenses"]))
    }
}
