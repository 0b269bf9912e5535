//! The one way the bridge talks to Microsoft Graph: every request gets a fresh token, a
//! `client-request-id`, retries that honour `Retry-After` on 429/503/504 (bounded by attempts and
//! elapsed time), and `$batch` packing with per-item retries after the longest `Retry-After`.
//!
//! A write that may have landed is never blindly repeated: a POST whose answer was lost (dropped
//! connection, 504) comes back as `GraphFailure::Uncertain`, and the caller checks by reading.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use uuid::Uuid;

use super::auth::{SignInError, TokenSource};
use super::pacing::QuotaPacer;
use crate::secret::Secret;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    V1,
    Beta,
}

impl Version {
    fn segment(self) -> &'static str {
        match self {
            Version::V1 => "v1.0",
            Version::Beta => "beta",
        }
    }
}

/// One Graph request. `path` is relative to the version (`/users/{id}?$select=...`).
#[derive(Clone, Debug)]
pub struct Call {
    pub method: reqwest::Method,
    pub version: Version,
    pub path: String,
    pub body: Option<Value>,
    /// Sends `ConsistencyLevel: eventual` (advanced queries).
    pub eventual: bool,
    /// Whether repeating the request after a lost answer is harmless.
    pub idempotent: bool,
    /// Bulk work no one waits on: `x-ms-throttle-priority: Low`, throttled first.
    pub low_priority: bool,
}

impl Call {
    pub fn get(version: Version, path: impl Into<String>) -> Call {
        Call {
            method: reqwest::Method::GET,
            version,
            path: path.into(),
            body: None,
            eventual: false,
            idempotent: true,
            low_priority: false,
        }
    }

    pub fn patch(version: Version, path: impl Into<String>, body: Value) -> Call {
        Call {
            method: reqwest::Method::PATCH,
            version,
            path: path.into(),
            body: Some(body),
            eventual: false,
            idempotent: true,
            low_priority: false,
        }
    }

    /// A replacement of the whole resource (deviceRegistrationPolicy's update): idempotent.
    pub fn put(version: Version, path: impl Into<String>, body: Value) -> Call {
        Call {
            method: reqwest::Method::PUT,
            ..Call::patch(version, path, body)
        }
    }

    pub fn post(version: Version, path: impl Into<String>, body: Option<Value>) -> Call {
        Call {
            method: reqwest::Method::POST,
            version,
            path: path.into(),
            body,
            eventual: false,
            idempotent: false,
            low_priority: false,
        }
    }

    pub fn delete(version: Version, path: impl Into<String>) -> Call {
        Call {
            method: reqwest::Method::DELETE,
            version,
            path: path.into(),
            body: None,
            eventual: false,
            idempotent: true,
            low_priority: false,
        }
    }

    /// Whether Graph counts the request against its write quota (a `$batch` envelope: whether any
    /// of its items is a write).
    pub fn is_write(&self) -> bool {
        self.writes() > 0
    }

    /// How many writes Graph counts for the request (a `$batch` envelope: its items that write).
    fn writes(&self) -> u64 {
        self.requests() - self.reads()
    }

    /// How many reads: the request itself, or a `$batch` envelope's items that read.
    fn reads(&self) -> u64 {
        if self.is_batch() {
            return self.items().filter(|item| item["method"] == "GET").count() as u64;
        }
        u64::from(self.method == reqwest::Method::GET)
    }

    /// How many requests Graph counts: one, or a `$batch` envelope's items.
    fn requests(&self) -> u64 {
        if self.is_batch() {
            return self.items().count() as u64;
        }
        1
    }

    fn items(&self) -> impl Iterator<Item = &Value> {
        self.body
            .as_ref()
            .and_then(|body| body["requests"].as_array())
            .into_iter()
            .flatten()
    }

    fn is_batch(&self) -> bool {
        self.path == "/$batch"
    }

    pub fn eventual(mut self) -> Call {
        self.eventual = true;
        self
    }

    pub fn low_priority(mut self) -> Call {
        self.low_priority = true;
        self
    }

    /// Marks a POST whose repetition is harmless (assignLicense, revokeSignInSessions).
    pub fn repeatable(mut self) -> Call {
        self.idempotent = true;
        self
    }
}

