//! Groups, their owners and their members (graph/api/group-list, group-get, group-post-groups,
//! group-update, group-delete, group-list-members, group-post-members, group-delete-members,
//! group-list-owners, group-post-owners, group-delete-owners).

use super::*;
use crate::state::SimGroup;

/// A group as a listing or a GET shows it; `$expand=owners` adds its owners (as
/// directoryObjects with `id`), the only expansion the simulator knows.
fn group_json(tenant: &SimTenant, group: &SimGroup, request: &SimRequest) -> Value {
    let mut value = group.to_json();
    if request
        .param("$expand")
        .is_some_and(|e| e.trim_start().starts_with("owners"))
    {
        value["owners"] = Value::Array(
            group
                .owners
                .iter()
                .filter_map(|o| tenant.directory_object(*o))
                .map(|o| json!({"@odata.type": o["@odata.type"], "id": o["id"]}))
                .collect(),
        );
    }
    value
}

pub(super) fn list_groups(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    paged_collection(request, "groups", tenant.groups.len(), |range| {
        tenant.groups[range]
            .iter()
            .map(|g| {
                select(
                    group_json(tenant, g, request),
                    request.param("$select"),
                    None,
                )
            })
            .collect()
    })
}

/// The object id an `@odata.bind` link names (its last segment).
fn linked_id(link: &str) -> Option<Uuid> {
    link.rsplit('/')
        .next()
        .and_then(|id| Uuid::parse_str(id).ok())
}

/// group-post-groups: `displayName`, `mailEnabled`, `mailNickname` and `securityEnabled` are
/// required; `owners@odata.bind` and `members@odata.bind` take at most 20 links together. Only
/// security groups and Microsoft 365 groups can be created (groups-overview).
pub(super) fn create_group(tenant: &mut SimTenant, request: &SimRequest) -> SimResponse {
    let Some(Value::Object(body)) = &request.body else {
        return bad_request("A request body is required.");
    };
    for required in [
        "displayName",
        "mailEnabled",
        "mailNickname",
        "securityEnabled",
    ] {
        if body.get(required).is_none_or(Value::is_null) {
            return bad_request(&format!(
                "Invalid value specified for property '{required}' of resource 'Group'."
            ));
        }
    }
    let display_name = text_of(&Value::Object(body.clone()), "displayName").unwrap_or_default();
    let nickname = text_of(&Value::Object(body.clone()), "mailNickname").unwrap_or_default();
    if display_name.chars().count() > 256 {
        return bad_request(
            "Invalid value specified for property 'displayName' of resource 'Group'.",
        );
    }
    if !valid_mail_nickname(&nickname) {
        return bad_request(
            "Invalid value specified for property 'mailNickname' of resource 'Group'.",
        );
    }
    let mail_enabled = body["mailEnabled"] == Value::Bool(true);
    let unified = body
        .get("groupTypes")
        .and_then(Value::as_array)
        .is_some_and(|t| t.iter().any(|t| t == "Unified"));
    if mail_enabled && !unified {
        return bad_request("Only Microsoft 365 groups can be created mail-enabled: mail-enabled security groups and distribution groups are managed in Exchange Online.");
    }
    let links = |key: &str| -> Result<Vec<Uuid>, SimResponse> {
        body.get(key)
            .and_then(Value::as_array)
            .map(|l| l.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|l| {
                let id = l.as_str().and_then(linked_id);
                match id {
                    Some(id) if tenant.directory_object(id).is_some() => Ok(id),
                    _ => Err(not_found(l.as_str().unwrap_or_default())),
                }
            })
            .collect()
    };
    let (owners, members) = match (links("owners@odata.bind"), links("members@odata.bind")) {
        (Ok(o), Ok(m)) => (o, m),
        (Err(response), _) | (_, Err(response)) => return response,
    };
    if owners.len() + members.len() > 20 {
        return bad_request("A maximum of 20 relationships (owners and members) can be added when a group is created.");
    }
    let group = SimGroup {
        id: Uuid::new_v4(),
        display_name,
        description: text_of(&Value::Object(body.clone()), "description"),
        mail_nickname: nickname,
        mail: None,
        mail_enabled,
        security_enabled: body["securityEnabled"] == Value::Bool(true),
        proxy_addresses: Vec::new(),
        on_premises_sync_enabled: None,
        on_premises_last_sync_date_time: None,
        on_premises_provisioning_errors: Vec::new(),
        members: members.into_iter().collect(),
        owners: owners.into_iter().collect(),
        unified,
    };
    let value = group.to_json();
    tenant.groups.push(group);
    SimResponse::json(201, value)
}

/// group-post-groups: at most 64 ASCII characters, none of `@ () \ [] " ; : . <> ,` or space.
fn valid_mail_nickname(nickname: &str) -> bool {
    !nickname.is_empty()
        && nickname.len() <= 64
        && nickname
            .chars()
            .all(|c| c.is_ascii() && !c.is_ascii_control() && !"@()\\[]\";:.<>, ".contains(c))
}

