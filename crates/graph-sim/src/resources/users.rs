//! Users: listing, creating, reading, changing and deleting them, and the recycle bin.

use super::*;

/// Properties a user listing returns without `$select` (reference/graph.md 3.1).
pub(super) const DEFAULT_USER_PROPERTIES: &[&str] = &[
    "businessPhones",
    "displayName",
    "givenName",
    "id",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
];
/// Available on a single-user GET only; `$select`ing them on the collection answers 501.
pub(super) const SINGLE_USER_ONLY: &[&str] = &[
    "aboutMe",
    "birthday",
    "hireDate",
    "interests",
    "mySite",
    "pastProjects",
    "preferredName",
    "responsibilities",
    "schools",
    "skills",
    "mailboxSettings",
];
/// Writable by PATCH /users/{id}.
pub(super) const WRITABLE: &[&str] = &[
    "accountEnabled",
    "businessPhones",
    "city",
    "country",
    "department",
    "displayName",
    "faxNumber",
    "givenName",
    "jobTitle",
    "mailNickname",
    "mobilePhone",
    "officeLocation",
    "onPremisesImmutableId",
    "otherMails",
    "passwordPolicies",
    "passwordProfile",
    "postalCode",
    "preferredDataLocation",
    "preferredLanguage",
    "state",
    "streetAddress",
    "surname",
    "usageLocation",
    "userPrincipalName",
    "userType",
];
/// Mastered on premises for synchronized users (the full list is UNCONFIRMED in reference/graph.md
/// 3.5; these are the attributes Entra Connect syncs by default).
pub(super) const ON_PREMISES_MASTERED: &[&str] = &[
    "accountEnabled",
    "businessPhones",
    "city",
    "country",
    "department",
    "displayName",
    "faxNumber",
    "givenName",
    "jobTitle",
    "mailNickname",
    "mobilePhone",
    "officeLocation",
    "onPremisesImmutableId",
    "postalCode",
    "preferredLanguage",
    "state",
    "streetAddress",
    "surname",
    "userPrincipalName",
];

pub(super) fn user_json(user: &SimUser) -> Value {
    serde_json::to_value(user).expect("users serialize")
}

pub(super) fn list_users(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    let top = match page_size(request) {
        Ok(top) => top,
        Err(response) => return response,
    };
    let advanced = request.eventual && request.param("$count") == Some("true");
    if request.param("$search").is_some() && !request.eventual {
        return error(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    }
    if request.param("$orderby").is_some() && request.param("$filter").is_some() && !advanced {
        return error(
            400,
            "Request_UnsupportedQuery",
            "Sorting not supported for current query.",
        );
    }
    if let Some(selected) = request.param("$select") {
        if let Some(bad) = selected
            .split(',')
            .find(|p| SINGLE_USER_ONLY.contains(&p.trim()))
        {
            return error(501, "NotImplemented", &format!("This operation target is not yet supported: '{bad}' can only be selected on a single user."));
        }
    }
    let filter = match request.param("$filter") {
        None => None,
        Some(text) => match odata::parse(text) {
            Some(filter) => {
                if let Err(problem) = filter.check(advanced) {
                    return error(400, "Request_UnsupportedQuery", &problem.message);
                }
                Some(filter)
            }
            None => {
                return error(
                    400,
                    "Request_UnsupportedQuery",
                    &format!("Invalid filter clause: {text}"),
                )
            }
        },
    };
    let start = match request.param("$skiptoken") {
        None => 0,
        Some(token) => match parse_skip_token(token) {
            Some(position) => position,
            None => return bad_request("Invalid skip token."),
        },
    };
    let matching: Vec<(usize, Value)> = tenant
        .users
        .iter()
        .enumerate()
        .filter(|(_, u)| u.deleted_date_time.is_none())
        .map(|(i, u)| (i, user_json(u)))
        .filter(|(_, v)| filter.as_ref().is_none_or(|f| f.matches(v)))
        .collect();
    let total = matching.len();
    let page: Vec<&(usize, Value)> = matching
        .iter()
        .filter(|(i, _)| *i >= start)
        .take(top + 1)
        .collect();
    let more = page.len() > top;
    let items: Vec<Value> = page
        .iter()
        .take(top)
        .map(|(_, v)| {
            select(
                v.clone(),
                request.param("$select"),
                Some(DEFAULT_USER_PROPERTIES),
            )
        })
        .collect();
    let context = match request.param("$select") {
        Some(selected) => format!(
            "{}/{}/$metadata#users({selected})",
            request.base_url,
            request.version.segment()
        ),
        None => format!(
            "{}/{}/$metadata#users",
            request.base_url,
            request.version.segment()
        ),
    };
    let mut body = json!({"@odata.context": context});
    if advanced && start == 0 {
        body["@odata.count"] = json!(total);
    }
    if more {
        body["@odata.nextLink"] = json!(next_link(request, "users", page[top].0));
    }
    body["value"] = Value::Array(items);
    SimResponse::json(200, body)
}

pub(super) fn check_upn(
    tenant: &SimTenant,
    upn: &str,
    except: Option<Uuid>,
) -> Result<(), SimResponse> {
    let Some((alias, domain)) = upn.split_once('@') else {
        return Err(bad_request(
            "Invalid value specified for property 'userPrincipalName' of resource 'User'.",
        ));
    };
    if alias.is_empty()
        || !alias
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "'.-_!#^~".contains(c))
    {
        return Err(bad_request(
            "Invalid value specified for property 'userPrincipalName' of resource 'User'.",
        ));
    }
    if !tenant
        .domains
        .iter()
        .any(|d| d.is_verified && d.id.eq_ignore_ascii_case(domain))
    {
        return Err(bad_request("The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization."));
    }
    // Deleting a user frees its name (Entra renames deleted users); restoring checks it again.
    if tenant
        .live_users()
        .any(|u| u.user_principal_name.eq_ignore_ascii_case(upn) && Some(u.id) != except)
    {
        return Err(bad_request(
            "Another object with the same value for property userPrincipalName already exists.",
        ));
    }
    Ok(())
}

