//! Many writes of one operation in one request: `POST /v1/<cmdlet name>/batch` with
//! `{"BatchId": "<uuid>", "Requests": [<parameters>, ...]}`, answered
//! `{"Responses": [{"Status": 200, "Body": <answer>} | {"Status": 4xx, "Error": {...}}, ...]}` in the
//! order asked. The module sends objects piped into a writing cmdlet this way.
//!
//! Each item is validated and run exactly as the single call would be (as bulk work, which a
//! backend may send at a lower priority), and fails alone. Items run
//! concurrently (the directory paces them against its backend's limits), except that items naming
//! the same object (user, new name, role member) run one after another in the order given.
//!
//! Stopping (`POST /v1/batches/<BatchId>/stop`, or the caller hanging up) answers the items not yet
//! started with `OperationStoppedException` and lets started ones finish, so no object is left
//! half-changed and the caller learns what was done.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use futures_util::stream::{FuturesUnordered, StreamExt};
use serde::Deserialize;
use serde_json::Value;
use tokio::sync::{watch, Semaphore};
use uuid::Uuid;

use super::error::ApiError;
use super::operations::Operation;
use crate::directory::Directory;
use crate::schema::RequestSchemas;

/// The most items one batch may hold. The module sends at most `MsolCmdlet`'s batch size (far
/// fewer); the cap keeps one request's memory bounded.
pub const MAX_ITEMS: usize = 1_000;

/// A batch's body may be this large: `MAX_ITEMS` parameter sets of a few hundred bytes each.
pub const BODY_LIMIT: usize = 8 * 1024 * 1024;

/// How many items, across every batch, run at once. The Graph backend's own pacing (Retry-After,
/// adaptive `$batch` width) decides the real rate; this only bounds the work in progress.
pub const CONCURRENCY: usize = 64;

/// The parameters that name the object an item changes: items sharing one run in order.
const TARGET_FIELDS: &[&str] = &[
    "ObjectId",
    "UserPrincipalName",
    "NewUserPrincipalName",
    "RoleMemberObjectId",
    "RoleMemberEmailAddress",
    "GroupMemberObjectId",
];

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct BatchRequest {
    /// Names the batch for `stop`; optional.
    #[serde(default)]
    pub batch_id: Option<Uuid>,
    pub requests: Vec<Value>,
}

/// Stop flags of the batches in progress, by id.
#[derive(Default)]
pub struct RunningBatches {
    running: Mutex<HashMap<Uuid, Arc<AtomicBool>>>,
}

impl RunningBatches {
    /// Marks a batch to stop; false when no batch of that id is running.
    pub fn stop(&self, id: Uuid) -> bool {
        match self.running.lock().expect("batches").get(&id) {
            Some(flag) => {
                flag.store(true, Ordering::SeqCst);
                true
            }
            None => false,
        }
    }

    fn register(&self, id: Uuid, flag: Arc<AtomicBool>) -> Result<(), ApiError> {
        let mut running = self.running.lock().expect("batches");
        if running.contains_key(&id) {
            return Err(ApiError::new(
                409,
                "InvalidRequestException",
                format!("A batch with BatchId {id} is already running."),
            ));
        }
        running.insert(id, flag);
        Ok(())
    }

    fn forget(&self, id: Uuid) {
        self.running.lock().expect("batches").remove(&id);
    }
}

/// Stops the batch when the request's future is dropped (the caller hung up) and forgets it.
struct StopOnDrop {
    id: Uuid,
    flag: Arc<AtomicBool>,
    batches: Arc<RunningBatches>,
}

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.flag.store(true, Ordering::SeqCst);
        self.batches.forget(self.id);
    }
}

