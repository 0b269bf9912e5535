//! Graph's resources as the simulator answers them: one function from a parsed request to a
//! response, so that `$batch` items go through exactly the code plain requests do.

use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::odata;
use super::state::{
    graph_time, AssignedLicense, PhoneType, RoleKey, SimRole, SimTenant, SimUser,
    PASSWORD_METHOD_ID,
};
use crate::permissions;
use crate::role_templates::{
    self, AUTHENTICATION_ADMINISTRATOR, GLOBAL_ADMINISTRATOR,
    PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    V1,
    Beta,
}

impl Version {
    pub fn segment(self) -> &'static str {
        match self {
            Version::V1 => "v1.0",
            Version::Beta => "beta",
        }
    }
}

/// Who is calling, as the token says.
#[derive(Clone, Debug)]
pub struct Caller {
    pub app_id: String,
    pub user: Option<Uuid>,
    /// The token's `scp` or `roles`.
    pub permissions: std::collections::BTreeSet<String>,
}

pub struct SimRequest {
    pub method: String,
    pub version: Version,
    /// Path segments after the version, decoded, with key syntax (`users('x')`) split out.
    pub segments: Vec<String>,
    pub query: Vec<(String, String)>,
    pub eventual: bool,
    /// `x-ms-throttle-priority: Low`.
    pub low_priority: bool,
    pub body: Option<Value>,
    pub caller: Caller,
    /// `http://host:port`, for `@odata.nextLink` and `@odata.context`.
    pub base_url: String,
}

impl SimRequest {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Names the request for the early-retry check: app, method and URL.
    pub fn retry_key(&self) -> String {
        SimRequest::key_of(
            &self.caller.app_id,
            &self.method,
            self.version,
            &self.segments,
            &self.query,
        )
    }

    pub fn key_of(
        app_id: &str,
        method: &str,
        version: Version,
        segments: &[String],
        query: &[(String, String)],
    ) -> String {
        let query: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!(
            "{app_id} {method} /{}/{}?{}",
            version.segment(),
            segments.join("/"),
            query.join("&")
        )
    }

    pub fn is_write(&self) -> bool {
        self.method != "GET"
    }

    /// Resource units this request costs (reference/graph.md section 6).
    pub fn resource_units(&self) -> f64 {
        if self.is_write() {
            return 1.0;
        }
        let s: Vec<&str> = self.segments.iter().map(String::as_str).collect();
        let base: f64 = match s.as_slice() {
            ["users"] => 2.0,
            ["groups", _, "members", ..] => 3.0,
            ["groups", _, "transitiveMembers"] => 5.0,
            ["subscribedSkus"] => 3.0,
            ["users", _, "memberOf"] => 2.0,
            // Not in the cost table, which lists `me/memberOf` (2): UNCONFIRMED, charged as that.
            ["users", _, "transitiveMemberOf"] => 2.0,
            _ => 1.0,
        };
        let mut cost = base;
        if self.param("$select").is_some() {
            cost -= 1.0;
        }
        if self.param("$expand").is_some() {
            cost += 1.0;
        }
        if self
            .param("$top")
            .and_then(|t| t.parse::<u32>().ok())
            .is_some_and(|t| t < 20)
        {
            cost -= 1.0;
        }
        cost.max(1.0)
    }
}

pub struct SimResponse {
    pub status: u16,
    pub body: Option<Value>,
    /// A `text/plain` body (`/users/$count`).
    pub text: Option<String>,
}

impl SimResponse {
    fn json(status: u16, body: Value) -> SimResponse {
        SimResponse {
            status,
            body: Some(body),
            text: None,
        }
    }

    fn no_content() -> SimResponse {
        SimResponse {
            status: 204,
            body: None,
            text: None,
        }
    }
}

/// Graph's error envelope; `innerError` gets the request ids where the response is finished.
pub fn error(status: u16, code: &str, message: &str) -> SimResponse {
    SimResponse::json(
        status,
        json!({"error": {"code": code, "message": message, "innerError": {}}}),
    )
}

fn not_found(key: &str) -> SimResponse {
    error(404, "Request_ResourceNotFound", &format!("Resource '{key}' does not exist or one of its queried reference-property objects are not present."))
}

