//! The bridge's HTTP API: `POST /v1/<cmdlet name>` with the cmdlet's parameters as JSON,
//! `POST /v1/<cmdlet name>/batch` with many (see `batch`), `POST /v1/batches/<id>/stop`, plus
//! `GET /openapi.json`, `GET /schemas/<name>.json`, `GET /health` and `GET /proof`.
//!
//! One router decides, in this order: is the route known (404), is the method right (405, with
//! `Allow`), is the caller allowed (Host, Origin, bearer: 403/401), is the body within the limit,
//! in time and JSON (413/408/400), does it pass the operation's schema (400); only then does the
//! directory see it. An answer given before the body was read closes the connection, so an unread
//! body is never taken for the next request.
//!
//! `GET /proof` with `Msol-Bridge-Challenge: <hex>` answers `Msol-Bridge-Proof` (see
//! `Secret::proof`) without the bearer: a client checks it on each new connection before it sends
//! the bearer or a body, so a process that took over a dead bridge's port receives neither.

pub mod batch;
pub mod error;
pub mod operations;
pub mod paging;

use std::sync::Arc;
use std::time::Instant;

use bytes::Buf;
use futures_util::{Stream, StreamExt};
use serde_json::{json, Value};
use warp::http::{HeaderMap, Method};
use warp::path::FullPath;
use warp::reply::Response;
use warp::{Filter, Reply};

use crate::directory::Directory;
use crate::schema::{self, RequestSchemas};
use crate::secret::Secret;
use error::ApiError;
use operations::Operation;

/// The next page token of a list answer, as a header too (see `operations::Answered`).
pub const NEXT_PAGE_TOKEN_HEADER: &str = "next-page-token";

/// Request bodies are parameter sets: a few KiB. Anything much larger is a mistake or an attack.
pub const BODY_LIMIT: usize = 256 * 1024;

/// The challenge header of `GET /proof` and the proof header of its answer.
pub const CHALLENGE_HEADER: &str = "msol-bridge-challenge";
pub const PROOF_HEADER: &str = "msol-bridge-proof";

pub struct ApiState {
    directory: Arc<dyn Directory>,
    schemas: Arc<RequestSchemas>,
    secret: Secret,
    /// Bounds the batch items in progress across every batch.
    batch_permits: Arc<tokio::sync::Semaphore>,
    batches: Arc<batch::RunningBatches>,
    /// `Host` values that name this bridge (defeats DNS rebinding from a browser).
    allowed_hosts: Vec<String>,
    openapi: Value,
    /// See `app::ServerLimits::body_read_timeout`.
    pub(crate) body_read_timeout: std::time::Duration,
}

impl ApiState {
    pub fn new(directory: Arc<dyn Directory>, secret: Secret, port: u16) -> ApiState {
        ApiState {
            directory,
            schemas: Arc::new(RequestSchemas::compile()),
            secret,
            batch_permits: Arc::new(tokio::sync::Semaphore::new(batch::CONCURRENCY)),
            batches: Arc::default(),
            allowed_hosts: vec![
                format!("127.0.0.1:{port}"),
                format!("localhost:{port}"),
                format!("[::1]:{port}"),
            ],
            openapi: schema::openapi(),
            body_read_timeout: crate::app::ServerLimits::default().body_read_timeout,
        }
    }
}

enum Route {
    Operation(Operation),
    Batch(Operation),
    StopBatch(uuid::Uuid),
    OpenApi,
    Schema(String),
    Health,
    Proof,
}

fn operation(name: &str) -> Result<Operation, ApiError> {
    Operation::from_name(name).ok_or_else(|| {
        ApiError::new(
            404,
            "OperationNotFoundException",
            format!("There is no operation named '{name}'."),
        )
        .with_allowed(
            Operation::ALL
                .iter()
                .map(|op| op.name().to_string())
                .collect(),
        )
    })
}

fn route(path: &str) -> Result<Route, ApiError> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["v1", "batches", id, "stop"] => id.parse().map(Route::StopBatch).map_err(|_| {
            ApiError::new(404, "RouteNotFoundException", format!("'{id}' is not a BatchId (a GUID)."))
        }),
        ["v1", name] => operation(name).map(Route::Operation),
        ["v1", name, "batch"] => operation(name).map(Route::Batch),
        ["openapi.json"] => Ok(Route::OpenApi),
        ["schemas", file] if file.ends_with(".json") => Ok(Route::Schema(file.trim_end_matches(".json").to_string())),
        ["health"] => Ok(Route::Health),
        ["proof"] => Ok(Route::Proof),
        _ => Err(ApiError::new(404, "RouteNotFoundException", format!("There is no route {path}; operations are POST /v1/<cmdlet name>, documented at GET /openapi.json."))),
    }
}

impl ApiState {
    /// Host and Origin: the request comes from a local client that named this bridge.
    fn check_origin(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let host = headers
            .get("host")
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default();
        if !self
            .allowed_hosts
            .iter()
            .any(|allowed| allowed.eq_ignore_ascii_case(host))
        {
            return Err(ApiError::forbidden(
                "The Host header does not name this bridge.",
            ));
        }
        if headers.contains_key("origin") {
            return Err(ApiError::forbidden(
                "Requests from web pages are refused: the bridge answers local scripts only.",
            ));
        }
        Ok(())
    }

