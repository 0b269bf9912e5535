//! The organization and its domains (graph/api/organization-get, organization-update, domain-get,
//! domain-list).

use super::*;

pub(super) fn organization(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    let mut org = json!({
        "id": tenant.id,
        "displayName": tenant.display_name,
        "createdDateTime": tenant.created,
        "tenantType": "AAD",
        "verifiedDomains": tenant.domains.iter().filter(|d| d.is_verified).map(|d| json!({
            "name": d.id, "isDefault": d.is_default, "isInitial": d.is_initial,
            "type": d.authentication_type, "capabilities": "Email, OfficeCommunicationsOnline",
        })).collect::<Vec<_>>(),
    });
    if let (Value::Object(org), Value::Object(extra)) = (&mut org, &tenant.organization_extra) {
        org.extend(extra.clone());
    }
    collection(
        format!("{}/v1.0/$metadata#organization", request.base_url),
        vec![org],
    )
}

pub(super) fn domain_json(domain: &crate::state::SimDomain) -> Value {
    json!({
        "id": domain.id,
        "authenticationType": domain.authentication_type,
        "isAdminManaged": true,
        "isDefault": domain.is_default,
        "isInitial": domain.is_initial,
        "isRoot": true,
        "isVerified": domain.is_verified,
        "supportedServices": ["Email", "OfficeCommunicationsOnline"],
    })
}

/// The organization's properties graph/api/organization-update lets a caller write, plus
/// `onPremisesSyncEnabled`, which office365/enterprise/turn-off-directory-synchronization sets
/// with the same request.
const WRITABLE_ORGANIZATION: &[&str] = &[
    "marketingNotificationEmails",
    "privacyProfile",
    "securityComplianceNotificationMails",
    "securityComplianceNotificationPhones",
    "technicalNotificationMails",
    "onPremisesSyncEnabled",
];

/// `PATCH /organization/{id}`: 204 No Content. The whole body is checked before anything changes.
pub(super) fn update_organization(
    tenant: &mut SimTenant,
    id: &str,
    request: &SimRequest,
) -> SimResponse {
    if !id.eq_ignore_ascii_case(&tenant.id.to_string()) {
        return not_found(id);
    }
    let Some(Value::Object(patch)) = &request.body else {
        return bad_request("A request body is required.");
    };
    for (key, value) in patch {
        if !WRITABLE_ORGANIZATION.contains(&key.as_str()) {
            return bad_request(&format!(
                "Property '{key}' is read-only or does not exist on type 'microsoft.graph.organization'."
            ));
        }
        let typed = match key.as_str() {
            "onPremisesSyncEnabled" => value.is_boolean(),
            "privacyProfile" => value.is_object() || value.is_null(),
            _ => value
                .as_array()
                .is_some_and(|items| items.iter().all(Value::is_string)),
        };
        if !typed {
            return bad_request(&format!(
                "Invalid value specified for property '{key}' of resource 'Organization'."
            ));
        }
    }
    let now = chrono::Utc::now();
    if let Some(enable) = patch.get("onPremisesSyncEnabled").and_then(Value::as_bool) {
        let enabled = tenant.organization_extra["onPremisesSyncEnabled"] == Value::Bool(true);
        if enable && !enabled {
            // "You must wait 72 hours before you can turn directory synchronization back on."
            // Graph's error for an earlier attempt is UNCONFIRMED: a 400 that says so.
            if let Some(off) = tenant.on_premises_sync_turned_off_at {
                if now < off + chrono::Duration::hours(72) {
                    return bad_request(&format!(
                        "Directory synchronization was turned off at {}; it cannot be turned back on until 72 hours later.",
                        crate::state::graph_time(off)
                    ));
                }
            }
        }
        if !enable && enabled {
            // Turning off converts every synchronized object to cloud-only: false marks an
            // object that was synchronized and no longer is (resources/user).
            tenant.on_premises_sync_turned_off_at = Some(now);
            for user in &mut tenant.users {
                if user.on_premises_sync_enabled == Some(true) {
                    user.on_premises_sync_enabled = Some(false);
                }
            }
            for group in &mut tenant.groups {
                if group.on_premises_sync_enabled == Some(true) {
                    group.on_premises_sync_enabled = Some(false);
                }
            }
        }
    }
    if let Value::Object(extra) = &mut tenant.organization_extra {
        extra.extend(patch.clone());
    }
    SimResponse::no_content()
}