#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

/// Graph's error as it came: status, code, message and the request id support asks for.
#[derive(Clone, Debug)]
pub struct GraphError {
    pub status: u16,
    pub code: String,
    pub message: String,
    pub request_id: String,
    /// The refused request: its method and path, without the query.
    pub request: String,
}

impl std::fmt::Display for GraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (Graph {} {}, request-id {})",
            self.message, self.status, self.code, self.request_id
        )
    }
}

#[derive(Debug)]
pub enum GraphFailure {
    /// Graph answered with an error.
    Graph(GraphError),
    /// The request may or may not have been applied: the answer was lost.
    Uncertain(String),
    /// Graph could not be reached, or retries ran out.
    Unavailable(String),
    SignIn(SignInError),
}

impl std::fmt::Display for GraphFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GraphFailure::Graph(error) => error.fmt(f),
            GraphFailure::Uncertain(what) => write!(f, "Microsoft Graph's answer was lost, so whether the change was applied is unknown: {what}"),
            GraphFailure::Unavailable(what) => write!(f, "Microsoft Graph is unavailable: {what}"),
            GraphFailure::SignIn(error) => error.fmt(f),
        }
    }
}

impl GraphFailure {
    pub fn status(&self) -> Option<u16> {
        match self {
            GraphFailure::Graph(error) => Some(error.status),
            _ => None,
        }
    }

    pub fn code(&self) -> Option<&str> {
        match self {
            GraphFailure::Graph(error) => Some(&error.code),
            _ => None,
        }
    }
}

pub type GraphResult = Result<Reply, GraphFailure>;

/// How long and how often to retry a throttled or unavailable request.
#[derive(Clone, Copy, Debug)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub max_elapsed: Duration,
    /// The first wait when Graph gives no Retry-After; doubled each time.
    pub backoff: Duration,
    /// The most `$batch` requests in flight at once (the adaptive limit stays at or below it).
    pub max_concurrency: usize,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 8,
            max_elapsed: Duration::from_secs(300),
            backoff: Duration::from_millis(500),
            max_concurrency: 32,
        }
    }
}

pub struct GraphClient {
    http: reqwest::Client,
    graph_root: String,
    tokens: TokenSource,
    policy: RetryPolicy,
    /// No request leaves before this instant: the latest `Retry-After` holds every request, since
    /// Graph throttles the app, not the one request.
    hold_until: std::sync::Mutex<Option<Instant>>,
    /// No write leaves before this instant: a 429 for the write quota (`x-ms-throttle-scope`
    /// `.../Write/...`) holds writes only, so reads (the next users' loads) go on meanwhile.
    hold_writes_until: std::sync::Mutex<Option<Instant>>,
    /// Once a quota (resource units for reads, the write quota) has run out, its requests leave
    /// at the rate it refills: reads, then writes.
    pacers: [std::sync::Mutex<QuotaPacer>; 2],
    /// Single calls waiting to share a `$batch`, by version and by read or write.
    gathering: [std::sync::Mutex<Vec<Gathered>>; 4],
    /// How many `$batch` requests go at once: grows by one after each calm batch, shrinks by one when
    /// the throttle headers run hot or a batch was throttled. (It does not halve on a 429: the
    /// pacers measure the refill rate from what Graph accepts after one, and a width cut then
    /// would make them measure the cut instead.)
    concurrency: std::sync::atomic::AtomicUsize,
}

/// A call waiting to be sent in a shared `$batch`, and where its answer goes.
type Gathered = (Call, tokio::sync::oneshot::Sender<GraphResult>);

/// How long the first of several concurrent calls waits for others to share its `$batch`.
const GATHER_WINDOW: Duration = Duration::from_millis(2);

/// Start with few batches in flight and grow: Graph's buckets start full, but other apps share them.
const INITIAL_CONCURRENCY: usize = 8;
/// At or above this `x-ms-throttle-limit-percentage`, shrink. Graph sends the header only from
/// 0.8 on, which is where low-priority requests start being throttled.
const HOT: f64 = 0.8;

fn retry_after(headers: &HashMap<String, String>) -> Option<Duration> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("retry-after"))
        .and_then(|(_, v)| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
}

