//! Administrative units (graph/api/resources/administrativeunit): listed, created, read,
//! updated and deleted under `/directory/administrativeUnits` (directory-list-
//! administrativeunits, directory-post-administrativeunits, administrativeunit-get, -update,
//! -delete), with their members through `$ref` (administrativeunit-list-members, -post-members,
//! -delete-members: users, groups and devices) and the Microsoft Entra roles scoped to them
//! (administrativeunit-list-scopedrolemembers, -get-, -post-, -delete-scopedrolemembers).

use super::*;
use crate::state::{SimAdministrativeUnit, SimScopedRoleMembership};

/// The roles Microsoft Entra ID assigns with an administrative unit scope, by template id
/// (entra/identity/role-based-access-control/admin-units-assign-roles, "Roles that can be
/// assigned with administrative unit scope"; custom roles are not simulated).
const SCOPABLE_ROLE_TEMPLATES: &[&str] = &[
    "c4e39bd9-1100-46d3-8c65-fb160da0071f", // Authentication Administrator
    "7698a772-787b-4ac8-901f-60d6b08affd2", // Cloud Device Administrator
    "fdd7a751-b60b-444a-984c-02652fe8fa1c", // Groups Administrator
    "729827e3-9c14-49f7-bb1b-9608f156bbb8", // Helpdesk Administrator
    "4d6ac14f-3453-41d0-bef9-a3e0c569773a", // License Administrator
    "966707d0-3269-4727-9be2-8c3a10f19b9d", // Password Administrator
    "644ef478-e28f-4e28-b9dc-3fdde9aa0b1f", // Printer Administrator
    "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", // Privileged Authentication Administrator
    "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", // SharePoint Administrator
    "69091246-20e8-4a56-aa4d-066075b2a7a8", // Teams Administrator
    "3d762c5a-1b6c-493f-843e-55a3b42923d4", // Teams Devices Administrator
    "fe930be7-5e62-47db-91af-98c3a49a38b1", // User Administrator
];

/// The properties a client may write (graph/api/resources/administrativeunit); the simulator
/// keeps displayName, description and visibility, and refuses the dynamic-membership ones,
/// which it does not model, rather than ignore them.
const WRITABLE: &[&str] = &["displayName", "description", "visibility"];

fn unit_context(request: &SimRequest) -> String {
    format!(
        "{}/v1.0/$metadata#directory/administrativeUnits",
        request.base_url
    )
}

/// Checks a create's or update's body; answers the writable properties it sets.
fn unit_changes(request: &SimRequest, creating: bool) -> Result<Map<String, Value>, SimResponse> {
    let Some(Value::Object(body)) = &request.body else {
        return Err(bad_request("A request body is required."));
    };
    for key in body.keys() {
        if !key.starts_with('@') && !WRITABLE.contains(&key.as_str()) {
            return Err(bad_request(&format!(
                "The Graph simulator does not implement the administrativeUnit property '{key}'."
            )));
        }
    }
    let name = body.get("displayName");
    let blank = name.is_none_or(|n| n.as_str().is_none_or(|n| n.trim().is_empty()));
    if (creating || name.is_some()) && blank {
        return Err(bad_request(
            "Invalid value specified for property 'displayName' of resource 'AdministrativeUnit'.",
        ));
    }
    if let Some(visibility) = body.get("visibility").filter(|v| !v.is_null()) {
        if visibility.as_str() != Some("HiddenMembership") && visibility.as_str() != Some("Public")
        {
            return Err(bad_request(
                "Invalid value specified for property 'visibility' of resource 'AdministrativeUnit'.",
            ));
        }
    }
    Ok(body.clone())
}

fn apply(unit: &mut SimAdministrativeUnit, changes: &Map<String, Value>) {
    for (key, value) in changes {
        let text = value.as_str().map(str::to_string);
        match key.as_str() {
            "displayName" => unit.display_name = text.unwrap_or_default(),
            "description" => unit.description = text,
            "visibility" => unit.visibility = text,
            _ => {}
        }
    }
}