    fn authorize(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        self.check_origin(headers)?;
        let bearer = headers
            .get("authorization")
            .and_then(|h| h.to_str().ok())
            .and_then(|h| {
                h.strip_prefix("Bearer ")
                    .or_else(|| h.strip_prefix("bearer "))
            });
        match bearer {
            Some(token) if self.secret.matches(token.trim()) => Ok(()),
            _ => Err(ApiError::unauthenticated()),
        }
    }
}

/// Reads the whole body within `limit` bytes and `timeout`.
async fn read_body<S, B>(
    body: S,
    limit: usize,
    timeout: std::time::Duration,
) -> Result<Vec<u8>, ApiError>
where
    S: Stream<Item = Result<B, warp::Error>>,
    B: Buf,
{
    match tokio::time::timeout(timeout, read_body_within(body, limit)).await {
        Ok(read) => read,
        Err(_) => Err(ApiError::new(
            408,
            "RequestTimeoutException",
            format!(
                "The request body did not arrive within {} s.",
                timeout.as_secs_f64()
            ),
        )),
    }
}

async fn read_body_within<S, B>(body: S, limit: usize) -> Result<Vec<u8>, ApiError>
where
    S: Stream<Item = Result<B, warp::Error>>,
    B: Buf,
{
    futures_util::pin_mut!(body);
    let mut bytes = Vec::new();
    while let Some(chunk) = body.next().await {
        let mut chunk = chunk.map_err(|e| {
            ApiError::new(
                400,
                "InvalidRequestException",
                format!("The request body could not be read: {e}"),
            )
        })?;
        if bytes.len() + chunk.remaining() > limit {
            return Err(ApiError::new(
                413,
                "RequestTooLargeException",
                format!("The request body exceeds {limit} bytes."),
            ));
        }
        while chunk.has_remaining() {
            let part = chunk.chunk();
            bytes.extend_from_slice(part);
            let read = part.len();
            chunk.advance(read);
        }
    }
    Ok(bytes)
}

async fn answer<S, B>(
    method: &Method,
    path: &str,
    headers: &HeaderMap,
    body: S,
    state: &ApiState,
) -> Result<Response, Refusal>
where
    S: Stream<Item = Result<B, warp::Error>>,
    B: Buf,
{
    let route = route(path).map_err(Refusal::closing)?;
    let expected = match route {
        Route::Operation(_) | Route::Batch(_) | Route::StopBatch(_) => Method::POST,
        _ => Method::GET,
    };
    if *method != expected {
        return Err(Refusal {
            error: ApiError::new(
                405,
                "MethodNotAllowedException",
                format!("{path} answers {expected}, not {method}."),
            )
            .with_allowed(vec![expected.to_string()]),
            close: true,
            allow: Some(expected.to_string()),
        });
    }
    if let Route::Proof = route {
        state.check_origin(headers).map_err(Refusal::closing)?;
        return proof(headers, &state.secret).map_err(Refusal::closing);
    }
    state.authorize(headers).map_err(Refusal::closing)?;
    // From here the body is read (or never sent): an error keeps the connection.
    let answered: Result<Response, ApiError> = async {
        match route {
            Route::Operation(op) => {
                let bytes = read_body(body, BODY_LIMIT, state.body_read_timeout).await?;
                // Only an absent body means "no parameters": whitespace alone is not JSON.
                let parameters: Value = if bytes.is_empty() {
                    json!({})
                } else {
                    serde_json::from_slice(&bytes).map_err(|e| {
                        ApiError::new(
                            400,
                            "InvalidRequestException",
                            format!("The request body is not JSON: {e}."),
                        )
                    })?
                };
                state.schemas.validate(op, &parameters)?;
                let answered = op.run(parameters, state.directory.as_ref()).await?;
                let mut response = Response::new(answered.json.into());
                let headers = response.headers_mut();
                headers.insert(
                    warp::http::header::CONTENT_TYPE,
                    warp::http::HeaderValue::from_static("application/json"),
                );
                if let Some(token) = answered.next_page_token {
                    if let Ok(value) = warp::http::HeaderValue::from_str(&token) {
                        headers.insert(NEXT_PAGE_TOKEN_HEADER, value);
                    }
                }
                Ok(response)
            }
            Route::Batch(op) => {
                let bytes = read_body(body, batch::BODY_LIMIT, state.body_read_timeout).await?;
                let json = batch::run(batch::BatchRun {
                    op,
                    batch: batch::parse(op, &bytes)?,
                    directory: Arc::clone(&state.directory),
                    schemas: Arc::clone(&state.schemas),
                    permits: Arc::clone(&state.batch_permits),
                    batches: Arc::clone(&state.batches),
                })
                .await?;
                let mut response = Response::new(json.into());
                response.headers_mut().insert(
                    warp::http::header::CONTENT_TYPE,
                    warp::http::HeaderValue::from_static("application/json"),
                );
                Ok(response)
            }
            Route::StopBatch(id) => Ok(warp::reply::json(&json!({
                "BatchId": id,
                "Stopping": state.batches.stop(id),
            }))
            .into_response()),
            Route::OpenApi => Ok(warp::reply::json(&state.openapi).into_response()),
            Route::Schema(name) if name.eq_ignore_ascii_case("tenant") => {
                Ok(warp::reply::json(&schema::tenant_schema()).into_response())
            }
            Route::Schema(name) => {
                let op = Operation::from_name(&name).ok_or_else(|| {
                    let mut allowed: Vec<String> = Operation::ALL
                        .iter()
                        .map(|op| op.name().to_string())
                        .collect();
                    allowed.push("tenant".to_string());
                    ApiError::new(
                        404,
                        "SchemaNotFoundException",
                        format!("There is no schema named '{name}'."),
                    )
                    .with_allowed(allowed)
                })?;
                Ok(warp::reply::json(&op.request_schema()).into_response())
            }
            Route::Health => Ok(warp::reply::json(&json!({
                "Status": "Ready",
                "Backend": state.directory.backend(),
                "Version": env!("CARGO_PKG_VERSION"),
            }))
            .into_response()),
            Route::Proof => unreachable!("answered before the bearer check"),
        }
    }
    .await;
    answered.map_err(|error| {
        // A body refused unread (too large, too slow) leaves bytes that are not a request head.
        let close = matches!(error.status, 408 | 413);
        Refusal {
            error,
            close,
            allow: None,
        }
    })
}

