//! A Microsoft Graph simulator built from Microsoft's documented requests and responses
//! (reference/graph.md): the identity platform's token endpoints, the Graph resources the bridge
//! uses, `$batch`, the identity service's throttling, plus injected latency and faults. Any Graph
//! client can use it: it serves Microsoft's paths on one origin.

pub mod assertion;
pub mod identity;
pub mod odata;
pub mod permissions;
pub mod resources;
pub mod role_templates;
pub mod state;
pub mod throttle;

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use bytes::Bytes;
use serde_json::{json, Value};
use tokio::net::TcpListener;
use uuid::Uuid;
use warp::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use warp::reply::Response;
use warp::{Filter, Reply};

use identity::Identity;
use resources::{Caller, SimRequest, SimResponse, Version};
use state::SimTenant;
use throttle::{Limits, Throttle, Verdict};

/// The application id the simulator registers as a confidential client unless told another.
pub const SIMULATED_APP_ID: &str = "5c3b3f6e-1b1a-4c52-9a0e-6d0f3a1b2c4d";
/// Where the simulator reads that client's secret (never from the command line).
pub const CLIENT_SECRET_VARIABLE: &str = "MSOL_BRIDGE_SIM_CLIENT_SECRET";

/// Requests one `$batch` may hold: "JSON batch requests are currently limited to 20 individual
/// requests" (graph/json-batching, "Batch size limitations").
pub const BATCH_LIMIT: usize = 20;

/// How the simulator behaves beyond the documentation's defaults.
#[derive(Clone, Debug)]
pub struct SimSettings {
    pub auto_approve: bool,
    /// Confidential clients: application id and client secret.
    pub apps: HashMap<String, String>,
    /// Confidential clients' certificates (DER), by application id.
    pub app_certificates: HashMap<String, Vec<Vec<u8>>>,
    /// The permissions the tenant consented for a client id (delegated scopes for public
    /// clients, application permissions for confidential ones). A client with no entry is fully
    /// consented (every permission in `permissions::all_permissions`).
    pub consents: HashMap<String, std::collections::BTreeSet<String>>,
    pub token_lifetime: Duration,
    pub limits: Option<Limits>,
    /// Added to every HTTP exchange (not per batch item).
    pub latency: Duration,
    /// Fraction of requests (and batch items) answered 503 before they are processed.
    pub unavailable_rate: f64,
    /// The `Retry-After` those 503s carry.
    pub unavailable_retry_after: Duration,
    /// Fraction of write requests processed and then answered with a dropped connection.
    pub drop_rate: f64,
    pub seed: u64,
}

impl Default for SimSettings {
    fn default() -> SimSettings {
        SimSettings {
            auto_approve: false,
            apps: HashMap::new(),
            app_certificates: HashMap::new(),
            consents: HashMap::new(),
            token_lifetime: Duration::from_secs(3599),
            limits: Some(Limits::DOCUMENTED),
            latency: Duration::ZERO,
            unavailable_rate: 0.0,
            unavailable_retry_after: Duration::from_secs(1),
            drop_rate: 0.0,
            seed: 1,
        }
    }
}

/// Counts a test or benchmark can read back.
#[derive(Clone, Debug, Default)]
pub struct SimCounters {
    /// Graph requests, each batch item counted as one.
    pub requests: u64,
    pub batch_items: u64,
    /// `$batch` envelopes received.
    pub batches: u64,
    pub throttled: u64,
    pub unavailable: u64,
    pub dropped: u64,
    /// Requests an app sent before the `Retry-After` it was given had passed.
    pub early_retries: u64,
    /// Access tokens issued.
    pub tokens_issued: u64,
    /// Resource units charged to admitted requests.
    pub resource_units: f64,
    /// Requests and batch items marked `x-ms-throttle-priority: Low`.
    pub low_priority: u64,
    /// Writes that reached a resource, by method and path (for lost-or-doubled checks).
    pub writes: HashMap<String, u64>,
}

struct Sim {
    tenant: SimTenant,
    identity: Identity,
    throttle: Option<Throttle>,
    rng: u64,
    counters: SimCounters,
    /// Per throttled request (app, method, URL): when it may come again. For batch items that is
    /// the longest `Retry-After` of their batch, as reference/graph.md section 5 asks.
    retry_not_before: HashMap<String, Instant>,
}

