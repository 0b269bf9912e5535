//! The one JSON error shape every failure answers with:
//! `{"Error": {"Code", "Message", "Field", "AllowedValues", "Status"}}`.

use serde::Serialize;
use warp::http::StatusCode;
use warp::reply::Response;
use warp::Reply;

use crate::domain::fault::Fault;

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ApiError {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed_values: Vec<String>,
    pub status: u16,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Envelope<'a> {
    error: &'a ApiError,
}

impl ApiError {
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            field: None,
            allowed_values: Vec::new(),
            status,
        }
    }

    pub fn with_allowed(mut self, allowed: Vec<String>) -> ApiError {
        self.allowed_values = allowed;
        self
    }

    pub fn unauthenticated() -> ApiError {
        ApiError::new(
            401,
            "AuthenticationRequiredException",
            "Send the bridge's secret as 'Authorization: Bearer <secret>'.",
        )
    }

    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(403, "AccessDeniedException", message)
    }
}

impl From<Fault> for ApiError {
    fn from(fault: Fault) -> ApiError {
        if let Fault::Unexpected(cause) = &fault {
            tracing::error!(
                error = format!("{cause:#}"),
                "an operation failed unexpectedly"
            );
        }
        ApiError {
            code: fault.code(),
            field: fault.field().map(str::to_string),
            allowed_values: fault.allowed().to_vec(),
            status: fault.status(),
            message: fault.to_string(),
        }
    }
}

impl Reply for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        warp::reply::with_status(warp::reply::json(&Envelope { error: &self }), status)
            .into_response()
    }
}
