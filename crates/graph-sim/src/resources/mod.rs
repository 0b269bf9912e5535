//! Graph's resources as the simulator answers them: one function from a parsed request to a
//! response, so that `$batch` items go through exactly the code plain requests do. The router is
//! here; each family of resources has its own file (administrative units, company, licenses, users, methods, roles,
//! groups, service principals, contacts).

use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::odata;
use crate::permissions;
use crate::state::{
    graph_time, AssignedLicense, PhoneType, RoleKey, SimRole, SimTenant, SimUser,
    PASSWORD_METHOD_ID,
};

mod administrative_units;
mod company;
mod contacts;
mod devices;
mod directory_settings;
mod groups;
mod licenses;
mod methods;
mod roles;
mod service_principals;
mod users;

use crate::role_templates::{
    self, AUTHENTICATION_ADMINISTRATOR, GLOBAL_ADMINISTRATOR,
    PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
};
use administrative_units::*;
use company::*;
use contacts::*;
use devices::*;
use directory_settings::*;
use groups::*;
use licenses::*;
use methods::*;
use roles::*;
use service_principals::*;
use users::*;

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
        ("PATCH", ["organization", id]) => update_organization(tenant, id, request),
        ("GET", ["domains"]) => collection(
            format!("{}/v1.0/$metadata#domains", request.base_url),
            tenant.domains.iter().map(domain_json).collect(),
        ),
        ("GET", ["domains", name]) => match tenant.domains.iter().find(|d| d.id.eq_ignore_ascii_case(name)) {
            Some(domain) => SimResponse::json(200, domain_json(domain)),
            None => not_found(name),
        },
        ("PATCH", ["domains", name]) => update_domain(tenant, name, request),
        (_, ["domains", name, "federationConfiguration", rest @ ..]) => domain_federation(tenant, name, rest, request),
        ("GET", ["policies", "authorizationPolicy"]) => authorization_policy(tenant, request),
        ("GET", ["directory", "onPremisesSynchronization"]) => on_premises_synchronizations(tenant, request),
        ("GET", ["directory", "onPremisesSynchronization", id]) => on_premises_synchronization(tenant, id, request),
        ("PATCH", ["directory", "onPremisesSynchronization", id]) => update_on_premises_synchronization(tenant, id, request),
        ("PATCH", ["policies", "authorizationPolicy"]) => update_authorization_policy(tenant, request),
        ("POST", ["domains"]) => add_domain(tenant, request),
        ("DELETE", ["domains", name]) => delete_domain(tenant, name),
        ("GET", ["domains", name, "domainNameReferences"]) => domain_name_references(tenant, name, request),
        ("GET", ["domains", name, "verificationDnsRecords"]) => verification_records(tenant, name, request),
        ("POST", ["domains", name, "verify"]) => verify_domain(tenant, name),
        ("GET", ["contacts"]) => list_contacts(tenant, request),
        ("GET", ["contacts", id]) => get_contact(tenant, id, request),
        ("GET", ["directory", "administrativeUnits"]) => list_administrative_units(tenant, request),
        ("POST", ["directory", "administrativeUnits"]) => create_administrative_unit(tenant, request),
        (_, ["directory", "administrativeUnits", id, rest @ ..]) => {
            let Some(index) = Uuid::parse_str(id).ok().and_then(|id| tenant.administrative_units.iter().position(|u| u.id == id)) else {
                return not_found(id);
            };
            administrative_unit_resource(tenant, index, rest, request)
        }
        ("GET", ["groupSettingTemplates", rest @ ..]) => setting_templates(request, rest),
        (_, ["groupSettings", rest @ ..]) => group_settings_resource(tenant, None, rest, request),
        ("GET", ["devices"]) => list_devices(tenant, request),
        ("GET", ["policies", "deviceRegistrationPolicy"]) => device_registration_policy(tenant, request),
        ("PUT", ["policies", "deviceRegistrationPolicy"]) => replace_device_registration_policy(tenant, request),
        ("GET", ["devices", key]) => get_device(tenant, key, request),
        ("PATCH", ["devices", key]) => update_device(tenant, key, request),
        ("DELETE", ["devices", key]) => delete_device(tenant, key),
        ("GET", ["servicePrincipals"]) => list_service_principals(tenant, request),
        ("POST", ["servicePrincipals"]) => create_service_principal(tenant, request),
        ("DELETE", ["servicePrincipals", id]) => delete_service_principal(tenant, id),
        ("POST", ["applications"]) => create_application(tenant, request),
        ("GET", ["servicePrincipals", id]) => get_service_principal(tenant, id, request),
        ("PATCH", ["servicePrincipals", id]) => update_service_principal(tenant, id, request),
        ("POST", ["servicePrincipals", id, "removePassword"]) => remove_password(tenant, id, request),
        ("GET", ["subscribedSkus"]) => subscribed_skus(tenant, request),
        ("GET", ["directory", "subscriptions"]) => company_subscriptions(tenant, request),
        ("GET", ["directory", "subscriptions", id]) => company_subscription(tenant, id),
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
        ("POST", ["groups"]) => create_group(tenant, request),
        (_, ["groups", id, rest @ ..]) => {
            let Some(index) = Uuid::parse_str(id).ok().and_then(|id| tenant.groups.iter().position(|g| g.id == id)) else {
                return not_found(id);
            };
            group_resource(tenant, index, rest, request)
        }
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
            Some(kind @ ("user" | "group" | "servicePrincipal" | "device")) => Some(kind),
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

/// The directory object a `$ref` body's `@odata.id` names (its last segment), which must exist.
fn referenced_object(tenant: &SimTenant, request: &SimRequest) -> Result<Uuid, SimResponse> {
    let reference = request
        .body
        .as_ref()
        .and_then(|b| b["@odata.id"].as_str())
        .unwrap_or("");
    let Some(id) = reference
        .rsplit('/')
        .next()
        .and_then(|id| Uuid::parse_str(id).ok())
    else {
        return Err(bad_request("Invalid object identifier in @odata.id."));
    };
    if tenant.directory_object(id).is_none() {
        return Err(not_found(&id.to_string()));
    }
    Ok(id)
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

/// One page of a collection of `total` objects in creation order (`$top`, `$skiptoken`), whose
/// items `page` shows for the positions it is given, with the next link while more follow.
fn paged_collection(
    request: &SimRequest,
    resource: &str,
    total: usize,
    page: impl FnOnce(std::ops::Range<usize>) -> Vec<Value>,
) -> SimResponse {
    let top = match page_size(request) {
        Ok(top) => top,
        Err(response) => return response,
    };
    let start = request
        .param("$skiptoken")
        .and_then(parse_skip_token)
        .unwrap_or(0);
    let end = (start + top).min(total);
    let mut body = json!({
        "@odata.context": format!("{}/v1.0/$metadata#{resource}", request.base_url),
        "value": page(start.min(end)..end),
    });
    if end < total {
        body["@odata.nextLink"] = json!(next_link(request, resource, end));
    }
    SimResponse::json(200, body)
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