impl Sim {
    fn chance(&mut self, rate: f64) -> bool {
        if rate <= 0.0 {
            return false;
        }
        // xorshift64*: reproducible from the seed, good enough for fault injection.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        let value = self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (value >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - rate
    }
}

#[derive(Clone)]
pub struct SimHandle {
    sim: Arc<Mutex<Sim>>,
    settings: Arc<SimSettings>,
}

impl SimCounters {
    /// HTTP requests that reached the Graph endpoints: plain requests plus `$batch` envelopes.
    pub fn round_trips(&self) -> u64 {
        self.requests - self.batch_items + self.batches
    }
}

impl SimHandle {
    pub fn counters(&self) -> SimCounters {
        let sim = self.sim.lock().expect("simulator state");
        let mut counters = sim.counters.clone();
        counters.tokens_issued = sim.identity.issued();
        counters
    }

    /// Ends every access token now, as when tokens expire or are revoked mid-run.
    pub fn expire_tokens(&self) {
        self.sim
            .lock()
            .expect("simulator state")
            .identity
            .expire_all();
    }

    /// Reads the simulated tenant (tests check what landed).
    pub fn with_tenant<T>(&self, read: impl FnOnce(&SimTenant) -> T) -> T {
        read(&self.sim.lock().expect("simulator state").tenant)
    }

    pub fn with_tenant_mut<T>(&self, change: impl FnOnce(&mut SimTenant) -> T) -> T {
        change(&mut self.sim.lock().expect("simulator state").tenant)
    }
}

pub struct GraphSimulator {
    listener: TcpListener,
    address: SocketAddr,
    handle: SimHandle,
}

impl GraphSimulator {
    pub async fn bind(
        listen: SocketAddr,
        mut tenant: SimTenant,
        settings: SimSettings,
    ) -> Result<GraphSimulator> {
        let listener = TcpListener::bind(listen)
            .await
            .with_context(|| format!("listening on {listen}"))?;
        let address = listener.local_addr()?;
        ensure_global_administrator(&mut tenant);
        // A seed's deleted users are held as Entra holds them.
        for index in 0..tenant.users.len() {
            if tenant.users[index].deleted_date_time.is_some() {
                tenant.delete_user(index, chrono::Utc::now());
            }
        }
        let sim = Sim {
            identity: Identity::new(
                settings.apps.clone(),
                settings.app_certificates.clone(),
                settings.consents.clone(),
                settings.auto_approve,
                settings.token_lifetime,
            ),
            throttle: settings.limits.map(Throttle::new),
            rng: settings.seed.max(1),
            counters: SimCounters::default(),
            retry_not_before: HashMap::new(),
            tenant,
        };
        Ok(GraphSimulator {
            listener,
            address,
            handle: SimHandle {
                sim: Arc::new(Mutex::new(sim)),
                settings: Arc::new(settings),
            },
        })
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn handle(&self) -> SimHandle {
        self.handle.clone()
    }

    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) {
        let handle = self.handle;
        let route = warp::method()
            .and(warp::path::full())
            .and(warp::query::raw().or(warp::any().map(String::new)).unify())
            .and(warp::header::headers_cloned())
            .and(warp::body::bytes())
            .then(
                move |method: Method,
                      path: warp::path::FullPath,
                      query: String,
                      headers: HeaderMap,
                      body: Bytes| {
                    let handle = handle.clone();
                    async move {
                        serve(
                            handle,
                            method,
                            path.as_str().to_string(),
                            query,
                            headers,
                            body,
                        )
                        .await
                    }
                },
            );
        warp::serve(route)
            .incoming(self.listener)
            .graceful(shutdown)
            .run()
            .await;
    }
}