/// Requests warp cannot route, answered before it sees them: `CONNECT` (its authority-form target
/// has no path, on which warp's path filter panics) and any target without a path.
pub fn unroutable(method: &Method, uri: &warp::http::Uri) -> Option<Response> {
    if *method != Method::CONNECT && uri.path().starts_with(['/', '*']) {
        return None;
    }
    tracing::info!(method = %method, "request with a target the bridge does not serve");
    Some(
        Refusal {
            error: ApiError::new(
                405,
                "MethodNotAllowedException",
                format!("The bridge is no proxy and does not answer {method} {uri}; operations are POST /v1/<cmdlet name>."),
            )
            .with_allowed(vec!["GET".to_string(), "POST".to_string()]),
            close: true,
            allow: Some("GET, POST".to_string()),
        }
        .into_response(),
    )
}

/// An error answer, and how the connection ends.
struct Refusal {
    error: ApiError,
    /// Answered before the body was read: `Connection: close`, so the body is never parsed as a request.
    close: bool,
    /// The methods a 405 names in `Allow`.
    allow: Option<String>,
}

impl Refusal {
    fn closing(error: ApiError) -> Refusal {
        Refusal {
            error,
            close: true,
            allow: None,
        }
    }

    fn into_response(self) -> Response {
        let mut response = self.error.into_response();
        let headers = response.headers_mut();
        if self.close {
            headers.insert(
                warp::http::header::CONNECTION,
                warp::http::HeaderValue::from_static("close"),
            );
        }
        if let Some(methods) = self.allow {
            if let Ok(value) = warp::http::HeaderValue::from_str(&methods) {
                headers.insert(warp::http::header::ALLOW, value);
            }
        }
        response
    }
}

/// `GET /proof`: the proof of the secret for the client's challenge (16 to 128 random bytes in hex).
fn proof(headers: &HeaderMap, secret: &Secret) -> Result<Response, ApiError> {
    let challenge = headers
        .get(CHALLENGE_HEADER)
        .and_then(|value| value.to_str().ok())
        .filter(|value| {
            (32..=256).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_hexdigit())
        })
        .ok_or_else(|| {
            let mut error = ApiError::new(
                400,
                "InvalidRequestException",
                "GET /proof needs a Msol-Bridge-Challenge header of 32 to 256 hexadecimal digits.",
            );
            error.field = Some("Msol-Bridge-Challenge".to_string());
            error
        })?;
    let proof = secret.proof(&challenge.to_ascii_lowercase());
    let mut response = warp::reply::json(&json!({ "Proof": proof })).into_response();
    if let Ok(value) = warp::http::HeaderValue::from_str(&proof) {
        response.headers_mut().insert(PROOF_HEADER, value);
    }
    Ok(response)
}

/// The whole API as one warp filter. Every outcome is a JSON reply; the only rejection warp could
/// raise (a body taken twice) cannot happen here.
pub fn routes(
    state: Arc<ApiState>,
) -> impl Filter<Extract = (Response,), Error = warp::Rejection> + Clone {
    warp::method()
        .and(warp::path::full())
        .and(warp::header::headers_cloned())
        .and(warp::body::stream())
        .and(warp::any().map(move || Arc::clone(&state)))
        .then(|method: Method, path: FullPath, headers: HeaderMap, body, state: Arc<ApiState>| async move {
            let started = Instant::now();
            let response = match answer(&method, path.as_str(), &headers, body, &state).await {
                Ok(response) => response,
                Err(refusal) => refusal.into_response(),
            };
            tracing::info!(
                method = %method,
                path = path.as_str(),
                status = response.status().as_u16(),
                micros = started.elapsed().as_micros() as u64,
                "request"
            );
            response
        })
}