/// Whether a 429 was for the write quota alone (`x-ms-throttle-scope: <Scope>/Write/...`).
fn write_limited(headers: &HashMap<String, String>) -> bool {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("x-ms-throttle-scope"))
        .is_some_and(|(_, v)| v.split('/').nth(1) == Some("Write"))
}

fn is_retryable(status: u16) -> bool {
    matches!(status, 429 | 503 | 504)
}

fn error_of(status: u16, body: &Value, fallback_request_id: &str, call: &Call) -> GraphError {
    let error = &body["error"];
    GraphError {
        request: format!("{} {}", call.method, strip_query(&call.path)),
        status,
        code: error["code"].as_str().unwrap_or("unknown").to_string(),
        message: error["message"]
            .as_str()
            .unwrap_or("(no message)")
            .to_string(),
        request_id: error["innerError"]["request-id"]
            .as_str()
            .or_else(|| error["innererror"]["request-id"].as_str())
            .unwrap_or(fallback_request_id)
            .to_string(),
    }
}

enum Attempt {
    Done(GraphResult),
    /// Wait (as Graph said, or back off) and retry; `writes_only` when only the write quota ran out.
    Retry {
        wait: Option<Duration>,
        writes_only: bool,
    },
    ExpiredToken(Secret),
}

impl GraphClient {
    pub fn new(
        http: reqwest::Client,
        graph_root: String,
        tokens: TokenSource,
        policy: RetryPolicy,
    ) -> GraphClient {
        GraphClient {
            http,
            graph_root: graph_root.trim_end_matches('/').to_string(),
            tokens,
            policy,
            hold_until: std::sync::Mutex::new(None),
            hold_writes_until: std::sync::Mutex::new(None),
            pacers: Default::default(),
            gathering: Default::default(),
            concurrency: std::sync::atomic::AtomicUsize::new(
                INITIAL_CONCURRENCY.min(policy.max_concurrency.max(1)),
            ),
        }
    }

    /// Holds every request (or, with `writes_only`, every write) until `wait` has passed.
    fn hold(&self, wait: Duration, writes_only: bool) {
        let now = Instant::now();
        let until = now + wait;
        let held: &[Quota] = if writes_only {
            &[Quota::Write]
        } else {
            &[Quota::Read, Quota::Write]
        };
        for quota in held {
            self.pacers[*quota as usize]
                .lock()
                .expect("pacer")
                .held(now, until);
        }
        let slot = if writes_only {
            &self.hold_writes_until
        } else {
            &self.hold_until
        };
        let mut hold = slot.lock().expect("hold");
        *hold = Some(hold.map_or(until, |h| h.max(until)));
    }

    /// Waits out the holds that apply to a request, then its turn at the quotas it uses.
    async fn pace(&self, call: &Call) {
        let (reads, writes) = (call.reads(), call.writes());
        self.wait_for_holds(writes > 0).await;
        for (quota, requests) in [(Quota::Read, reads), (Quota::Write, writes)] {
            let slot = self.pacers[quota as usize]
                .lock()
                .expect("pacer")
                .reserve(requests, Instant::now());
            if slot > Instant::now() {
                tokio::time::sleep_until(slot.into()).await;
                self.wait_for_holds(writes > 0).await;
            }
        }
    }

    /// Tells the pacers what Graph answered: how many reads and writes it accepted, and which
    /// quotas it refused one for.
    fn count(&self, tally: &Tally) {
        let now = Instant::now();
        for quota in [Quota::Read, Quota::Write] {
            let (accepted, refused) = tally.of(quota);
            if accepted == 0 && !refused {
                continue;
            }
            let mut pacer = self.pacers[quota as usize].lock().expect("pacer");
            if refused {
                pacer.throttled(now);
            }
            pacer.accepted(accepted);
        }
    }

    async fn wait_for_holds(&self, is_write: bool) {
        loop {
            let mut until = *self.hold_until.lock().expect("hold");
            if is_write {
                let writes = *self.hold_writes_until.lock().expect("hold");
                until = until.max(writes);
            }
            match until {
                Some(until) if until > Instant::now() => {
                    tokio::time::sleep_until(until.into()).await
                }
                _ => return,
            }
        }
    }

