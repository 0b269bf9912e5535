//! Licences: `Set-MsolUserLicense`, `New-MsolUser -LicenseAssignment`, the `AccountSKU` view and
//! the commercial subscriptions behind it (`Get-MsolSubscription`).

use std::collections::BTreeMap;

use uuid::Uuid;

use super::fault::{Fault, FaultResult};
use super::model::{
    AccountSku, AccountSkuIdentifier, CompanySubscription, LicenseAssignment,
    LicenseAssignmentDetail, ProvisioningStatus, ServiceStatus, SkuTargetClass, Subscription,
    SubscriptionStatus, SubscriptionTerm, User, UserLicense,
};
use super::requests::LicenseOption;
use super::time::Timestamp;

/// The tenant's subscriptions with how many units each has assigned.
pub struct LicenseCatalog {
    /// The tenant's account name: the initial domain's first label (`contoso` in `contoso:ENTERPRISEPACK`).
    pub account_name: String,
    pub account_object_id: Uuid,
    pub subscriptions: Vec<(Subscription, i32)>,
}

impl LicenseCatalog {
    pub fn account_sku_id(&self, subscription: &Subscription) -> String {
        format!("{}:{}", self.account_name, subscription.sku_part_number)
    }

    fn all_account_sku_ids(&self) -> Vec<String> {
        self.subscriptions
            .iter()
            .map(|(s, _)| self.account_sku_id(s))
            .collect()
    }

    fn find(&self, field: &str, account_sku_id: &str) -> FaultResult<&(Subscription, i32)> {
        self.subscriptions
            .iter()
            .find(|(s, _)| {
                self.account_sku_id(s)
                    .eq_ignore_ascii_case(account_sku_id.trim())
            })
            .ok_or_else(|| Fault::InvalidLicense {
                field: field.to_string(),
                reason: format!("'{account_sku_id}' is not a subscription of this tenant."),
                allowed: self.all_account_sku_ids(),
            })
    }

    pub fn account_skus(&self) -> Vec<AccountSku> {
        self.subscriptions
            .iter()
            .map(|(subscription, consumed)| AccountSku {
                account_name: self.account_name.clone(),
                account_object_id: self.account_object_id,
                account_sku_id: self.account_sku_id(subscription),
                sku_id: subscription.sku_id,
                sku_part_number: subscription.sku_part_number.clone(),
                active_units: subscription.active_units,
                consumed_units: *consumed,
                warning_units: subscription.warning_units,
                suspended_units: subscription.suspended_units,
                locked_out_units: 0,
                target_class: SkuTargetClass::User,
                service_status: service_status(subscription, &[]),
                subscription_ids: subscription.subscription_ids.clone(),
            })
            .collect()
    }

    /// The licence a user holds of `subscription`, with `disabled` plans turned off.
    pub fn user_license(&self, subscription: &Subscription, disabled: &[String]) -> UserLicense {
        UserLicense {
            account_sku: AccountSkuIdentifier {
                account_name: self.account_name.clone(),
                sku_part_number: subscription.sku_part_number.clone(),
            },
            account_sku_id: self.account_sku_id(subscription),
            groups_assigning_license: Vec::new(),
            service_status: service_status(subscription, disabled),
        }
    }
}

/// A SKU's commercial subscriptions, as Get-MsolSubscription shows them; a local tenant's
/// subscriptions belong to no partner.
pub fn company_subscriptions(sku: &Subscription) -> Vec<CompanySubscription> {
    sku.terms
        .iter()
        .map(|term| CompanySubscription {
            object_id: term.object_id,
            sku_id: sku.sku_id,
            sku_part_number: sku.sku_part_number.clone(),
            status: term.status,
            total_licenses: term.total_licenses,
            is_trial: term.is_trial,
            date_created: term.date_created,
            next_lifecycle_date: term.next_lifecycle_date,
            ocp_subscription_id: term.ocp_subscription_id,
            owner_context_id: None,
            owner_object_id: None,
            owner_type: None,
            service_status: service_status(sku, &[]),
        })
        .collect()
}