pub(super) fn create_user(tenant: &mut SimTenant, request: &SimRequest) -> SimResponse {
    let Some(Value::Object(body)) = &request.body else {
        return bad_request("A request body is required.");
    };
    for required in [
        "accountEnabled",
        "displayName",
        "mailNickname",
        "userPrincipalName",
    ] {
        if body.get(required).is_none_or(Value::is_null) {
            return bad_request(&format!(
                "Invalid value specified for property '{required}' of resource 'User'."
            ));
        }
    }
    let password = body
        .get("passwordProfile")
        .and_then(|p| p.get("password"))
        .and_then(Value::as_str)
        .map(str::to_string);
    if password.is_none() {
        return bad_request(
            "Invalid value specified for property 'passwordProfile' of resource 'User'.",
        );
    }
    let upn = text_of(&Value::Object(body.clone()), "userPrincipalName").unwrap_or_default();
    if let Err(response) = check_upn(tenant, &upn, None) {
        return response;
    }
    let mut user = SimUser::new(Uuid::new_v4(), upn);
    user.last_password_change_date_time = Some(user.created_date_time.clone());
    user.password = password;
    let mut properties = body.clone();
    properties.remove("passwordProfile");
    properties.remove("@odata.type");
    if let Err(response) = merge_user(&mut user, &properties, false) {
        return response;
    }
    let value = user_json(&user);
    tenant.users.push(user);
    SimResponse::json(201, value)
}

/// Applies a PATCH body to a user: writable properties only, typed as Graph types them.
pub(super) fn merge_user(
    user: &mut SimUser,
    patch: &Map<String, Value>,
    synced_rules: bool,
) -> Result<(), SimResponse> {
    if synced_rules
        && user.on_premises_sync_enabled == Some(true)
        && patch
            .keys()
            .any(|k| ON_PREMISES_MASTERED.contains(&k.as_str()))
    {
        return Err(bad_request("Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration."));
    }
    let mut current = user_json(user);
    for (key, value) in patch {
        if key == "@odata.type" {
            continue;
        }
        if !WRITABLE.contains(&key.as_str()) || key == "passwordProfile" {
            return Err(bad_request(&format!(
                "Property '{key}' is read-only or does not exist on type 'microsoft.graph.user'."
            )));
        }
        if key == "businessPhones" && value.as_array().is_some_and(|a| a.len() > 1) {
            return Err(bad_request("Only one number can be set in businessPhones."));
        }
        if key == "displayName" && value.as_str().is_none_or(|s| s.trim().is_empty()) {
            return Err(bad_request(
                "Invalid value specified for property 'displayName' of resource 'User'.",
            ));
        }
        if key == "usageLocation"
            && !value
                .as_str()
                .is_some_and(|s| s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()))
        {
            return Err(bad_request(
                "Invalid value specified for property 'usageLocation' of resource 'User'.",
            ));
        }
        current[key.as_str()] = value.clone();
    }
    let auth = std::mem::take(&mut user.auth);
    let password = user.password.take();
    match serde_json::from_value::<SimUser>(current) {
        Ok(mut updated) => {
            updated.auth = auth;
            updated.password = password;
            *user = updated;
            Ok(())
        }
        Err(problem) => {
            user.auth = auth;
            user.password = password;
            Err(bad_request(&format!(
                "Invalid value in the request body: {problem}"
            )))
        }
    }
}