    pub fn tokens(&self) -> &TokenSource {
        &self.tokens
    }

    pub fn url(&self, version: Version, path: &str) -> String {
        format!("{}/{}{}", self.graph_root, version.segment(), path)
    }

    /// One request, retried as the policy allows. When other calls are made at the same moment,
    /// it shares a `$batch` with them; a call that is not safe to repeat (a POST) always goes alone,
    /// so a lost answer concerns it alone.
    pub async fn call(&self, call: &Call) -> GraphResult {
        // Bulk work (one item of a bridge batch) goes at low priority, so interactive calls go first.
        let bulk;
        let call = if crate::directory::is_bulk() && !call.low_priority {
            bulk = call.clone().low_priority();
            &bulk
        } else {
            call
        };
        if !call.idempotent {
            return self.call_alone(call).await;
        }
        let slot = &self.gathering[call.version as usize * 2 + usize::from(call.is_write())];
        let (answer, answered) = tokio::sync::oneshot::channel();
        let first = {
            let mut waiting = slot.lock().expect("gathering");
            waiting.push((call.clone(), answer));
            waiting.len() == 1
        };
        if first {
            tokio::time::sleep(GATHER_WINDOW).await;
            let mut gathered = std::mem::take(&mut *slot.lock().expect("gathering"));
            if gathered.len() == 1 {
                let (call, answer) = gathered.pop().expect("one call");
                let _ = answer.send(self.call_alone(&call).await);
            } else {
                let calls: Vec<Call> = gathered.iter().map(|(call, _)| call.clone()).collect();
                let results = self.batch(call.version, &calls).await;
                for ((_, answer), result) in gathered.into_iter().zip(results) {
                    let _ = answer.send(result);
                }
            }
        }
        answered.await.unwrap_or_else(|_| {
            Err(GraphFailure::Unavailable(format!(
                "{} {}: the shared $batch carrying it was abandoned",
                call.method,
                strip_query(&call.path)
            )))
        })
    }

    /// One request on its own, retried as the policy allows.
    async fn call_alone(&self, call: &Call) -> GraphResult {
        let url = self.url(call.version, &call.path);
        self.send(call, &url).await
    }

    /// Follows an `@odata.nextLink` exactly as given.
    pub async fn follow(&self, next_link: &str, eventual: bool) -> GraphResult {
        let mut call = Call::get(Version::V1, "");
        call.eventual = eventual;
        self.send(&call, next_link).await
    }

    async fn send(&self, call: &Call, url: &str) -> GraphResult {
        let started = Instant::now();
        let client_request_id = Uuid::new_v4().to_string();
        let mut stale: Option<Secret> = None;
        let mut backoff = self.policy.backoff;
        let mut attempt = 0;
        // Attempts that Graph told when to repeat (`Retry-After`) are bounded by the elapsed time
        // alone: "repeat while 429 continues" (graph/throttling). Guessed backoffs count too.
        let mut guessed = 0;
        loop {
            attempt += 1;
            let token = self
                .tokens
                .token(stale.as_ref().map(Secret::expose))
                .await
                .map_err(GraphFailure::SignIn)?;
            let outcome = self
                .attempt(call, url, &token, &client_request_id, attempt > 1)
                .await;
            let (wait, writes_only) = match outcome {
                Attempt::Done(result) => return result,
                Attempt::ExpiredToken(token) => {
                    if stale.as_ref().is_some_and(|s| s.expose() == token.expose()) {
                        return Err(GraphFailure::Unavailable(
                            "Graph refused a freshly renewed token".to_string(),
                        ));
                    }
                    stale = Some(token);
                    continue;
                }
                Attempt::Retry { wait, writes_only } => (wait, writes_only),
            };
            let wait = wait.unwrap_or_else(|| {
                guessed += 1;
                let this = backoff;
                backoff *= 2;
                this
            });
            if guessed >= self.policy.max_attempts
                || started.elapsed() + wait > self.policy.max_elapsed
            {
                break;
            }
            tracing::debug!(url = %strip_query(url), ?wait, attempt, "retrying after Graph asked to wait");
            self.hold(wait, writes_only);
        }
        Err(GraphFailure::Unavailable(format!(
            "{} {} still throttled or unavailable after {} attempts over {:?}",
            call.method,
            strip_query(url),
            attempt,
            started.elapsed()
        )))
    }