/// Gives a SKU recorded without commercial subscriptions one that holds all its units, with the
/// status of the units it has (Enabled unless all are in warning or suspended), and makes its
/// id the SKU's SubscriptionIds. `created` starts an annual term (*choice*: a year, the usual
/// commitment); unknown, both dates stay unknown.
pub fn complete_terms(sku: &mut Subscription, id: Uuid, created: Option<Timestamp>) {
    if !sku.terms.is_empty() {
        return;
    }
    let status = if sku.active_units > 0 || (sku.warning_units == 0 && sku.suspended_units == 0) {
        SubscriptionStatus::Enabled
    } else if sku.warning_units > 0 {
        SubscriptionStatus::Warning
    } else {
        SubscriptionStatus::Suspended
    };
    let id = sku.subscription_ids.first().copied().unwrap_or(id);
    sku.terms.push(SubscriptionTerm {
        object_id: id,
        status,
        total_licenses: sku.active_units + sku.warning_units + sku.suspended_units,
        is_trial: false,
        date_created: created,
        next_lifecycle_date: created
            .map(|c| Timestamp::from_datetime(c.datetime() + chrono::Duration::days(365))),
        ocp_subscription_id: None,
    });
    if sku.subscription_ids.is_empty() {
        sku.subscription_ids.push(id);
    }
}

/// Why a SKU's commercial subscriptions disagree with its units or ids, if they do: enabled,
/// warning and suspended licences add up to the units of that status.
pub fn terms_disagreement(sku: &Subscription) -> Option<String> {
    if sku.terms.is_empty() {
        return None;
    }
    let total = |status| -> i32 {
        sku.terms
            .iter()
            .filter(|t| t.status == status)
            .map(|t| t.total_licenses)
            .sum()
    };
    for (status, units, field) in [
        (SubscriptionStatus::Enabled, sku.active_units, "ActiveUnits"),
        (
            SubscriptionStatus::Warning,
            sku.warning_units,
            "WarningUnits",
        ),
        (
            SubscriptionStatus::Suspended,
            sku.suspended_units,
            "SuspendedUnits",
        ),
    ] {
        if total(status) != units {
            return Some(format!(
                "its {status:?} terms hold {} licences but {field} is {units}",
                total(status)
            ));
        }
    }
    let mut ids: Vec<Uuid> = sku.terms.iter().map(|t| t.object_id).collect();
    let mut listed = sku.subscription_ids.clone();
    ids.sort();
    listed.sort();
    (ids != listed).then(|| "its terms' ObjectIds are not its SubscriptionIds".to_string())
}

fn service_status(subscription: &Subscription, disabled: &[String]) -> Vec<ServiceStatus> {
    subscription
        .service_plans
        .iter()
        .map(|plan| ServiceStatus {
            service_plan: plan.clone(),
            provisioning_status: if disabled
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&plan.service_name))
            {
                ProvisioningStatus::Disabled
            } else {
                ProvisioningStatus::Success
            },
        })
        .collect()
}

/// The plans a licence has turned off.
pub fn disabled_plans(license: &UserLicense) -> Vec<String> {
    license
        .service_status
        .iter()
        .filter(|s| s.provisioning_status == ProvisioningStatus::Disabled)
        .map(|s| s.service_plan.service_name.clone())
        .collect()
}

/// Refuses a disabled plan that is not one of the licence's own service plans; answers the plans
/// as the licence names them (a script may write `exchange_s_standard`).
fn check_plans(
    field: &str,
    account_sku_id: &str,
    plan_names: &[&str],
    disabled: &[String],
) -> FaultResult<Vec<String>> {
    disabled
        .iter()
        .map(|wanted| {
            plan_names
                .iter()
                .find(|name| name.eq_ignore_ascii_case(wanted.trim()))
                .map(|name| name.to_string())
                .ok_or_else(|| Fault::InvalidLicense {
                    field: field.to_string(),
                    reason: format!("'{wanted}' is not a service plan of {account_sku_id}."),
                    allowed: plan_names.iter().map(|n| n.to_string()).collect(),
                })
        })
        .collect()
}

/// `New-MsolLicenseOptions`: the licence options for one of the tenant's subscriptions, its
/// AccountSkuId and plans checked now, so that a typo fails here and not at the first user.
pub fn license_option(
    skus: &[AccountSku],
    account_sku_id: &str,
    disabled: &[String],
) -> FaultResult<(AccountSkuIdentifier, Vec<String>)> {
    let sku = skus
        .iter()
        .find(|s| s.account_sku_id.eq_ignore_ascii_case(account_sku_id.trim()))
        .ok_or_else(|| Fault::InvalidLicense {
            field: "AccountSkuId".to_string(),
            reason: format!("'{account_sku_id}' is not a subscription of this tenant."),
            allowed: skus.iter().map(|s| s.account_sku_id.clone()).collect(),
        })?;
    let plan_names: Vec<&str> = sku
        .service_status
        .iter()
        .map(|s| s.service_plan.service_name.as_str())
        .collect();
    let disabled = check_plans("DisabledPlans", &sku.account_sku_id, &plan_names, disabled)?;
    Ok((
        AccountSkuIdentifier {
            account_name: sku.account_name.clone(),
            sku_part_number: sku.sku_part_number.clone(),
        },
        disabled,
    ))
}