pub(super) fn list_administrative_units(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    // Graph documents $count, $expand, $filter, $search and $orderby here too; the simulator
    // answers $select and paging only, and refuses the rest rather than ignore it.
    for option in ["$filter", "$search", "$orderby", "$count", "$expand"] {
        if request.param(option).is_some() {
            return bad_request(&format!(
                "The Graph simulator does not implement {option} on administrativeUnits."
            ));
        }
    }
    let units = &tenant.administrative_units;
    paged_collection(
        request,
        "directory/administrativeUnits",
        units.len(),
        |range| {
            units[range]
                .iter()
                .map(|u| select(u.to_json(), request.param("$select"), None))
                .collect()
        },
    )
}

pub(super) fn create_administrative_unit(
    tenant: &mut SimTenant,
    request: &SimRequest,
) -> SimResponse {
    let changes = match unit_changes(request, true) {
        Ok(changes) => changes,
        Err(response) => return response,
    };
    let mut unit = SimAdministrativeUnit {
        id: Uuid::new_v4(),
        display_name: String::new(),
        description: None,
        visibility: None,
        members: Vec::new(),
        scoped_role_members: Vec::new(),
    };
    apply(&mut unit, &changes);
    let mut body = unit.to_json();
    body["@odata.context"] = json!(format!("{}/$entity", unit_context(request)));
    tenant.administrative_units.push(unit);
    SimResponse::json(201, body)
}

fn scoped_json(
    tenant: &SimTenant,
    unit: &SimAdministrativeUnit,
    m: &SimScopedRoleMembership,
) -> Value {
    let member = tenant.directory_object(m.member);
    json!({
        "id": m.id,
        "roleId": m.role_id,
        "administrativeUnitId": unit.id,
        "roleMemberInfo": {
            "id": m.member,
            "displayName": member.as_ref().and_then(|o| o["displayName"].as_str().map(str::to_string)),
            "userPrincipalName": member.as_ref().and_then(|o| o["userPrincipalName"].as_str().map(str::to_string)),
        },
    })
}

/// `POST …/scopedRoleMembers`: `roleId` names an activated directory role whose template can be
/// scoped; `roleMemberInfo.id` a user or service principal (admin-units-assign-roles, "Security
/// principals that can be assigned with administrative unit scope"; role-assignable groups are
/// not simulated). What Graph answers a repeat is UNCONFIRMED: the simulator answers 400 as for
/// a repeated member reference.
fn add_scoped_role_member(
    tenant: &mut SimTenant,
    index: usize,
    request: &SimRequest,
) -> SimResponse {
    let body = request.body.clone().unwrap_or(Value::Null);
    let Some(role_id) = body["roleId"]
        .as_str()
        .and_then(|r| Uuid::parse_str(r).ok())
    else {
        return bad_request(
            "Invalid value specified for property 'roleId' of resource 'ScopedRoleMembership'.",
        );
    };
    let Some(member) = body["roleMemberInfo"]["id"]
        .as_str()
        .and_then(|m| Uuid::parse_str(m).ok())
    else {
        return bad_request("Invalid value specified for property 'roleMemberInfo' of resource 'ScopedRoleMembership'.");
    };
    let Some(role) = tenant.roles.iter().find(|r| r.id == role_id) else {
        return not_found(&role_id.to_string());
    };
    if !SCOPABLE_ROLE_TEMPLATES.contains(&role.role_template_id.to_string().as_str()) {
        return bad_request(&format!(
            "The role {} cannot be assigned with an administrative unit scope.",
            role.role_template_id
        ));
    }
    let is_user = tenant
        .users
        .iter()
        .any(|u| u.id == member && u.deleted_date_time.is_none());
    let is_principal = tenant.service_principals.iter().any(|p| p.id == member);
    if !is_user && !is_principal {
        return not_found(&member.to_string());
    }
    let unit = &mut tenant.administrative_units[index];
    if unit
        .scoped_role_members
        .iter()
        .any(|m| m.role_id == role_id && m.member == member)
    {
        return bad_request("One or more added object references already exist for the following modified properties: 'scopedRoleMembers'.");
    }
    let membership = SimScopedRoleMembership {
        id: format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple()),
        role_id,
        member,
    };
    unit.scoped_role_members.push(membership.clone());
    let unit = &tenant.administrative_units[index];
    let mut answer = scoped_json(tenant, unit, &membership);
    answer["@odata.context"] = json!(format!(
        "{}/v1.0/$metadata#scopedRoleMemberships/$entity",
        request.base_url
    ));
    SimResponse::json(201, answer)
}

