//! The organization and its domains (graph/api/organization-get, domain-get, domain-list).

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
