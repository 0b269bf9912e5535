//! Groups and their members.

use super::*;

pub(super) fn find_group<'a>(
    tenant: &'a SimTenant,
    id: &str,
) -> Option<&'a crate::state::SimGroup> {
    let id = Uuid::parse_str(id).ok()?;
    tenant.groups.iter().find(|g| g.id == id)
}

pub(super) fn list_groups(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    let top = match page_size(request) {
        Ok(top) => top,
        Err(response) => return response,
    };
    let start = request
        .param("$skiptoken")
        .and_then(parse_skip_token)
        .unwrap_or(0);
    let items: Vec<Value> = tenant
        .groups
        .iter()
        .skip(start)
        .take(top)
        .map(|g| g.to_json())
        .collect();
    let mut body = json!({"@odata.context": format!("{}/v1.0/$metadata#groups", request.base_url), "value": items});
    if start + top < tenant.groups.len() {
        body["@odata.nextLink"] = json!(next_link(request, "groups", start + top));
    }
    SimResponse::json(200, body)
}