/// A tenant to sign in to needs an administrator: a tenant without one gets `admin@<initial domain>`.
fn ensure_global_administrator(tenant: &mut SimTenant) {
    if identity::first_global_administrator(tenant).is_some() {
        return;
    }
    let upn = format!("admin@{}", tenant.initial_domain());
    let mut user = state::SimUser::new(Uuid::new_v4(), upn);
    user.display_name = Some("Administrator".to_string());
    user.mail_nickname = Some("admin".to_string());
    let id = user.id;
    tenant.users.push(user);
    let template = Uuid::parse_str(role_templates::GLOBAL_ADMINISTRATOR).expect("valid");
    match tenant.role_by_key(&state::RoleKey::Template(template)) {
        Some(index) => {
            tenant.roles[index].members.insert(id);
        }
        None => tenant.roles.push(state::SimRole {
            id: Uuid::new_v4(),
            role_template_id: template,
            members: [id].into(),
        }),
    }
}

pub fn parse_form(body: &str) -> HashMap<String, String> {
    parse_query(body).into_iter().collect()
}

/// `name=value` pairs, decoded as forms and queries are (`+` is a space).
fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (
                msol_encoding::percent::decode(k, true),
                msol_encoding::percent::decode(v, true),
            )
        })
        .collect()
}

/// Splits a resource path into segments, turning key syntax into its own segment:
/// `users('$x@y.com')` → `users`, `$x@y.com`; `directoryRoles(roleTemplateId='t')` → `directoryRoles`, `roleTemplateId=t`.
fn segments(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in path.split('/').filter(|s| !s.is_empty()) {
        let segment = msol_encoding::percent::decode(raw, false);
        match (segment.find('('), segment.ends_with(')')) {
            (Some(open), true) if open > 0 => {
                out.push(segment[..open].to_string());
                let key = &segment[open + 1..segment.len() - 1];
                let key = match key.split_once('=') {
                    Some((name, value)) => format!("{name}={}", value.trim_matches('\'')),
                    None => key.trim_matches('\'').to_string(),
                };
                out.push(key);
            }
            _ => out.push(segment),
        }
    }
    out
}

/// Graph's content type for JSON answers, as its responses (and `$batch` items) carry it.
const JSON_CONTENT_TYPE: &str =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

struct Exchange {
    status: u16,
    headers: Vec<(String, String)>,
    body: Option<Value>,
    text: Option<String>,
}

fn finish(
    mut response: SimResponse,
    request_id: &str,
    client_request_id: &str,
    extra: Vec<(String, String)>,
) -> Exchange {
    if let Some(Value::Object(body)) = &mut response.body {
        if let Some(Value::Object(error)) = body.get_mut("error") {
            let inner = error.entry("innerError").or_insert_with(|| json!({}));
            inner["date"] = json!(chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string());
            inner["request-id"] = json!(request_id);
            inner["client-request-id"] = json!(client_request_id);
        }
    }
    let mut headers = vec![
        ("request-id".to_string(), request_id.to_string()),
        (
            "client-request-id".to_string(),
            client_request_id.to_string(),
        ),
    ];
    headers.extend(extra);
    Exchange {
        status: response.status,
        headers,
        body: response.body,
        text: response.text,
    }
}