fn bad_request(message: &str) -> SimResponse {
    error(400, "Request_BadRequest", message)
}

/// The authentication-methods service's own error family (reference/graph.md 2.6).
fn methods_bad_request(message: &str) -> SimResponse {
    SimResponse::json(
        400,
        json!({"error": {"code": "badRequest", "message": message, "innerError": {"message": message}}}),
    )
}

fn denied() -> SimResponse {
    error(
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    )
}

fn collection(context: String, items: Vec<Value>) -> SimResponse {
    SimResponse::json(200, json!({"@odata.context": context, "value": items}))
}

/// What the signed-in user sees: an Authentication Administrator who is neither a Global
/// Administrator nor a Privileged Authentication Administrator sees phone numbers masked.
struct Standing {
    masked_phones: bool,
}

fn standing(tenant: &SimTenant, caller: &Caller) -> Standing {
    let Some(user) = caller.user else {
        return Standing {
            masked_phones: false,
        };
    };
    let holds = |t: &str| tenant.holds_role(user, t);
    let full = holds(GLOBAL_ADMINISTRATOR) || holds(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);
    Standing {
        masked_phones: !full && holds(AUTHENTICATION_ADMINISTRATOR),
    }
}

/// Masks all but the last two digits, keeping the country code (the exact mask is UNCONFIRMED:
/// reference/graph.md 2.2 says only that numbers are masked).
pub fn mask(number: &str) -> String {
    let (country, rest) = number.split_once(' ').unwrap_or(("", number));
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    let masked: String = rest
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                seen += 1;
                if seen + 2 <= digits {
                    'X'
                } else {
                    c
                }
            } else {
                c
            }
        })
        .collect();
    if country.is_empty() {
        masked
    } else {
        format!("{country} {masked}")
    }
}