/// The ids of a licence's disabled service plans in its subscription (Graph's `disabledPlans`).
pub fn disabled_plan_ids(license: &UserLicense, subscription: &Subscription) -> Vec<Uuid> {
    let disabled = disabled_plans(license);
    subscription
        .service_plans
        .iter()
        .filter(|p| {
            disabled
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&p.service_name))
        })
        .map(|p| p.service_plan_id)
        .collect()
}

/// What a licence change did: the SKUs whose units it takes or gives back.
pub struct LicenseChange {
    pub added: Vec<Uuid>,
    pub removed: Vec<Uuid>,
    pub changed: bool,
}

/// Adds, removes and re-options licences in one atomic change.
pub fn apply(
    user: &mut User,
    catalog: &LicenseCatalog,
    add: &[String],
    remove: &[String],
    options: &[LicenseOption],
) -> FaultResult<LicenseChange> {
    // AccountSkuId -> disabled plans, in the order the user holds them.
    let mut held: BTreeMap<String, (Uuid, Vec<String>)> = BTreeMap::new();
    for license in &user.licenses {
        let (subscription, _) = catalog.find("Licenses", &license.account_sku_id)?;
        held.insert(
            catalog.account_sku_id(subscription),
            (subscription.sku_id, disabled_plans(license)),
        );
    }
    let before = held.clone();

    let mut removed = Vec::new();
    for account_sku_id in remove {
        let (subscription, _) = catalog.find("RemoveLicenses", account_sku_id)?;
        let key = catalog.account_sku_id(subscription);
        if held.remove(&key).is_none() {
            return Err(Fault::InvalidLicense {
                field: "RemoveLicenses".to_string(),
                reason: format!("The user does not hold {key}."),
                allowed: before.keys().cloned().collect(),
            });
        }
        removed.push(subscription.sku_id);
    }

    let mut added = Vec::new();
    for account_sku_id in add {
        let (subscription, consumed) = catalog.find("AddLicenses", account_sku_id)?;
        let key = catalog.account_sku_id(subscription);
        if held.contains_key(&key) {
            return Err(Fault::InvalidLicense {
                field: "AddLicenses".to_string(),
                reason: format!("The user already holds {key}."),
                allowed: Vec::new(),
            });
        }
        if user.usage_location.is_none() {
            return Err(Fault::Required {
                field: "UsageLocation".to_string(),
                reason: "Set the user's UsageLocation (Set-MsolUser -UsageLocation) before assigning a licence.".to_string(),
            });
        }
        if *consumed >= subscription.active_units {
            return Err(Fault::LicenseQuotaExceeded {
                sku: key,
                active: subscription.active_units,
            });
        }
        held.insert(key, (subscription.sku_id, Vec::new()));
        added.push(subscription.sku_id);
    }

    for option in options {
        let (subscription, _) =
            catalog.find("LicenseOptions.AccountSkuId", &option.account_sku_id)?;
        let key = catalog.account_sku_id(subscription);
        let Some((_, disabled)) = held.get_mut(&key) else {
            return Err(Fault::InvalidLicense {
                field: "LicenseOptions.AccountSkuId".to_string(),
                reason: format!("{key} is neither held nor added by this call."),
                allowed: held.keys().cloned().collect(),
            });
        };
        let plan_names: Vec<&str> = subscription
            .service_plans
            .iter()
            .map(|p| p.service_name.as_str())
            .collect();
        *disabled = check_plans(
            "LicenseOptions.DisabledServicePlans",
            &key,
            &plan_names,
            &option.disabled_service_plans,
        )?;
    }

    let changed = held != before;
    if changed {
        user.licenses = held
            .values()
            .map(|(sku_id, disabled)| {
                let (subscription, _) = catalog
                    .subscriptions
                    .iter()
                    .find(|(s, _)| s.sku_id == *sku_id)
                    .expect("held SKUs come from the catalog");
                catalog.user_license(subscription, disabled)
            })
            .collect();
        refresh_derived(user);
    }
    Ok(LicenseChange {
        added,
        removed,
        changed,
    })
}

/// Recomputes the licence properties MSOnline derives from `Licenses`.
pub fn refresh_derived(user: &mut User) {
    user.is_licensed = !user.licenses.is_empty();
    user.license_assignment_details = user
        .licenses
        .iter()
        .map(|license| LicenseAssignmentDetail {
            account_sku: license.account_sku.clone(),
            assignments: vec![LicenseAssignment {
                disabled_service_plans: disabled_plans(license),
                error: "None".to_string(),
                referenced_object_id: None,
                status: "Active".to_string(),
            }],
        })
        .collect();
}