/// Whether a group can be changed through Graph: not synchronized from on-premises, and not a
/// mail-enabled security group or distribution group (groups-overview: read-only in Graph).
fn refusal_to_change(group: &SimGroup) -> Option<SimResponse> {
    if group.on_premises_sync_enabled == Some(true) {
        return Some(bad_request("Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration."));
    }
    if group.mail_enabled {
        return Some(bad_request("Unable to update the specified properties for objects that have originated within an external service."));
    }
    None
}

pub(super) fn group_resource(
    tenant: &mut SimTenant,
    index: usize,
    rest: &[&str],
    request: &SimRequest,
) -> SimResponse {
    match (request.method.as_str(), rest) {
        ("GET", []) => SimResponse::json(
            200,
            select(
                group_json(tenant, &tenant.groups[index], request),
                request.param("$select"),
                None,
            ),
        ),
        ("PATCH", []) => {
            if let Some(refused) = refusal_to_change(&tenant.groups[index]) {
                return refused;
            }
            let Some(Value::Object(patch)) = &request.body else {
                return bad_request("A request body is required.");
            };
            // The whole body is checked before anything changes; instance annotations such as
            // the `@odata.type` SDKs send are not properties.
            if let Some(other) = patch.keys().find(|k| {
                !k.starts_with('@') && !["displayName", "description"].contains(&k.as_str())
            }) {
                return bad_request(&format!(
                    "Property '{other}' is read-only or not supported by the simulator."
                ));
            }
            if patch.get("displayName").is_some_and(|v| {
                !v.as_str()
                    .is_some_and(|name| !name.trim().is_empty() && name.chars().count() <= 256)
            }) {
                return bad_request(
                    "Invalid value specified for property 'displayName' of resource 'Group'.",
                );
            }
            for (key, value) in patch {
                match key.as_str() {
                    "displayName" => match value.as_str() {
                        Some(name) if !name.trim().is_empty() && name.chars().count() <= 256 => {
                            tenant.groups[index].display_name = name.to_string()
                        }
                        _ => return bad_request("Invalid value specified for property 'displayName' of resource 'Group'."),
                    },
                    "description" => {
                        tenant.groups[index].description = value.as_str().map(str::to_string)
                    }
                    _ => {}
                }
            }
            SimResponse::no_content()
        }
        // group-delete: security groups are deleted for good (only Microsoft 365 groups go to
        // deleted items); memberships in other groups and roles go with them.
        ("DELETE", []) => {
            if let Some(refused) = refusal_to_change(&tenant.groups[index]) {
                return refused;
            }
            let id = tenant.groups.remove(index).id;
            tenant.forget_in_administrative_units(id);
            tenant.group_settings.retain(|s| s.group != Some(id));
            for group in &mut tenant.groups {
                group.members.remove(&id);
            }
            for role in &mut tenant.roles {
                role.members.remove(&id);
            }
            SimResponse::no_content()
        }
        (_, ["settings", rest @ ..]) => {
            let group = tenant.groups[index].id;
            if !tenant.groups[index].unified {
                return bad_request("Group settings apply to Microsoft 365 groups only.");
            }
            group_settings_resource(tenant, Some(group), rest, request)
        }
        ("GET", ["members", cast @ ..]) if cast.len() <= 1 => {
            let members: Vec<Uuid> = tenant.groups[index].members.iter().copied().collect();
            member_listing(tenant, &members, cast.first().copied(), request)
        }
        ("GET", ["owners"]) => {
            let owners: Vec<Uuid> = tenant.groups[index].owners.iter().copied().collect();
            member_listing(tenant, &owners, None, request)
        }
        ("POST", [relation @ ("members" | "owners"), "$ref"]) => {
            if *relation == "members" {
                if let Some(refused) = refusal_to_change(&tenant.groups[index]) {
                    return refused;
                }
            }
            let id = match referenced_object(tenant, request) {
                Ok(id) => id,
                Err(response) => return response,
            };
            let group = &mut tenant.groups[index];
            let set = if *relation == "members" {
                &mut group.members
            } else {
                &mut group.owners
            };
            if !set.insert(id) {
                return bad_request(&format!("One or more added object references already exist for the following modified properties: '{relation}'."));
            }
            SimResponse::no_content()
        }
        ("DELETE", [relation @ ("members" | "owners"), id, "$ref"]) => {
            if *relation == "members" {
                if let Some(refused) = refusal_to_change(&tenant.groups[index]) {
                    return refused;
                }
            }
            let group = &mut tenant.groups[index];
            let set = if *relation == "members" {
                &mut group.members
            } else {
                &mut group.owners
            };
            if Uuid::parse_str(id).ok().is_some_and(|m| set.remove(&m)) {
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
