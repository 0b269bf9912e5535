//! Licences in the local tenant: the subscriptions' catalog and users' assignments.

use super::*;
use crate::domain::model::CompanySubscription;

impl Store {
    pub fn account_skus(&self) -> FaultResult<Vec<crate::domain::model::AccountSku>> {
        self.read(|conn| Ok(license_catalog(conn)?.account_skus()))
    }

    pub fn company_subscriptions(&self) -> FaultResult<Vec<CompanySubscription>> {
        self.read(|conn| {
            Ok(license_catalog(conn)?
                .subscriptions
                .iter()
                .flat_map(|(sku, _)| licensing::company_subscriptions(sku))
                .collect())
        })
    }

    pub fn set_user_license(&self, params: SetUserLicenseParams) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut user = resolve_user(tx, &params.user(), false)?;
            let catalog = license_catalog(tx)?;
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
            save_user_with_skus(tx, &user, &skus_of(&user, &catalog))?;
            Ok(Outcome::of(user.object_id, ["Licenses"]))
        })
    }
}

/// Gives subscriptions stored before their commercial subscriptions were recorded one that holds
/// all their units, once, so that their ids stay the same from then on.
pub(super) fn complete_stored_terms(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let rows: Vec<(String, String)> = {
        let mut statement = tx.prepare(
            "SELECT sku_id, data FROM subscriptions WHERE json_extract(data, '$.Terms') IS NULL",
        )?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (sku_id, data) in rows {
        let mut subscription: Subscription = serde_json::from_str(&data)?;
        licensing::complete_terms(&mut subscription, Uuid::new_v4(), None);
        tx.execute(
            "UPDATE subscriptions SET data = ?1 WHERE sku_id = ?2",
            params![to_json(&subscription)?, sku_id],
        )?;
    }
    tx.commit()?;
    Ok(())
}

pub(super) fn license_catalog(conn: &Connection) -> FaultResult<LicenseCatalog> {
    let company = company(conn)?;
    let mut statement = conn
        .prepare_cached(
            "SELECT s.data, (SELECT COUNT(*) FROM user_licenses l JOIN users u ON u.object_id = l.user_id
                              WHERE l.sku_id = s.sku_id AND u.deleted = 0)
             FROM subscriptions s ORDER BY s.sku_id",
        )
        .map_err(sql)?;
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i32>(1)?))
        })
        .map_err(sql)?;
    let mut subscriptions = Vec::new();
    for row in rows {
        let (data, consumed) = row.map_err(sql)?;
        subscriptions.push((from_json::<Subscription>(&data)?, consumed));
    }
    Ok(LicenseCatalog {
        account_name: tenant::account_name(&company.initial_domain),
        account_object_id: company.object_id,
        subscriptions,
    })
}

pub(super) fn skus_of(user: &User, catalog: &LicenseCatalog) -> Vec<Uuid> {
    user.licenses
        .iter()
        .filter_map(|l| {
            catalog
                .subscriptions
                .iter()
                .find(|(s, _)| {
                    catalog
                        .account_sku_id(s)
                        .eq_ignore_ascii_case(&l.account_sku_id)
                })
                .map(|(s, _)| s.sku_id)
        })
        .collect()
}