/// Parses a batch body: a JSON object with `Requests`, within `MAX_ITEMS`.
pub fn parse(op: Operation, bytes: &[u8]) -> Result<BatchRequest, ApiError> {
    if !op.is_write() {
        return Err(ApiError::new(
            400,
            "InvalidRequestException",
            format!(
                "{} cannot be batched: only operations that change something can.",
                op.name()
            ),
        )
        .with_allowed(
            Operation::ALL
                .iter()
                .filter(|op| op.is_write())
                .map(|op| op.name().to_string())
                .collect(),
        ));
    }
    let refuse = |e: &dyn std::fmt::Display| {
        ApiError::new(
            400,
            "InvalidRequestException",
            format!("The batch is not {{\"BatchId\": \"<uuid>\", \"Requests\": [<parameters>, ...]}}: {e}."),
        )
    };
    let value: Value = serde_json::from_slice(bytes).map_err(|e| refuse(&e))?;
    // serde reads a null BatchId as none given; the document says a BatchId is a GUID.
    if value.get("BatchId").is_some_and(Value::is_null) {
        let mut error = refuse(&"BatchId is null; leave it out, or give a GUID");
        error.field = Some("BatchId".to_string());
        return Err(error);
    }
    let batch: BatchRequest = serde_json::from_value(value).map_err(|e| refuse(&e))?;
    if let Some(index) = batch.requests.iter().position(|item| !item.is_object()) {
        let mut error = ApiError::new(
            400,
            "InvalidRequestException",
            format!(
                "Request {index} of the batch is not an object of {} parameters.",
                op.name()
            ),
        );
        error.field = Some(format!("Requests[{index}]"));
        return Err(error);
    }
    if batch.requests.len() > MAX_ITEMS {
        let mut error = ApiError::new(
            400,
            "RequestTooLargeException",
            format!(
                "A batch holds at most {MAX_ITEMS} requests; this one has {}.",
                batch.requests.len()
            ),
        );
        error.field = Some("Requests".to_string());
        return Err(error);
    }
    Ok(batch)
}

/// The lower-cased names of the objects an item changes, each once: an item may name one object
/// twice (a rename that only changes the case of a UPN names it as old and new name).
fn targets(parameters: &Value) -> Vec<String> {
    let mut targets: Vec<String> = TARGET_FIELDS
        .iter()
        .filter_map(|field| parameters.get(*field)?.as_str())
        .map(str::to_lowercase)
        .collect();
    targets.sort_unstable();
    targets.dedup();
    targets
}

/// For each item, the earlier items it must wait for: the last earlier one per shared target.
/// Only earlier items, never the item itself, so the waits form no cycle and every batch ends.
fn ordering(requests: &[Value]) -> Vec<Vec<usize>> {
    let mut last: HashMap<String, usize> = HashMap::new();
    requests
        .iter()
        .enumerate()
        .map(|(index, parameters)| {
            let mut after: Vec<usize> = targets(parameters)
                .into_iter()
                .filter_map(|target| last.insert(target, index))
                .filter(|&earlier| earlier < index)
                .collect();
            after.sort_unstable();
            after.dedup();
            after
        })
        .collect()
}

/// One item's answer, serialized: `{"Status": 200, "Body": ...}` or `{"Status": n, "Error": {...}}`.
fn item_json(result: Result<Vec<u8>, ApiError>) -> Vec<u8> {
    match result {
        Ok(body) => {
            let mut json = br#"{"Status":200,"Body":"#.to_vec();
            json.extend_from_slice(&body);
            json.push(b'}');
            json
        }
        Err(error) => serde_json::to_vec(&serde_json::json!({
            "Status": error.status,
            "Error": error,
        }))
        .expect("errors serialize"),
    }
}

pub struct BatchRun {
    pub op: Operation,
    pub batch: BatchRequest,
    pub directory: Arc<dyn Directory>,
    pub schemas: Arc<RequestSchemas>,
    pub permits: Arc<Semaphore>,
    pub batches: Arc<RunningBatches>,
}

/// Runs a batch and answers its JSON. The items run in a task of their own, so that a caller who
/// hangs up stops the batch between items, never inside one.
pub async fn run(run: BatchRun) -> Result<Vec<u8>, ApiError> {
    let id = run.batch.batch_id.unwrap_or_else(Uuid::new_v4);
    let flag = Arc::new(AtomicBool::new(false));
    run.batches.register(id, Arc::clone(&flag))?;
    let _guard = StopOnDrop {
        id,
        flag: Arc::clone(&flag),
        batches: Arc::clone(&run.batches),
    };
    let op = run.op;
    let items = tokio::spawn(run_items(run, flag))
        .await
        .map_err(|e| ApiError::from(crate::domain::fault::Fault::Unexpected(e.into())))?;
    let ok = items.iter().filter(|(status, _)| *status == 200).count();
    let stopped = items
        .iter()
        .filter(|(status, _)| *status == STOPPED_STATUS)
        .count();
    tracing::info!(
        operation = op.name(),
        batch = %id,
        items = items.len(),
        ok,
        failed = items.len() - ok - stopped,
        stopped,
        "batch"
    );
    let mut json = br#"{"Responses":["#.to_vec();
    for (index, (_, item)) in items.into_iter().enumerate() {
        if index > 0 {
            json.push(b',');
        }
        json.extend_from_slice(&item);
    }
    json.extend_from_slice(b"]}");
    Ok(json)
}

