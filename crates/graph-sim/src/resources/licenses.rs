//! Licences: `subscribedSkus`, the company's `directory/subscriptions` and a user's
//! `assignLicense`.

use super::*;
use crate::state::{SimSku, SimSubscription};

pub(super) fn subscribed_skus(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    let items = tenant
        .skus
        .iter()
        .map(|sku| {
            let consumed = tenant
                .live_users()
                .filter(|u| u.assigned_licenses.iter().any(|l| l.sku_id == sku.sku_id))
                .count();
            json!({
                "id": format!("{}_{}", tenant.id, sku.sku_id),
                "capabilityStatus": "Enabled",
                "appliesTo": "User",
                "consumedUnits": consumed,
                "skuId": sku.sku_id,
                "skuPartNumber": sku.sku_part_number,
                "subscriptionIds": sku.subscriptions.iter().map(|s| s.id.to_string()).collect::<Vec<_>>(),
                "prepaidUnits": {"enabled": sku.enabled, "suspended": sku.suspended, "warning": sku.warning, "lockedOut": 0},
                "servicePlans": sku.service_plans.iter().map(|(name, id)| json!({
                    "servicePlanId": id, "servicePlanName": name, "provisioningStatus": "Success", "appliesTo": "User",
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    collection(
        format!("{}/v1.0/$metadata#subscribedSkus", request.base_url),
        items,
    )
}

/// graph/api/resources/companysubscription, for graph/api/directory-list-subscriptions and
/// companysubscription-get. The tenant's own subscriptions: no partner owns them.
fn company_subscription_json(sku: &SimSku, subscription: &SimSubscription) -> Value {
    let time = |at: Option<chrono::DateTime<chrono::Utc>>| at.map(crate::state::graph_time);
    json!({
        "id": subscription.id,
        "commerceSubscriptionId": subscription.commerce_subscription_id,
        "createdDateTime": time(subscription.created),
        "isTrial": subscription.is_trial,
        "nextLifecycleDateTime": time(subscription.next_lifecycle),
        "ownerId": null,
        "ownerTenantId": null,
        "ownerType": null,
        "serviceStatus": sku.service_plans.iter().map(|(name, id)| json!({
            "appliesTo": "User", "provisioningStatus": "Success", "servicePlanId": id, "servicePlanName": name,
        })).collect::<Vec<_>>(),
        "skuId": sku.sku_id,
        "skuPartNumber": sku.sku_part_number,
        "status": subscription.status,
        "totalLicenses": subscription.total_licenses,
    })
}

pub(super) fn company_subscriptions(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    let items = tenant
        .skus
        .iter()
        .flat_map(|sku| {
            sku.subscriptions
                .iter()
                .map(move |s| company_subscription_json(sku, s))
        })
        .collect();
    collection(
        format!(
            "{}/v1.0/$metadata#directory/subscriptions",
            request.base_url
        ),
        items,
    )
}

pub(super) fn company_subscription(tenant: &SimTenant, id: &str) -> SimResponse {
    tenant
        .skus
        .iter()
        .find_map(|sku| {
            sku.subscriptions
                .iter()
                .find(|s| s.id.to_string().eq_ignore_ascii_case(id))
                .map(|s| SimResponse::json(200, company_subscription_json(sku, s)))
        })
        .unwrap_or_else(|| not_found(id))
}

pub(super) fn assign_license(
    tenant: &mut SimTenant,
    index: usize,
    request: &SimRequest,
) -> SimResponse {
    let body = request.body.clone().unwrap_or(Value::Null);
    let (Some(add), Some(remove)) = (
        body["addLicenses"].as_array(),
        body["removeLicenses"].as_array(),
    ) else {
        return bad_request("addLicenses and removeLicenses are both required.");
    };
    let add: Vec<AssignedLicense> = match serde_json::from_value(Value::Array(add.clone())) {
        Ok(add) => add,
        Err(problem) => return bad_request(&format!("Invalid addLicenses: {problem}")),
    };
    let remove: Vec<Uuid> = remove
        .iter()
        .filter_map(|v| v.as_str().and_then(|s| Uuid::parse_str(s).ok()))
        .collect();
    // The messages below are UNCONFIRMED: reference/graph.md does not quote assignLicense errors.
    for license in &add {
        let Some(sku) = tenant.skus.iter().find(|s| s.sku_id == license.sku_id) else {
            return bad_request(&format!(
                "License {} does not correspond to a valid company License.",
                license.sku_id
            ));
        };
        let held = tenant.users[index]
            .assigned_licenses
            .iter()
            .any(|l| l.sku_id == sku.sku_id);
        let consumed = tenant
            .live_users()
            .filter(|u| u.assigned_licenses.iter().any(|l| l.sku_id == sku.sku_id))
            .count() as i32;
        if !held && consumed >= sku.enabled {
            return bad_request(&format!(
                "Subscription {} does not have any more licenses available.",
                sku.sku_part_number
            ));
        }
    }
    if !add.is_empty() && tenant.users[index].usage_location.is_none() {
        return bad_request(
            "License assignment cannot be done for user with invalid usage location.",
        );
    }
    let user = &mut tenant.users[index];
    user.assigned_licenses
        .retain(|l| !remove.contains(&l.sku_id));
    for license in add {
        match user
            .assigned_licenses
            .iter_mut()
            .find(|l| l.sku_id == license.sku_id)
        {
            Some(held) => *held = license,
            None => user.assigned_licenses.push(license),
        }
    }
    SimResponse::json(
        200,
        select(user_json(user), None, Some(DEFAULT_USER_PROPERTIES)),
    )
}