/// Properties a user listing returns without `$select` (reference/graph.md 3.1).
const DEFAULT_USER_PROPERTIES: &[&str] = &[
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
const SINGLE_USER_ONLY: &[&str] = &[
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
const WRITABLE: &[&str] = &[
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
const ON_PREMISES_MASTERED: &[&str] = &[
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

fn select(value: Value, select: Option<&str>, defaults: Option<&[&str]>) -> Value {
    let Value::Object(map) = value else {
        return value;
    };
    let wanted: Option<Vec<String>> = match select {
        Some(list) => Some(list.split(',').map(|s| s.trim().to_string()).collect()),
        None => defaults.map(|d| d.iter().map(|s| s.to_string()).collect()),
    };
    let Some(wanted) = wanted else {
        return Value::Object(map);
    };
    let mut out = Map::new();
    for (key, value) in map {
        // `id` always comes back, as in Graph, whatever `$select` names.
        if key.starts_with('@')
            || key == "id"
            || wanted.iter().any(|w| w.eq_ignore_ascii_case(&key))
        {
            out.insert(key, value);
        }
    }
    Value::Object(out)
}

fn user_json(user: &SimUser) -> Value {
    serde_json::to_value(user).expect("users serialize")
}

fn text_of(body: &Value, key: &str) -> Option<String> {
    body.get(key).and_then(Value::as_str).map(str::to_string)
}

pub fn handle(tenant: &mut SimTenant, request: &SimRequest) -> SimResponse {
    let standing = standing(tenant, &request.caller);
    let mut segments: Vec<&str> = request.segments.iter().map(String::as_str).collect();
    // graph/api/user-get: `/me` is the signed-in user, and only delegated tokens have one.
    let me;
    if segments.first() == Some(&"me") {
        let Some(user) = request.caller.user else {
            return bad_request("/me request is only valid with delegated authentication flow.");
        };
        me = user.to_string();
        segments.splice(0..1, ["users", me.as_str()]);
    }
    let method = request.method.as_str();
    if let Some(rule) = permissions::rule_for(method, &segments) {
        let target = match segments.as_slice() {
            ["users", key, ..] => tenant.find_user(key).map(|i| tenant.users[i].id),
            _ => None,
        };
        let principal = permissions::Principal {
            permissions: &request.caller.permissions,
            user: request.caller.user,
        };
        if permissions::refusal(rule, &principal, target, tenant).is_some() {
            return denied();
        }
    }
    match (method, segments.as_slice()) {
        ("GET", ["organization"]) => organization(tenant, request),
        ("GET", ["domains"]) => collection(
            format!("{}/v1.0/$metadata#domains", request.base_url),
            tenant.domains.iter().map(domain_json).collect(),
        ),
        ("GET", ["domains", name]) => match tenant.domains.iter().find(|d| d.id.eq_ignore_ascii_case(name)) {
            Some(domain) => SimResponse::json(200, domain_json(domain)),
            None => not_found(name),
        },
        ("GET", ["subscribedSkus"]) => subscribed_skus(tenant, request),
        // graph/api/authenticationmethodconfiguration-get (sms and voice configurations).
        ("GET", ["policies", "authenticationMethodsPolicy", "authenticationMethodConfigurations", id]) => {
            let (kind, enabled) = match id.to_ascii_lowercase().as_str() {
                "sms" => ("sms", tenant.phone_policy.sms),
                "voice" => ("voice", tenant.phone_policy.voice),
                _ => return not_found(id),
            };
            SimResponse::json(
                200,
                json!({
                    "@odata.context": format!("{}/{}/$metadata#policies/authenticationMethodsPolicy/authenticationMethodConfigurations/$entity", request.base_url, request.version.segment()),
                    "@odata.type": format!("#microsoft.graph.{kind}AuthenticationMethodConfiguration"),
                    "id": if kind == "sms" { "Sms" } else { "Voice" },
                    "state": if enabled { "enabled" } else { "disabled" },
                }),
            )
        }
        ("GET", ["users"]) => list_users(tenant, request),
        ("GET", ["users", "$count"]) => {
            if !request.eventual {
                return bad_request("$count is not currently supported.");
            }
            SimResponse {
                status: 200,
                body: None,
                text: Some(tenant.live_users().count().to_string()),
            }
        }
        ("POST", ["users"]) => create_user(tenant, request),
        (_, ["users", key, rest @ ..]) => {
            let Some(index) = tenant.find_user(key) else {
                return not_found(key);
            };
            user_resource(tenant, index, rest, request, &standing)
        }
        ("GET", ["directory", "deletedItems", cast]) if is_user_cast(cast) => {
            let items = tenant
                .users
                .iter()
                .filter(|u| u.deleted_date_time.is_some())
                .map(|u| select(user_json(u), request.param("$select"), None))
                .collect();
            collection(format!("{}/v1.0/$metadata#directoryObjects", request.base_url), items)
        }
        (_, ["directory", "deletedItems", id, rest @ ..]) => deleted_item(tenant, id, rest, request),
        ("GET", ["directoryRoleTemplates"]) => collection(
            format!("{}/v1.0/$metadata#directoryRoleTemplates", request.base_url),
            role_templates::ROLE_TEMPLATES
                .iter()
                .map(|r| json!({"@odata.type": "#microsoft.graph.directoryRoleTemplate", "id": r.id, "displayName": r.display_name, "description": r.description, "deletedDateTime": null}))
                .collect(),
        ),
        ("GET", ["directoryRoles"]) => collection(
            format!("{}/v1.0/$metadata#directoryRoles", request.base_url),
            tenant.roles.iter().map(role_json).collect(),
        ),
        ("POST", ["directoryRoles"]) => activate_role(tenant, request),
        (_, ["directoryRoles", key, rest @ ..]) => {
            let Some(key) = role_key(key) else { return not_found(key) };
            let Some(index) = tenant.role_by_key(&key) else {
                return not_found(&segments[1..2].join(""));
            };
            role_resource(tenant, index, rest, request)
        }
        ("GET", ["groups"]) => list_groups(tenant, request),
        ("GET", ["groups", id]) => match find_group(tenant, id) {
            Some(group) => SimResponse::json(200, group.to_json()),
            None => not_found(id),
        },
        ("GET", ["groups", id, "members", cast @ ..]) if cast.len() <= 1 => match find_group(tenant, id) {
            Some(group) => {
                let members: Vec<Uuid> = group.members.iter().copied().collect();
                member_listing(tenant, &members, cast.first().copied(), request)
            }
            None => not_found(id),
        },
        _ => error(400, "BadRequest", &format!("Resource not found for the segment '{}'.", segments.last().unwrap_or(&""))),
    }
}

/// A role's or group's members, as graph/api/directoryrole-list-members and group-list-members
/// document them: each member with its type's default properties (a user's are
/// `DEFAULT_USER_PROPERTIES`: no licences, no on-premises facts) unless `$select` names others;
/// `id` and `@odata.type` always. A type cast (`/members/microsoft.graph.user`) lists only that
/// type, as a collection of it.
fn member_listing(
    tenant: &SimTenant,
    members: &[Uuid],
    cast: Option<&str>,
    request: &SimRequest,
) -> SimResponse {
    let wanted_type = match cast {
        None => None,
        Some(cast) => match cast
            .strip_prefix("microsoft.graph.")
            .or_else(|| cast.strip_prefix("graph."))
        {
            Some(kind @ ("user" | "group" | "servicePrincipal")) => Some(kind),
            _ => {
                return error(
                    400,
                    "BadRequest",
                    &format!("Resource not found for the segment '{cast}'."),
                )
            }
        },
    };
    let selected = request.param("$select");
    let items: Vec<Value> = members
        .iter()
        .filter_map(|id| tenant.directory_object(*id))
        .filter(|object| {
            wanted_type.is_none_or(|kind| {
                object["@odata.type"] == json!(format!("#microsoft.graph.{kind}"))
            })
        })
        .map(|object| {
            let is_user = object["@odata.type"] == json!("#microsoft.graph.user");
            match (selected, is_user) {
                (Some(list), _) => select(object, Some(list), None),
                (None, true) => select(object, None, Some(DEFAULT_USER_PROPERTIES)),
                (None, false) => object,
            }
        })
        .collect();
    let entity = match wanted_type {
        Some("user") => "users",
        Some("group") => "groups",
        Some(_) => "servicePrincipals",
        None => "directoryObjects",
    };
    collection(
        format!("{}/v1.0/$metadata#{entity}", request.base_url),
        items,
    )
}

fn is_user_cast(cast: &str) -> bool {
    cast == "microsoft.graph.user" || cast == "graph.user"
}

fn find_group<'a>(tenant: &'a SimTenant, id: &str) -> Option<&'a super::state::SimGroup> {
    let id = Uuid::parse_str(id).ok()?;
    tenant.groups.iter().find(|g| g.id == id)
}

fn organization(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
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

fn domain_json(domain: &super::state::SimDomain) -> Value {
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

fn subscribed_skus(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
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

/// Pages are positions in creation order; the token is opaque to clients.
fn skip_token(position: usize) -> String {
    format!("RFNwdAIAAQAAA{position:x}")
}

fn parse_skip_token(token: &str) -> Option<usize> {
    usize::from_str_radix(token.strip_prefix("RFNwdAIAAQAAA")?, 16).ok()
}

fn page_size(request: &SimRequest) -> Result<usize, SimResponse> {
    match request.param("$top") {
        None => Ok(100),
        Some(top) => match top.parse::<usize>() {
            Ok(n) if (1..=999).contains(&n) => Ok(n),
            _ => Err(error(
                400,
                "Request_UnsupportedQuery",
                &format!(
                    "Invalid page size specified: '{top}'. Must be between 1 and 999 inclusive."
                ),
            )),
        },
    }
}

/// Left as they are in next links: OData's own punctuation.
const KEEP: &[u8] = b"$',()/";

/// The next page's link: the same query, a new `$skiptoken`.
fn next_link(request: &SimRequest, resource: &str, position: usize) -> String {
    let mut query: Vec<String> = request
        .query
        .iter()
        .filter(|(k, _)| !k.eq_ignore_ascii_case("$skiptoken"))
        .map(|(k, v)| {
            format!(
                "{}={}",
                msol_encoding::percent::encode(k, KEEP),
                msol_encoding::percent::encode(v, KEEP)
            )
        })
        .collect();
    query.push(format!("$skiptoken={}", skip_token(position)));
    format!(
        "{}/{}/{resource}?{}",
        request.base_url,
        request.version.segment(),
        query.join("&")
    )
}

fn list_users(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
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

fn check_upn(tenant: &SimTenant, upn: &str, except: Option<Uuid>) -> Result<(), SimResponse> {
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

fn create_user(tenant: &mut SimTenant, request: &SimRequest) -> SimResponse {
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
fn merge_user(
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

fn user_resource(
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

fn assign_license(tenant: &mut SimTenant, index: usize, request: &SimRequest) -> SimResponse {
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

fn phone_json(kind: PhoneType, number: &str, masked: bool) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
        "id": kind.id(),
        "phoneNumber": if masked { mask(number) } else { number.to_string() },
        "phoneType": kind.name(),
        "smsSignInState": if kind == PhoneType::Mobile { "notAllowedByPolicy" } else { "notSupported" },
    })
}

fn app_json(kind: &str, app: &super::state::AppMethod) -> Value {
    if kind == "softwareOath" {
        json!({"@odata.type": "#microsoft.graph.softwareOathAuthenticationMethod", "id": app.id, "secretKey": null})
    } else {
        json!({
            "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
            "id": app.id, "displayName": app.display_name, "deviceTag": app.device_tag,
            "phoneAppVersion": app.phone_app_version, "createdDateTime": graph_time(app.created),
        })
    }
}

/// Graph's phone number format: `+{country code} {number}` with an optional `x{extension}`.
fn hardware_json(token: &super::state::HardwareToken, with_device: bool) -> Value {
    let mut value = json!({
        "@odata.type": "#microsoft.graph.hardwareOathAuthenticationMethod",
        "id": token.id,
    });
    if with_device {
        value["device"] = json!({
            "id": token.id,
            "serialNumber": token.serial_number,
            "displayName": token.display_name,
            "status": if token.activated { "activated" } else { "assigned" },
        });
    }
    value
}

fn valid_phone_number(number: &str) -> bool {
    let Some(rest) = number.strip_prefix('+') else {
        return false;
    };
    let Some((country, subscriber)) = rest.split_once(' ') else {
        return false;
    };
    let (subscriber, extension) = match subscriber.split_once('x') {
        Some((s, e)) => (s, Some(e)),
        None => (subscriber, None),
    };
    !country.is_empty()
        && country.len() <= 3
        && country.chars().all(|c| c.is_ascii_digit())
        && (4..=15).contains(&subscriber.len())
        && subscriber.chars().all(|c| c.is_ascii_digit())
        && extension.is_none_or(|e| !e.is_empty() && e.chars().all(|c| c.is_ascii_digit()))
}

/// The MSOnline-era default method a phone backs, so that deleting it is refused while others remain.
fn is_default_phone(user: &SimUser, kind: PhoneType) -> bool {
    let preferred = user.auth.preferred_method.as_deref();
    match kind {
        PhoneType::Mobile => matches!(preferred, Some("sms") | Some("voiceMobile")),
        PhoneType::AlternateMobile => preferred == Some("voiceAlternateMobile"),
        PhoneType::Office => preferred == Some("voiceOffice"),
    }
}

const DEFAULT_DELETE_MESSAGE: &str = "Cannot delete default method with other methods configured. Please change default method before deletion.";

fn authentication(
    tenant: &mut SimTenant,
    index: usize,
    rest: &[&str],
    request: &SimRequest,
    standing: &Standing,
) -> SimResponse {
    let beta_only = matches!(
        rest.first(),
        Some(&"requirements") | Some(&"signInPreferences") | Some(&"hardwareOathMethods")
    );
    if beta_only && request.version != Version::Beta {
        // UNCONFIRMED in reference/graph.md section 10: Graph's answer for a beta-only segment on v1.0.
        return error(
            400,
            "BadRequest",
            &format!("Resource not found for the segment '{}'.", rest[0]),
        );
    }
    let base = request.base_url.clone();
    let version = request.version.segment();
    let user = &mut tenant.users[index];
    let body = request.body.clone().unwrap_or(Value::Null);
    match (request.method.as_str(), rest) {
        ("GET", ["requirements"]) => SimResponse::json(
            200,
            json!({
                "@odata.context": format!("{base}/beta/$metadata#users('{}')/authentication/requirements", user.id),
                "perUserMfaState": user.auth.per_user_mfa_state,
            }),
        ),
        ("PATCH", ["requirements"]) => {
            let state = match body["perUserMfaState"].as_str() {
                Some(s @ ("disabled" | "enabled" | "enforced")) => s,
                _ => {
                    return bad_request(
                        "Invalid value for perUserMfaState: use disabled, enabled or enforced.",
                    )
                }
            };
            // Documented rule: enabling a user who has a registered method makes them enforced.
            let state = if state == "enabled" && user.auth.has_mfa_method() {
                "enforced"
            } else {
                state
            };
            user.auth.per_user_mfa_state = state.to_string();
            SimResponse::no_content()
        }
        ("GET", ["signInPreferences"]) => SimResponse::json(
            200,
            json!({
                "@odata.context": format!("{base}/beta/$metadata#users('{}')/authentication/signInPreferences/$entity", user.id),
                "isSystemPreferredAuthenticationMethodEnabled": user.auth.system_preferred,
                "userPreferredMethodForSecondaryAuthentication": user.auth.preferred_method,
            }),
        ),
        ("PATCH", ["signInPreferences"]) => {
            if let Some(value) = body.get("userPreferredMethodForSecondaryAuthentication") {
                let method = value.as_str().unwrap_or("");
                let registered = match method {
                    "sms" | "voiceMobile" => user.auth.phones.contains_key(&PhoneType::Mobile),
                    "voiceAlternateMobile" => user.auth.phones.contains_key(&PhoneType::AlternateMobile),
                    "voiceOffice" => user.auth.phones.contains_key(&PhoneType::Office),
                    "push" => !user.auth.authenticators.is_empty(),
                    "oath" => !user.auth.software_oath.is_empty() || !user.auth.authenticators.is_empty(),
                    _ => return methods_bad_request("Invalid value for userPreferredMethodForSecondaryAuthentication: use push, oath, voiceMobile, voiceAlternateMobile, voiceOffice or sms."),
                };
                if !registered {
                    return methods_bad_request(&format!(
                        "The user has no registered method for '{method}'."
                    ));
                }
                user.auth.preferred_method = Some(method.to_string());
            }
            if let Some(enabled) = body
                .get("isSystemPreferredAuthenticationMethodEnabled")
                .and_then(Value::as_bool)
            {
                user.auth.system_preferred = enabled;
            }
            SimResponse::no_content()
        }
        ("GET", ["methods"]) => {
            let mut items = vec![
                json!({"@odata.type": "#microsoft.graph.passwordAuthenticationMethod", "id": PASSWORD_METHOD_ID, "password": null, "createdDateTime": user.last_password_change_date_time}),
            ];
            items.extend(
                user.auth
                    .phones
                    .iter()
                    .map(|(k, n)| phone_json(*k, n, standing.masked_phones)),
            );
            items.extend(
                user.auth
                    .authenticators
                    .iter()
                    .map(|a| app_json("authenticator", a)),
            );
            items.extend(
                user.auth
                    .software_oath
                    .iter()
                    .map(|a| app_json("softwareOath", a)),
            );
            if let Some(email) = &user.auth.email {
                items.push(json!({"@odata.type": "#microsoft.graph.emailAuthenticationMethod", "id": "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", "emailAddress": email}));
            }
            // Hardware OATH tokens are a beta method type.
            if request.version == Version::Beta {
                items.extend(
                    user.auth
                        .hardware_oath
                        .iter()
                        .map(|t| hardware_json(t, false)),
                );
            }
            collection(
                format!(
                    "{base}/{version}/$metadata#users('{}')/authentication/methods",
                    user.id
                ),
                items,
            )
        }
        // beta hardwareoathauthenticationmethod-list, -get (`$expand=device` brings the token's
        // status), and hardwareoathauthenticationmethod-deactivate.
        ("GET", ["hardwareOathMethods"]) => {
            let expand = request
                .param("$expand")
                .is_some_and(|e| e.contains("device"));
            collection(
                format!(
                    "{base}/{version}/$metadata#users('{}')/authentication/hardwareOathMethods",
                    user.id
                ),
                user.auth
                    .hardware_oath
                    .iter()
                    .map(|t| hardware_json(t, expand))
                    .collect(),
            )
        }
        ("POST", ["hardwareOathMethods", id, "deactivate"]) => {
            match user.auth.hardware_oath.iter_mut().find(|t| t.id == *id) {
                Some(token) => {
                    token.activated = false;
                    SimResponse::no_content()
                }
                None => not_found(id),
            }
        }
        ("GET", ["phoneMethods"]) => collection(
            format!(
                "{base}/{version}/$metadata#users('{}')/authentication/phoneMethods",
                user.id
            ),
            user.auth
                .phones
                .iter()
                .map(|(k, n)| phone_json(*k, n, standing.masked_phones))
                .collect(),
        ),
        ("POST", ["phoneMethods"]) => {
            if body.get("smsSignInState").is_some() {
                return methods_bad_request("smsSignInState is read-only.");
            }
            let (Some(number), Some(kind)) = (
                body["phoneNumber"].as_str(),
                body["phoneType"].as_str().and_then(PhoneType::from_name),
            ) else {
                return methods_bad_request(
                    "phoneNumber and phoneType (mobile, alternateMobile or office) are required.",
                );
            };
            // The bodies of these refusals are UNCONFIRMED (reference/graph.md 2.2): badRequest, naming the rule.
            if !valid_phone_number(number) {
                return methods_bad_request(&format!("Invalid phoneNumber '{number}': use the format +{{country code}} {{number}}x{{extension}}."));
            }
            if user.auth.phones.contains_key(&kind) {
                return methods_bad_request(&format!(
                    "The user already has a phone method of type {}.",
                    kind.name()
                ));
            }
            if kind == PhoneType::AlternateMobile
                && !user.auth.phones.contains_key(&PhoneType::Mobile)
            {
                return methods_bad_request("An alternateMobile phone needs a mobile phone first.");
            }
            user.auth.phones.insert(kind, number.to_string());
            if user.auth.per_user_mfa_state == "enabled" {
                user.auth.per_user_mfa_state = "enforced".to_string();
            }
            let mut created = phone_json(kind, number, false);
            created["smsSignInState"] = json!(if kind == PhoneType::Mobile {
                "ready"
            } else {
                "notSupported"
            });
            SimResponse::json(201, created)
        }
        (method, ["phoneMethods", id]) => {
            let Some(kind) = PhoneType::from_id(id).filter(|k| user.auth.phones.contains_key(k))
            else {
                return not_found(id);
            };
            match method {
                "GET" => SimResponse::json(
                    200,
                    phone_json(kind, &user.auth.phones[&kind], standing.masked_phones),
                ),
                "PATCH" => {
                    if body
                        .get("phoneType")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t != kind.name())
                    {
                        return methods_bad_request("phoneType cannot be changed: add a phone of the new type and delete this one.");
                    }
                    let Some(number) = body["phoneNumber"].as_str() else {
                        return methods_bad_request("phoneNumber is required.");
                    };
                    if !valid_phone_number(number) {
                        return methods_bad_request(&format!("Invalid phoneNumber '{number}': use the format +{{country code}} {{number}}x{{extension}}."));
                    }
                    user.auth.phones.insert(kind, number.to_string());
                    SimResponse::no_content()
                }
                "DELETE" => {
                    if kind == PhoneType::Mobile
                        && user.auth.phones.contains_key(&PhoneType::AlternateMobile)
                    {
                        return methods_bad_request("A mobile phone cannot be deleted while an alternateMobile phone exists: update the mobile number, then delete the alternate.");
                    }
                    if is_default_phone(user, kind) && user.auth.mfa_method_count() > 1 {
                        return methods_bad_request(&format!("The requested authentication method id of [{}] matches the user's current default authentication method, and cannot be deleted until the default authentication method is changed", kind.id()));
                    }
                    user.auth.phones.remove(&kind);
                    if is_default_phone(user, kind) {
                        user.auth.preferred_method = None;
                    }
                    SimResponse::no_content()
                }
                _ => error(
                    405,
                    "Request_BadRequest",
                    "Specified HTTP method is not allowed for the request target.",
                ),
            }
        }
        (method, [collection_name, rest @ ..])
            if *collection_name == "microsoftAuthenticatorMethods"
                || *collection_name == "softwareOathMethods" =>
        {
            let (kind, preferred) = if *collection_name == "softwareOathMethods" {
                ("softwareOath", "oath")
            } else {
                ("authenticator", "push")
            };
            let apps = if kind == "softwareOath" {
                &mut user.auth.software_oath
            } else {
                &mut user.auth.authenticators
            };
            match (method, rest) {
                ("GET", []) => collection(
                    format!(
                        "{base}/{version}/$metadata#users('{}')/authentication/{collection_name}",
                        user.id
                    ),
                    apps.iter().map(|a| app_json(kind, a)).collect(),
                ),
                ("GET", [id]) => match apps.iter().find(|a| a.id == *id) {
                    Some(app) => SimResponse::json(200, app_json(kind, app)),
                    None => not_found(id),
                },
                ("DELETE", [id]) => {
                    let Some(position) = apps.iter().position(|a| a.id == *id) else {
                        return not_found(id);
                    };
                    let others = user.auth.mfa_method_count() > 1;
                    let is_default = user.auth.preferred_method.as_deref() == Some(preferred)
                        && (kind == "authenticator" && user.auth.authenticators.len() == 1
                            || kind == "softwareOath" && user.auth.software_oath.len() == 1);
                    if is_default && others {
                        return methods_bad_request(DEFAULT_DELETE_MESSAGE);
                    }
                    let apps = if kind == "softwareOath" {
                        &mut user.auth.software_oath
                    } else {
                        &mut user.auth.authenticators
                    };
                    apps.remove(position);
                    if is_default {
                        user.auth.preferred_method = None;
                    }
                    SimResponse::no_content()
                }
                ("POST", []) => error(
                    405,
                    "Request_BadRequest",
                    "Specified HTTP method is not allowed for the request target.",
                ),
                _ => error(
                    405,
                    "Request_BadRequest",
                    "Specified HTTP method is not allowed for the request target.",
                ),
            }
        }
        ("GET", ["passwordMethods"]) => collection(
            format!(
                "{base}/{version}/$metadata#users('{}')/authentication/passwordMethods",
                user.id
            ),
            vec![
                json!({"id": PASSWORD_METHOD_ID, "password": null, "createdDateTime": user.last_password_change_date_time}),
            ],
        ),
        ("DELETE", ["emailMethods", _]) => {
            if user.auth.email.take().is_none() {
                return not_found(rest[1]);
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

fn deleted_item(
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
            tenant.users.remove(index);
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

fn role_json(role: &SimRole) -> Value {
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
fn role_key(key: &str) -> Option<RoleKey> {
    match key.strip_prefix("roleTemplateId=") {
        Some(template) => Uuid::parse_str(template.trim_matches('\''))
            .ok()
            .map(RoleKey::Template),
        None => Uuid::parse_str(key).ok().map(RoleKey::Id),
    }
}

fn activate_role(tenant: &mut SimTenant, request: &SimRequest) -> SimResponse {
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

fn role_resource(
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
            let reference = request
                .body
                .as_ref()
                .and_then(|b| b["@odata.id"].as_str())
                .unwrap_or("");
            let Some(member) = reference
                .rsplit('/')
                .next()
                .and_then(|id| Uuid::parse_str(id).ok())
            else {
                return bad_request("Invalid object identifier in @odata.id.");
            };
            if tenant.directory_object(member).is_none() {
                return not_found(&member.to_string());
            }
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

fn list_groups(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_follow_graphs_format() {
        assert!(valid_phone_number("+1 4255550101"));
        assert!(valid_phone_number("+44 2079460000x12"));
        assert!(!valid_phone_number("+14255550101"));
        assert!(!valid_phone_number("425 555 0101"));
        assert_eq!(mask("+1 4255550101"), "+1 XXXXXXXX01");
    }
}