pub(super) fn user_resource(
    tenant: &mut SimTenant,
    index: usize,
    rest: &[&str],
    request: &SimRequest,
    standing: &Standing,
) -> SimResponse {
    let method = request.method.as_str();
    match (method, rest) {
        ("GET", []) => SimResponse::json(
            200,
            select(
                user_json(&tenant.users[index]),
                request.param("$select"),
                Some(DEFAULT_USER_PROPERTIES),
            ),
        ),
        ("PATCH", []) => {
            let Some(Value::Object(patch)) = &request.body else {
                return bad_request("A request body is required.");
            };
            let mut patch = patch.clone();
            if let Some(upn) = patch.get("userPrincipalName").and_then(Value::as_str) {
                if let Err(response) = check_upn(tenant, upn, Some(tenant.users[index].id)) {
                    return response;
                }
            }
            let profile = patch.remove("passwordProfile");
            let user = &mut tenant.users[index];
            if let Err(response) = merge_user(user, &patch, true) {
                return response;
            }
            if let Some(profile) = profile {
                if let Some(password) = profile.get("password").and_then(Value::as_str) {
                    user.password = Some(password.to_string());
                    user.last_password_change_date_time = Some(graph_time(chrono::Utc::now()));
                }
            }
            SimResponse::no_content()
        }
        ("DELETE", []) => {
            tenant.delete_user(index, chrono::Utc::now());
            SimResponse::no_content()
        }
        ("POST", ["revokeSignInSessions"]) => {
            tenant.users[index].sign_in_sessions_valid_from_date_time =
                Some(graph_time(chrono::Utc::now()));
            SimResponse::json(
                200,
                json!({"@odata.context": format!("{}/v1.0/$metadata#Edm.Boolean", request.base_url), "value": true}),
            )
        }
        ("POST", ["assignLicense"]) => assign_license(tenant, index, request),
        ("GET", [relation]) if *relation == "memberOf" || *relation == "transitiveMemberOf" => {
            let id = tenant.users[index].id;
            let mut items: Vec<Value> = tenant
                .roles
                .iter()
                .filter(|r| r.members.contains(&id))
                .map(role_json)
                .collect();
            items.extend(
                tenant
                    .groups
                    .iter()
                    .filter(|g| g.members.contains(&id))
                    .map(|g| g.to_json()),
            );
            // user-list-memberof: "groups, directory roles, and administrative units".
            items.extend(
                tenant
                    .administrative_units
                    .iter()
                    .filter(|u| u.members.contains(&id))
                    .map(|u| u.to_json()),
            );
            if *relation == "transitiveMemberOf" {
                let groups: Vec<Uuid> = tenant
                    .groups
                    .iter()
                    .filter(|g| g.members.contains(&id))
                    .map(|g| g.id)
                    .collect();
                items.extend(
                    tenant
                        .roles
                        .iter()
                        .filter(|r| {
                            !r.members.contains(&id) && groups.iter().any(|g| r.members.contains(g))
                        })
                        .map(role_json),
                );
            }
            collection(
                format!("{}/v1.0/$metadata#directoryObjects", request.base_url),
                items,
            )
        }
        (_, ["authentication", rest @ ..]) => {
            authentication(tenant, index, rest, request, standing)
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

pub(super) fn deleted_item(
    tenant: &mut SimTenant,
    id: &str,
    rest: &[&str],
    request: &SimRequest,
) -> SimResponse {
    let Some(index) = Uuid::parse_str(id)
        .ok()
        .and_then(|id| tenant.find_deleted_user(id))
    else {
        return not_found(id);
    };
    match (request.method.as_str(), rest) {
        ("GET", []) => {
            // graph/api/directory-deleteditems-get: a deleted item is a directoryObject entity
            // whose @odata.type names what it was.
            let mut user = select(
                user_json(&tenant.users[index]),
                request.param("$select"),
                None,
            );
            user["@odata.context"] = json!(format!(
                "{}/{}/$metadata#directoryObjects/$entity",
                request.base_url,
                request.version.segment()
            ));
            user["@odata.type"] = json!("#microsoft.graph.user");
            SimResponse::json(200, user)
        }
        ("DELETE", []) => {
            let id = tenant.users.remove(index).id;
            tenant.forget_in_administrative_units(id);
            SimResponse::no_content()
        }
        ("POST", ["restore"]) => {
            // Optional body: newUserPrincipalName (restore under another name), autoReconcileProxyConflict.
            let new_upn = request
                .body
                .as_ref()
                .and_then(|b| b["newUserPrincipalName"].as_str())
                .map(str::to_string);
            if let Some(new_upn) = &new_upn {
                if let Err(response) = check_upn(tenant, new_upn, Some(tenant.users[index].id)) {
                    return response;
                }
            }
            let upn = new_upn
                .or_else(|| tenant.users[index].upn_before_deletion.clone())
                .unwrap_or_else(|| tenant.users[index].user_principal_name.clone());
            if tenant
                .live_users()
                .any(|u| u.user_principal_name.eq_ignore_ascii_case(&upn))
            {
                return bad_request("Another object with the same value for property userPrincipalName already exists.");
            }
            let user = &mut tenant.users[index];
            user.user_principal_name = upn;
            user.upn_before_deletion = None;
            user.deleted_date_time = None;
            let mut value = user_json(user);
            value["@odata.type"] = json!("#microsoft.graph.user");
            SimResponse::json(200, value)
        }
        _ => error(
            405,
            "Request_BadRequest",
            "Specified HTTP method is not allowed for the request target.",
        ),
    }
}