    async fn attempt(
        &self,
        call: &Call,
        url: &str,
        token: &Secret,
        client_request_id: &str,
        repeated: bool,
    ) -> Attempt {
        self.pace(call).await;
        let mut request = self
            .http
            .request(call.method.clone(), url)
            .bearer_auth(token.expose())
            .header("client-request-id", client_request_id)
            .header("return-client-request-id", "true");
        if call.eventual {
            request = request.header("ConsistencyLevel", "eventual");
        }
        if call.low_priority {
            request = request.header("x-ms-throttle-priority", "Low");
        }
        if let Some(body) = &call.body {
            request = request.json(body);
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => return self.lost(call, url, error),
        };
        let status = response.status().as_u16();
        let headers: HashMap<String, String> = response
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
            .collect();
        let text = match response.text().await {
            Ok(text) => text,
            Err(error) => return self.lost(call, url, error),
        };
        let body: Value = if text.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        let request_id = headers.get("request-id").cloned().unwrap_or_default();
        // A `$batch` envelope's items are counted one by one (batch_once).
        let mut tally = Tally::default();
        if status < 400 {
            if !call.is_batch() {
                tally.accepted(call.is_write());
                self.count(&tally);
            }
            return Attempt::Done(Ok(Reply { status, body }));
        }
        if status == 401 && body["error"]["code"] == "InvalidAuthenticationToken" {
            return Attempt::ExpiredToken(token.clone());
        }
        if is_retryable(status) && (status != 504 || call.idempotent) {
            let writes_only = status == 429 && write_limited(&headers);
            if status == 429 && !call.is_batch() {
                tally.refused(call.is_write(), writes_only);
                self.count(&tally);
            }
            return Attempt::Retry {
                wait: retry_after(&headers),
                writes_only,
            };
        }
        if status == 504 {
            return Attempt::Done(Err(GraphFailure::Uncertain(format!(
                "{} {} timed out at the gateway (request-id {request_id})",
                call.method,
                strip_query(url)
            ))));
        }
        // A repeated DELETE whose first answer was lost: the object is gone, which is what was asked.
        if status == 404 && repeated && call.method == reqwest::Method::DELETE {
            return Attempt::Done(Ok(Reply {
                status: 204,
                body: Value::Null,
            }));
        }
        Attempt::Done(Err(GraphFailure::Graph(error_of(
            status,
            &body,
            &request_id,
            call,
        ))))
    }

    fn lost(&self, call: &Call, url: &str, error: reqwest::Error) -> Attempt {
        let never_connected = error.is_connect();
        let reason = error.without_url().to_string();
        if call.idempotent {
            tracing::debug!(url = %strip_query(url), %reason, "connection lost; repeating an idempotent request");
            Attempt::Retry {
                wait: None,
                writes_only: false,
            }
        } else if never_connected {
            // Never connected: nothing was sent, so nothing landed.
            Attempt::Retry {
                wait: None,
                writes_only: false,
            }
        } else {
            Attempt::Done(Err(GraphFailure::Uncertain(format!(
                "{} {}: {reason}",
                call.method,
                strip_query(url)
            ))))
        }
    }