/// One Graph request through throttling, fault injection and the resource handler.
fn graph_request(
    sim: &mut Sim,
    settings: &SimSettings,
    request: &SimRequest,
    client_request_id: &str,
) -> Exchange {
    let request_id = Uuid::new_v4().to_string();
    sim.counters.requests += 1;
    let key = request.retry_key();
    if request.low_priority {
        sim.counters.low_priority += 1;
    }
    if let Some(until) = sim.retry_not_before.remove(&key) {
        if Instant::now() < until {
            sim.counters.early_retries += 1;
        }
    }
    if sim.chance(settings.unavailable_rate) {
        sim.counters.unavailable += 1;
        let wait = settings.unavailable_retry_after.as_secs_f64();
        let response = resources::error(
            503,
            "Request_ThrottledTemporarily",
            &format!("Your request is throttled temporarily. Please try after {wait} seconds."),
        );
        return finish(
            response,
            &request_id,
            client_request_id,
            vec![("Retry-After".to_string(), format!("{wait}"))],
        );
    }
    let units = request.resource_units();
    let mut extra = vec![("x-ms-resource-unit".to_string(), format!("{units}"))];
    if let Some(throttle) = sim.throttle.as_mut() {
        let size = sim.tenant.size();
        match throttle.admit(
            &request.caller.app_id,
            &sim.tenant.id.to_string(),
            size,
            units,
            request.is_write(),
            request.low_priority,
        ) {
            Verdict::Allowed { limit_percentage } => {
                sim.counters.resource_units += units;
                if let Some(p) = limit_percentage {
                    extra.push((
                        "x-ms-throttle-limit-percentage".to_string(),
                        format!("{p:.1}"),
                    ));
                }
            }
            Verdict::Throttled {
                retry_after_seconds,
                limit_percentage,
                scope,
                information,
            } => {
                sim.counters.throttled += 1;
                sim.retry_not_before.insert(
                    key,
                    Instant::now() + Duration::from_secs_f64(retry_after_seconds),
                );
                let mut response =
                    resources::error(429, "TooManyRequests", "Please retry again later.");
                if let Some(body) = &mut response.body {
                    body["error"]["innerError"] =
                        json!({"code": "429", "message": "Please retry after", "status": "429"});
                }
                // Whole seconds, as graph/throttling's current sample (`Retry-After: 10`)
                // shows; rounded up, so a client that waits as told is admitted.
                extra.push((
                    "Retry-After".to_string(),
                    format!("{}", retry_after_seconds.ceil().max(1.0) as u64),
                ));
                extra.push((
                    "x-ms-throttle-limit-percentage".to_string(),
                    format!("{limit_percentage:.1}"),
                ));
                extra.push(("x-ms-throttle-scope".to_string(), scope));
                extra.push((
                    "x-ms-throttle-information".to_string(),
                    information.to_string(),
                ));
                return finish(response, &request_id, client_request_id, extra);
            }
        }
    }
    let response = resources::handle(&mut sim.tenant, request);
    if request.is_write() && response.status < 400 {
        *sim.counters
            .writes
            .entry(format!(
                "{} /{}",
                request.method,
                request.segments.join("/")
            ))
            .or_default() += 1;
    }
    finish(response, &request_id, client_request_id, extra)
}

fn respond(
    status: u16,
    content_type: Option<&str>,
    headers: &[(String, String)],
    body: String,
) -> Response {
    let mut response = body.into_response();
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let map = response.headers_mut();
    map.remove("content-type");
    if let Some(content_type) = content_type {
        map.insert(
            "content-type",
            HeaderValue::from_str(content_type).expect("a valid content type"),
        );
    }
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            map.insert(name, value);
        }
    }
    response
}

fn reply(exchange: Exchange) -> Response {
    match (exchange.body, exchange.text) {
        (Some(body), _) => respond(
            exchange.status,
            Some(JSON_CONTENT_TYPE),
            &exchange.headers,
            body.to_string(),
        ),
        (None, Some(text)) => respond(exchange.status, Some("text/plain"), &exchange.headers, text),
        (None, None) => respond(exchange.status, None, &exchange.headers, String::new()),
    }
}

fn plain(status: u16, text: String) -> Response {
    respond(status, Some("text/plain; charset=utf-8"), &[], text)
}

fn token_reply((status, body): identity::TokenAnswer) -> Response {
    respond(
        status,
        Some("application/json; charset=utf-8"),
        &[(
            "cache-control".to_string(),
            "no-store, no-cache".to_string(),
        )],
        body.to_string(),
    )
}

/// A response whose connection breaks after the request was processed: the write landed, the
/// client never hears so.
fn dropped() -> Response {
    let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
        Ok(Bytes::from_static(b"{")),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "injected connection drop",
        )),
    ];
    warp::reply::stream(futures_util::stream::iter(chunks)).into_response()
}

