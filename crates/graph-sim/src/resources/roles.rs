//! Directory roles: activating a template, reading a role and changing its members.

use super::*;

pub(super) fn role_json(role: &SimRole) -> Value {
    let template = role_templates::by_id(&role.role_template_id.to_string());
    json!({
        "@odata.type": "#microsoft.graph.directoryRole",
        "id": role.id,
        "deletedDateTime": null,
        "displayName": template.map(|r| r.display_name),
        "description": template.map(|r| r.description),
        "roleTemplateId": role.role_template_id,
    })
}

/// `{id}`, `roleTemplateId={tid}` and the key form `(roleTemplateId='{tid}')` (split out by the router).
pub(super) fn role_key(key: &str) -> Option<RoleKey> {
    match key.strip_prefix("roleTemplateId=") {
        Some(template) => Uuid::parse_str(template.trim_matches('\''))
            .ok()
            .map(RoleKey::Template),
        None => Uuid::parse_str(key).ok().map(RoleKey::Id),
    }
}

pub(super) fn activate_role(tenant: &mut SimTenant, request: &SimRequest) -> SimResponse {
    let Some(template) = request
        .body
        .as_ref()
        .and_then(|b| b["roleTemplateId"].as_str())
        .and_then(|t| Uuid::parse_str(t).ok())
    else {
        return bad_request("roleTemplateId is required.");
    };
    if role_templates::by_id(&template.to_string()).is_none() {
        return not_found(&template.to_string());
    }
    if tenant.role_by_key(&RoleKey::Template(template)).is_some() {
        return bad_request("A conflicting object with one or more of the specified property values is present in the directory.");
    }
    let role = SimRole {
        id: Uuid::new_v4(),
        role_template_id: template,
        members: Default::default(),
    };
    let value = role_json(&role);
    tenant.roles.push(role);
    SimResponse::json(201, value)
}

pub(super) fn role_resource(
    tenant: &mut SimTenant,
    index: usize,
    rest: &[&str],
    request: &SimRequest,
) -> SimResponse {
    match (request.method.as_str(), rest) {
        ("GET", []) => SimResponse::json(200, role_json(&tenant.roles[index])),
        ("GET", ["members", cast @ ..]) if cast.len() <= 1 => {
            let members: Vec<Uuid> = tenant.roles[index].members.iter().copied().collect();
            member_listing(tenant, &members, cast.first().copied(), request)
        }
        ("POST", ["members", "$ref"]) => {
            let member = match referenced_object(tenant, request) {
                Ok(member) => member,
                Err(response) => return response,
            };
            if !tenant.roles[index].members.insert(member) {
                return bad_request("One or more added object references already exist for the following modified properties: 'members'.");
            }
            SimResponse::no_content()
        }
        ("DELETE", ["members", id, "$ref"]) => {
            let removed = Uuid::parse_str(id)
                .ok()
                .is_some_and(|m| tenant.roles[index].members.remove(&m));
            if removed {
                SimResponse::no_content()
            } else {
                not_found(id)
            }
        }
        _ => error(
            405,
            "Request_BadRequest",
            "Specified HTTP method is not allowed for the request target.",
        ),
    }
}