/// The status of an item not run because its batch was stopped.
const STOPPED_STATUS: u16 = 409;

async fn run_items(run: BatchRun, stop: Arc<AtomicBool>) -> Vec<(u16, Vec<u8>)> {
    let BatchRun {
        op,
        batch,
        directory,
        schemas,
        permits,
        ..
    } = run;
    let after = ordering(&batch.requests);
    let (done_senders, done): (Vec<_>, Vec<_>) =
        batch.requests.iter().map(|_| watch::channel(false)).unzip();
    let mut running: FuturesUnordered<_> = batch
        .requests
        .into_iter()
        .zip(after)
        .zip(done_senders)
        .enumerate()
        .map(|(index, ((parameters, after), finished))| {
            let waits: Vec<watch::Receiver<bool>> =
                after.iter().map(|&earlier| done[earlier].clone()).collect();
            let directory = Arc::clone(&directory);
            let schemas = Arc::clone(&schemas);
            let permits = Arc::clone(&permits);
            let stop = Arc::clone(&stop);
            async move {
                for mut wait in waits {
                    // A dropped sender means the earlier item finished too.
                    let _ = wait.wait_for(|finished| *finished).await;
                }
                let _permit = permits.acquire_owned().await.expect("never closed");
                let result = if stop.load(Ordering::SeqCst) {
                    Err(ApiError::new(
                        STOPPED_STATUS,
                        "OperationStoppedException",
                        "Not run: the batch was stopped before this object's turn; nothing was changed for it.",
                    ))
                } else {
                    match schemas.validate(op, &parameters) {
                        Err(fault) => Err(ApiError::from(fault)),
                        Ok(()) => crate::directory::as_bulk(op.run(parameters, directory.as_ref()))
                            .await
                            .map(|answered| answered.json)
                            .map_err(ApiError::from),
                    }
                };
                let status = result.as_ref().map_or_else(|e| e.status, |_| 200);
                let _ = finished.send(true);
                (index, status, item_json(result))
            }
        })
        .collect();
    let mut answers: Vec<Option<(u16, Vec<u8>)>> = (0..running.len()).map(|_| None).collect();
    while let Some((index, status, json)) = running.next().await {
        answers[index] = Some((status, json));
    }
    answers
        .into_iter()
        .map(|answer| answer.expect("every item answers"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn items_naming_the_same_object_wait_for_the_earlier_one() {
        let requests = vec![
            json!({"UserPrincipalName": "A@contoso.com", "City": "x"}),
            json!({"UserPrincipalName": "b@contoso.com"}),
            json!({"UserPrincipalName": "a@CONTOSO.com", "City": "y"}),
            json!({"UserPrincipalName": "b@contoso.com", "NewUserPrincipalName": "c@contoso.com"}),
            json!({"UserPrincipalName": "c@contoso.com"}),
            json!({"ObjectId": "5f1c1a7e-0000-4000-8000-000000000001"}),
        ];
        assert_eq!(
            ordering(&requests),
            vec![vec![], vec![], vec![0], vec![1], vec![3], vec![]]
        );
    }

    #[test]
    fn an_item_naming_one_object_twice_waits_only_for_earlier_items() {
        let requests = vec![
            json!({"UserPrincipalName": "ann@contoso.com", "NewUserPrincipalName": "Ann@contoso.com"}),
            json!({"UserPrincipalName": "ANN@contoso.com", "NewUserPrincipalName": "ann@CONTOSO.com"}),
            json!({"ObjectId": "5f1c1a7e-0000-4000-8000-000000000001", "UserPrincipalName": "bo@contoso.com", "NewUserPrincipalName": "bo@contoso.com"}),
        ];
        assert_eq!(ordering(&requests), vec![vec![], vec![0], vec![]]);
    }
}