    /// Runs calls through `$batch` (20 per batch), answering each in the order given. Items
    /// throttled or unavailable are sent again in a new batch after the longest `Retry-After`
    /// among them.
    pub async fn batch(&self, version: Version, calls: &[Call]) -> Vec<GraphResult> {
        use futures_util::stream::{FuturesUnordered, StreamExt};
        use std::sync::atomic::Ordering;
        let chunks: Vec<Vec<usize>> = (0..calls.len())
            .collect::<Vec<_>>()
            .chunks(super::BATCH_LIMIT)
            .map(<[usize]>::to_vec)
            .collect();
        let mut results: Vec<Option<GraphResult>> = (0..calls.len()).map(|_| None).collect();
        let limit = self.policy.max_concurrency.max(1);
        let mut waiting = chunks.into_iter();
        let mut running = FuturesUnordered::new();
        loop {
            // Keep as many batches in flight as the adaptive width allows.
            while running.len() < self.concurrency.load(Ordering::Relaxed).max(1) {
                match waiting.next() {
                    Some(chunk) => running.push(self.run_chunk(version, calls, chunk)),
                    None => break,
                }
            }
            let Some((answered, pressure)) = running.next().await else {
                break;
            };
            for (index, result) in answered {
                results[index] = Some(result);
            }
            let width = self.concurrency.load(Ordering::Relaxed);
            let adjusted = if pressure.throttled || pressure.hot {
                (width - 1).max(1)
            } else {
                (width + 1).min(limit)
            };
            self.concurrency.store(adjusted, Ordering::Relaxed);
        }
        results
            .into_iter()
            .map(|r| r.expect("every call is answered"))
            .collect()
    }

    /// One batch of at most 20, with its throttled items sent again after the longest `Retry-After`.
    async fn run_chunk(
        &self,
        version: Version,
        calls: &[Call],
        mut pending: Vec<usize>,
    ) -> (Vec<(usize, GraphResult)>, Pressure) {
        let mut answered = Vec::with_capacity(pending.len());
        let mut pressure = Pressure::default();
        let started = Instant::now();
        let mut backoff = self.policy.backoff;
        // As in `send`: rounds Graph told when to repeat are bounded by the elapsed time alone.
        let mut guessed = 0;
        loop {
            let (answers, wait, hot, writes_only) = self.batch_once(version, calls, &pending).await;
            pressure.hot |= hot;
            let mut retry = Vec::new();
            let mut last_failures = Vec::new();
            for (index, answer) in pending.iter().zip(answers) {
                match answer {
                    ItemAnswer::Final(result) => answered.push((*index, result)),
                    ItemAnswer::Again(failure) => {
                        retry.push(*index);
                        last_failures.push((*index, Err(failure)));
                    }
                }
            }
            if retry.is_empty() {
                break;
            }
            pressure.throttled = true;
            let wait = wait.unwrap_or_else(|| {
                guessed += 1;
                let this = backoff;
                backoff *= 2;
                this
            });
            if guessed >= self.policy.max_attempts
                || started.elapsed() + wait > self.policy.max_elapsed
            {
                answered.extend(last_failures);
                break;
            }
            self.hold(wait, writes_only);
            pending = retry;
        }
        (answered, pressure)
    }