async fn serve(
    handle: SimHandle,
    method: Method,
    path: String,
    query: String,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !handle.settings.latency.is_zero() {
        tokio::time::sleep(handle.settings.latency).await;
    }
    let host = headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost")
        .to_string();
    // Behind a TLS terminator (which keeps Host and says `X-Forwarded-Proto: https`), links
    // point at it: clients such as MSAL accept https authorities only.
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
    {
        Some(proto) if proto.eq_ignore_ascii_case("https") => "https",
        _ => "http",
    };
    let base_url = format!("{scheme}://{host}");
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let client_request_id =
        header("client-request-id").unwrap_or_else(|| Uuid::new_v4().to_string());
    let parts = segments(&path);
    let version = match parts.first().map(String::as_str) {
        Some("v1.0") => Some(Version::V1),
        Some("beta") => Some(Version::Beta),
        _ => None,
    };
    let mut sim = handle.sim.lock().expect("simulator state");
    let Some(version) = version else {
        return identity_endpoint(&mut sim, &parts, &method, &body, &base_url);
    };
    let caller = match caller(&sim, header("authorization")) {
        Ok(caller) => caller,
        Err(message) => {
            let response = resources::error(401, "InvalidAuthenticationToken", message);
            return reply(finish(
                response,
                &Uuid::new_v4().to_string(),
                &client_request_id,
                Vec::new(),
            ));
        }
    };
    let body_json: Option<Value> = if body.is_empty() {
        None
    } else {
        match serde_json::from_slice(&body) {
            Ok(value) => Some(value),
            Err(_) => {
                let response = resources::error(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
                return reply(finish(
                    response,
                    &Uuid::new_v4().to_string(),
                    &client_request_id,
                    Vec::new(),
                ));
            }
        }
    };
    let low_priority =
        header("x-ms-throttle-priority").is_some_and(|p| p.eq_ignore_ascii_case("low"));
    if parts.len() == 2 && parts[1] == "$batch" && method == Method::POST {
        let exchange = batch(
            &mut sim,
            &handle.settings,
            version,
            body_json,
            &caller,
            &base_url,
            &client_request_id,
        );
        return reply(exchange);
    }
    let request = SimRequest {
        method: method.as_str().to_string(),
        version,
        segments: parts[1..].to_vec(),
        query: parse_query(&query),
        eventual: header("consistencylevel").is_some_and(|v| v.eq_ignore_ascii_case("eventual")),
        low_priority,
        body: body_json,
        caller,
        base_url,
    };
    let exchange = graph_request(&mut sim, &handle.settings, &request, &client_request_id);
    if request.is_write() && exchange.status < 400 && sim.chance(handle.settings.drop_rate) {
        sim.counters.dropped += 1;
        return dropped();
    }
    reply(exchange)
}

fn caller(sim: &Sim, authorization: Option<String>) -> Result<Caller, &'static str> {
    let token = authorization
        .as_deref()
        .and_then(|a| {
            a.strip_prefix("Bearer ")
                .or_else(|| a.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or("Access token is empty.")?;
    let grant = sim
        .identity
        .grant_of(token)
        .ok_or("CompactToken parsing failed with error code: 80049217")?;
    if Instant::now() >= grant.expires {
        return Err("Access token has expired or is not yet valid.");
    }
    Ok(Caller {
        app_id: grant.app_id.clone(),
        user: grant.user,
        permissions: grant.permissions.clone(),
    })
}

fn identity_endpoint(
    sim: &mut Sim,
    parts: &[String],
    method: &Method,
    body: &Bytes,
    base_url: &str,
) -> Response {
    let form = parse_form(&String::from_utf8_lossy(body));
    match (method.as_str(), parts) {
        ("POST", [tenant, oauth, v2, endpoint]) if oauth == "oauth2" && v2 == "v2.0" => {
            if !tenant_matches(&sim.tenant, tenant) {
                return token_reply(identity::token_error(400, "invalid_request", 90002, &format!("Tenant '{tenant}' not found.")));
            }
            match endpoint.as_str() {
                "token" => token_reply(sim.identity.token(&form, &sim.tenant, tenant, base_url)),
                "devicecode" => token_reply(sim.identity.device_code(&form, base_url)),
                _ => plain(404, "Not found.".to_string()),
            }
        }
        ("GET", [tenant, v2, known, document])
            if v2 == "v2.0" && known == ".well-known" && document == "openid-configuration" =>
        {
            if !tenant_matches(&sim.tenant, tenant) {
                return token_reply(identity::token_error(400, "invalid_tenant", 90002, &format!("Tenant '{tenant}' not found.")));
            }
            token_reply((200, Identity::openid_configuration(&sim.tenant, tenant, base_url)))
        }
        // The keys id_tokens would be checked with: none (see Identity::add_openid).
        ("GET", [_, discovery, v2, keys]) if discovery == "discovery" && v2 == "v2.0" && keys == "keys" => {
            token_reply((200, json!({"keys": []})))
        }
        ("GET", [page]) if page == "devicelogin" => plain(200, "Approve a device code: POST this page with user_code and username (form fields).".to_string()),
        ("POST", [page]) if page == "devicelogin" => {
            let (status, text) = sim.identity.approve(&form, &sim.tenant);
            plain(status, text)
        }
        _ => plain(404, "Not found: this simulator serves /{tenant}/oauth2/v2.0/token|devicecode, /devicelogin, /v1.0/... and /beta/....".to_string()),
    }
}

fn tenant_matches(tenant: &SimTenant, name: &str) -> bool {
    name.eq_ignore_ascii_case("organizations")
        || name.eq_ignore_ascii_case("common")
        || Uuid::parse_str(name).ok() == Some(tenant.id)
        || tenant
            .domains
            .iter()
            .any(|d| d.id.eq_ignore_ascii_case(name))
}

/// `POST /{version}/$batch`: at most 20 items, ids unique (case-insensitive), `dependsOn` giving
/// 424 when a dependency failed, items answered in an order of the simulator's choosing.
fn batch(
    sim: &mut Sim,
    settings: &SimSettings,
    version: Version,
    body: Option<Value>,
    caller: &Caller,
    base_url: &str,
    client_request_id: &str,
) -> Exchange {
    let request_id = Uuid::new_v4().to_string();
    sim.counters.batches += 1;
    let Some(items) = body
        .as_ref()
        .and_then(|b| b["requests"].as_array())
        .cloned()
    else {
        return finish(
            resources::error(400, "BadRequest", "Invalid batch payload format."),
            &request_id,
            client_request_id,
            Vec::new(),
        );
    };
    // UNCONFIRMED (reference/graph.md 5): the whole batch is refused with 400 beyond 20 items.
    if items.len() > BATCH_LIMIT {
        return finish(
            resources::error(
                400,
                "BadRequest",
                &format!(
                    "Number of requests {} exceeds the maximum of {BATCH_LIMIT}.",
                    items.len()
                ),
            ),
            &request_id,
            client_request_id,
            Vec::new(),
        );
    }
    let mut seen = std::collections::HashSet::new();
    for item in &items {
        let id = item["id"].as_str().unwrap_or("").to_ascii_lowercase();
        if id.is_empty() || !seen.insert(id) {
            return finish(
                resources::error(
                    400,
                    "BadRequest",
                    "Batch request ids must be present and unique.",
                ),
                &request_id,
                client_request_id,
                Vec::new(),
            );
        }
    }
    let mut statuses: HashMap<String, u16> = HashMap::new();
    let mut responses = Vec::new();
    for item in &items {
        sim.counters.batch_items += 1;
        let id = item["id"].as_str().unwrap_or("").to_string();
        let failed_dependency = item["dependsOn"].as_array().is_some_and(|deps| {
            deps.iter().any(|d| {
                d.as_str()
                    .and_then(|d| statuses.get(&d.to_ascii_lowercase()))
                    .is_none_or(|s| *s >= 400)
            })
        });
        let exchange = if failed_dependency {
            finish(
                resources::error(
                    424,
                    "FailedDependency",
                    "A request this one depends on failed.",
                ),
                &Uuid::new_v4().to_string(),
                client_request_id,
                Vec::new(),
            )
        } else {
            let url = item["url"].as_str().unwrap_or("");
            let (path, query) = url.split_once('?').unwrap_or((url, ""));
            let headers = item["headers"].as_object();
            let eventual = headers.is_some_and(|h| {
                h.iter().any(|(k, v)| {
                    k.eq_ignore_ascii_case("consistencylevel")
                        && v.as_str()
                            .is_some_and(|v| v.eq_ignore_ascii_case("eventual"))
                })
            });
            if item.get("body").is_some()
                && !headers
                    .is_some_and(|h| h.keys().any(|k| k.eq_ignore_ascii_case("content-type")))
            {
                finish(
                    resources::error(
                        400,
                        "BadRequest",
                        "Content-Type header is required for a request with a body.",
                    ),
                    &Uuid::new_v4().to_string(),
                    client_request_id,
                    Vec::new(),
                )
            } else {
                let request = SimRequest {
                    method: item["method"]
                        .as_str()
                        .unwrap_or("GET")
                        .to_ascii_uppercase(),
                    version,
                    segments: segments(path),
                    query: parse_query(query),
                    eventual,
                    // Each item goes by its own headers: "the request headers of the
                    // individual requests" apply to them (graph/json-batching), not the envelope's.
                    low_priority: headers
                        .and_then(|h| {
                            h.iter()
                                .find(|(k, _)| k.eq_ignore_ascii_case("x-ms-throttle-priority"))
                        })
                        .and_then(|(_, v)| v.as_str())
                        .is_some_and(|p| p.eq_ignore_ascii_case("low")),
                    body: item.get("body").cloned().filter(|b| !b.is_null()),
                    caller: caller.clone(),
                    base_url: base_url.to_string(),
                };
                graph_request(sim, settings, &request, client_request_id)
            }
        };
        statuses.insert(id.to_ascii_lowercase(), exchange.status);
        // graph/json-batching: each item's headers hold what a plain answer's would, among them
        // Cache-Control, OData-Version and, for a body, its Content-Type.
        let mut headers: serde_json::Map<String, Value> = exchange
            .headers
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect();
        headers.insert("Cache-Control".into(), json!("no-cache"));
        headers.insert("OData-Version".into(), json!("4.0"));
        if exchange.body.is_some() {
            headers.insert("Content-Type".into(), json!(JSON_CONTENT_TYPE));
        } else if exchange.text.is_some() {
            headers.insert("Content-Type".into(), json!("text/plain"));
        }
        let mut response = json!({
            "id": id,
            "status": exchange.status,
            "headers": headers,
        });
        if let Some(body) = exchange.body {
            response["body"] = body;
        } else if let Some(text) = exchange.text {
            response["body"] = json!(text);
        }
        responses.push(response);
    }
    // Throttled items are to come back after the longest Retry-After among them.
    let throttled: Vec<(String, Instant)> = items
        .iter()
        .filter_map(|item| {
            let key = batch_item_key(item, version, &caller.app_id);
            sim.retry_not_before.get(&key).map(|until| (key, *until))
        })
        .collect();
    if let Some(longest) = throttled.iter().map(|(_, until)| *until).max() {
        for (key, _) in throttled {
            sim.retry_not_before.insert(key, longest);
        }
    }
    // Graph answers batch items in any order: clients must match them by id.
    responses.reverse();
    Exchange {
        status: 200,
        headers: vec![
            ("request-id".to_string(), request_id),
            (
                "client-request-id".to_string(),
                client_request_id.to_string(),
            ),
        ],
        body: Some(json!({"responses": responses})),
        text: None,
    }
}

fn batch_item_key(item: &Value, version: Version, app_id: &str) -> String {
    let url = item["url"].as_str().unwrap_or("");
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    SimRequest::key_of(
        app_id,
        &item["method"]
            .as_str()
            .unwrap_or("GET")
            .to_ascii_uppercase(),
        version,
        &segments(path),
        &parse_query(query),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_key_syntax_into_segments() {
        assert_eq!(
            segments("/v1.0/users('%24x%40y.com')/authentication"),
            vec!["v1.0", "users", "$x@y.com", "authentication"]
        );
        assert_eq!(
            segments("/v1.0/directoryRoles(roleTemplateId='62e90394-69f5-4237-9190-012177145e10')/members/$ref"),
            vec!["v1.0", "directoryRoles", "roleTemplateId=62e90394-69f5-4237-9190-012177145e10", "members", "$ref"]
        );
        assert_eq!(parse_form("a=b%2Bc&scope=x+y")["scope"], "x y");
        assert_eq!(parse_form("a=b%2Bc")["a"], "b+c");
    }
}