pub(super) fn administrative_unit_resource(
    tenant: &mut SimTenant,
    index: usize,
    rest: &[&str],
    request: &SimRequest,
) -> SimResponse {
    match (request.method.as_str(), rest) {
        ("GET", []) => {
            let mut body = select(
                tenant.administrative_units[index].to_json(),
                request.param("$select"),
                None,
            );
            body["@odata.context"] = json!(format!("{}/$entity", unit_context(request)));
            SimResponse::json(200, body)
        }
        ("PATCH", []) => match unit_changes(request, false) {
            Ok(changes) => {
                apply(&mut tenant.administrative_units[index], &changes);
                SimResponse::no_content()
            }
            Err(response) => response,
        },
        ("DELETE", []) => {
            tenant.administrative_units.remove(index);
            SimResponse::no_content()
        }
        ("GET", ["members", cast @ ..]) if cast.len() <= 1 => {
            let members = tenant.administrative_units[index].members.clone();
            member_listing(tenant, &members, cast.first().copied(), request)
        }
        ("POST", ["members", "$ref"]) => {
            let id = match referenced_object(tenant, request) {
                Ok(id) => id,
                Err(response) => return response,
            };
            let kind = tenant
                .directory_object(id)
                .map(|o| o["@odata.type"].clone());
            let allowed = [
                "#microsoft.graph.user",
                "#microsoft.graph.group",
                "#microsoft.graph.device",
            ];
            if !kind.is_some_and(|k| allowed.iter().any(|a| k == *a)) {
                return bad_request(
                    "Only users, groups and devices can be members of an administrative unit.",
                );
            }
            let unit = &mut tenant.administrative_units[index];
            if unit.members.contains(&id) {
                return bad_request("One or more added object references already exist for the following modified properties: 'members'.");
            }
            unit.members.push(id);
            SimResponse::no_content()
        }
        ("DELETE", ["members", id, "$ref"]) => {
            let unit = &mut tenant.administrative_units[index];
            let before = unit.members.len();
            unit.members
                .retain(|m| !m.to_string().eq_ignore_ascii_case(id));
            if unit.members.len() == before {
                return not_found(id);
            }
            SimResponse::no_content()
        }
        ("GET", ["scopedRoleMembers"]) => {
            let unit = &tenant.administrative_units[index];
            let items: Vec<Value> = unit
                .scoped_role_members
                .iter()
                .filter(|m| tenant.directory_object(m.member).is_some())
                .map(|m| scoped_json(tenant, unit, m))
                .collect();
            collection(
                format!("{}/v1.0/$metadata#scopedRoleMemberships", request.base_url),
                items,
            )
        }
        ("POST", ["scopedRoleMembers"]) => add_scoped_role_member(tenant, index, request),
        ("GET", ["scopedRoleMembers", id]) => {
            let unit = &tenant.administrative_units[index];
            match unit.scoped_role_members.iter().find(|m| m.id == *id) {
                Some(m) => SimResponse::json(200, scoped_json(tenant, unit, m)),
                None => not_found(id),
            }
        }
        ("DELETE", ["scopedRoleMembers", id]) => {
            let unit = &mut tenant.administrative_units[index];
            let before = unit.scoped_role_members.len();
            unit.scoped_role_members.retain(|m| m.id != *id);
            if unit.scoped_role_members.len() == before {
                return not_found(id);
            }
            SimResponse::no_content()
        }
        _ => error(
            400,
            "BadRequest",
            &format!(
                "Resource not found for the segment '{}'.",
                rest.last().unwrap_or(&"")
            ),
        ),
    }
}