    async fn batch_once(
        &self,
        version: Version,
        calls: &[Call],
        pending: &[usize],
    ) -> (Vec<ItemAnswer>, Option<Duration>, bool, bool) {
        let requests: Vec<Value> = pending
            .iter()
            .map(|&index| {
                let call = &calls[index];
                let mut item = json!({"id": index.to_string(), "method": call.method.as_str(), "url": call.path});
                let mut headers = serde_json::Map::new();
                if call.eventual {
                    headers.insert("ConsistencyLevel".into(), json!("eventual"));
                }
                // Each item is throttled by its own headers (graph/json-batching), not the envelope's.
                if call.low_priority {
                    headers.insert("x-ms-throttle-priority".into(), json!("Low"));
                }
                if let Some(body) = &call.body {
                    headers.insert("Content-Type".into(), json!("application/json"));
                    item["body"] = body.clone();
                }
                if !headers.is_empty() {
                    item["headers"] = Value::Object(headers);
                }
                item
            })
            .collect();
        let envelope = Call {
            method: reqwest::Method::POST,
            version,
            path: "/$batch".to_string(),
            body: Some(json!({"requests": requests})),
            eventual: false,
            // The envelope repeats only items that are themselves safe to repeat (below).
            idempotent: pending.iter().all(|&i| calls[i].idempotent),
            low_priority: pending.iter().all(|&i| calls[i].low_priority),
        };
        let reply = match self.call_alone(&envelope).await {
            Ok(reply) => reply,
            Err(failure) => {
                let text = failure.to_string();
                return (
                    pending
                        .iter()
                        .map(|&i| match &failure {
                            GraphFailure::Uncertain(_) if !calls[i].idempotent => {
                                ItemAnswer::Final(Err(GraphFailure::Uncertain(text.clone())))
                            }
                            GraphFailure::Graph(error) => {
                                ItemAnswer::Final(Err(GraphFailure::Graph(error.clone())))
                            }
                            _ => ItemAnswer::Final(Err(GraphFailure::Unavailable(text.clone()))),
                        })
                        .collect(),
                    None,
                    false,
                    false,
                );
            }
        };
        let mut by_id: HashMap<String, &Value> = HashMap::new();
        if let Some(responses) = reply.body["responses"].as_array() {
            for response in responses {
                if let Some(id) = response["id"].as_str() {
                    by_id.insert(id.to_ascii_lowercase(), response);
                }
            }
        }
        let mut longest: Option<Duration> = None;
        let mut hot = false;
        let mut tally = Tally::default();
        // Whether every throttled item was throttled for the write quota alone.
        let mut writes_only = true;
        let answers = pending
            .iter()
            .map(|&index| {
                let Some(response) = by_id.get(&index.to_string()) else {
                    return ItemAnswer::Final(Err(GraphFailure::Uncertain(format!(
                        "$batch gave no answer for {} {}",
                        calls[index].method, calls[index].path
                    ))));
                };
                let status = response["status"].as_u64().unwrap_or(500) as u16;
                let body = response.get("body").cloned().unwrap_or(Value::Null);
                let headers: HashMap<String, String> = response["headers"]
                    .as_object()
                    .map(|h| {
                        h.iter()
                            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                            .collect()
                    })
                    .unwrap_or_default();
                let request_id = headers.get("request-id").cloned().unwrap_or_default();
                hot |= headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("x-ms-throttle-limit-percentage"))
                    .and_then(|(_, v)| v.parse::<f64>().ok())
                    .is_some_and(|p| p >= HOT);
                let is_write = calls[index].is_write();
                if status < 400 {
                    tally.accepted(is_write);
                    return ItemAnswer::Final(Ok(Reply { status, body }));
                }
                if is_retryable(status) && (status != 504 || calls[index].idempotent) {
                    let quota = status == 429 && write_limited(&headers);
                    if status == 429 {
                        tally.refused(is_write, quota);
                    }
                    writes_only &= quota;
                    if let Some(wait) = retry_after(&headers) {
                        longest = Some(longest.map_or(wait, |l| l.max(wait)));
                    }
                    return ItemAnswer::Again(GraphFailure::Unavailable(
                        error_of(status, &body, &request_id, &calls[index]).to_string(),
                    ));
                }
                ItemAnswer::Final(Err(GraphFailure::Graph(error_of(
                    status,
                    &body,
                    &request_id,
                    &calls[index],
                ))))
            })
            .collect();
        self.count(&tally);
        (answers, longest, hot, writes_only)
    }
}

/// The quotas requests are paced at.
#[derive(Clone, Copy)]
enum Quota {
    Read = 0,
    Write = 1,
}

/// What Graph answered requests, for the pacers: how many it accepted and whether it refused one
/// for a quota.
#[derive(Default)]
struct Tally {
    accepted: [u64; 2],
    refused: [bool; 2],
}

impl Tally {
    fn accepted(&mut self, is_write: bool) {
        self.accepted[Self::quota(is_write) as usize] += 1;
    }

    /// A 429: a write refused for the write quota counts there, a read against the resource
    /// units. (A write refused for resource units is left to the holds and the adaptive width.)
    fn refused(&mut self, is_write: bool, for_write_quota: bool) {
        if is_write == for_write_quota {
            self.refused[Self::quota(is_write) as usize] = true;
        }
    }

    fn of(&self, quota: Quota) -> (u64, bool) {
        (self.accepted[quota as usize], self.refused[quota as usize])
    }

    fn quota(is_write: bool) -> Quota {
        if is_write {
            Quota::Write
        } else {
            Quota::Read
        }
    }
}

/// What a batch said about the throttle.
#[derive(Default)]
struct Pressure {
    throttled: bool,
    hot: bool,
}

enum ItemAnswer {
    Final(GraphResult),
    Again(GraphFailure),
}

fn strip_query(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}
