//! The JSON Schemas the bridge publishes and validates every request body against, and the
//! OpenAPI document of every route. All are derived from the Rust request and object types, so
//! the closed sets (method types, states, enums) have one definition.

use std::collections::HashMap;

use jsonschema::error::ValidationErrorKind;
use jsonschema::Validator;
use schemars::gen::{SchemaGenerator, SchemaSettings};
use schemars::JsonSchema;
use serde_json::{json, Value};

use crate::api::operations::Operation;
use crate::domain::fault::Fault;
use crate::domain::text;
use crate::tenant::TenantSnapshot;

/// Draft 7, and no `null` for optional members: a member the caller does not set is left out.
fn generator() -> SchemaGenerator {
    SchemaSettings::draft07()
        .with(|settings| settings.option_add_null_type = false)
        .into_generator()
}

pub fn schema_for<T: JsonSchema>() -> Value {
    let mut schema =
        serde_json::to_value(generator().into_root_schema_for::<T>()).expect("schemas serialize");
    add_guid_patterns(&mut schema);
    add_integer_bounds(&mut schema);
    schema
}

/// schemars marks unsigned integers with a `uint32`/`uint16`/`uint8` format, which validators
/// ignore: the largest value the parameter's Rust type holds becomes a `maximum`.
fn add_integer_bounds(value: &mut Value) {
    match value {
        Value::Object(object) => {
            let largest = match object.get("format").and_then(Value::as_str) {
                Some("uint8") => Some(u64::from(u8::MAX)),
                Some("uint16") => Some(u64::from(u16::MAX)),
                Some("uint32") => Some(u64::from(u32::MAX)),
                _ => None,
            };
            if let Some(largest) = largest {
                object.entry("maximum").or_insert(json!(largest));
            }
            object.values_mut().for_each(add_integer_bounds);
        }
        Value::Array(items) => items.iter_mut().for_each(add_integer_bounds),
        _ => {}
    }
}

const GUID_PATTERN: &str =
    "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$";

/// Draft 7 knows no `uuid` format, so validators skip it; a pattern checks GUIDs on every draft.
fn add_guid_patterns(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if object.get("format").and_then(Value::as_str) == Some("uuid") {
                object.insert(
                    "pattern".to_string(),
                    Value::String(GUID_PATTERN.to_string()),
                );
            }
            object.values_mut().for_each(add_guid_patterns);
        }
        Value::Array(items) => items.iter_mut().for_each(add_guid_patterns),
        _ => {}
    }
}

/// A request body's schema. Requests are closed parameter sets: an unknown member is a misspelt
/// parameter, refused rather than ignored. (schemars drops `deny_unknown_fields` where a struct
/// flattens another, so the root is closed here, for every operation alike.)
pub fn request_schema_for<T: JsonSchema>() -> Value {
    let mut schema = schema_for::<T>();
    schema["additionalProperties"] = Value::Bool(false);
    add_text_rules(&mut schema);
    schema
}

/// The tenant file format of `tenant import` / `tenant export`.
pub fn tenant_schema() -> Value {
    let mut schema = schema_for::<TenantSnapshot>();
    add_text_rules(&mut schema);
    schema
}

/// Every free-text property of the schema (and every item of a string-list property) gets its
/// documented `maxLength` and a pattern that refuses control characters (`domain::text`).
/// Strings that already have a pattern (GUIDs), a format or a closed set are left as they are.
fn add_text_rules(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Object(properties)) = object.get_mut("properties") {
                for (name, property) in properties.iter_mut() {
                    limit_text(name, property);
                    if let Some(items) = property.get_mut("items") {
                        limit_text(name, items);
                    }
                }
            }
            object.values_mut().for_each(add_text_rules);
        }
        Value::Array(items) => items.iter_mut().for_each(add_text_rules),
        _ => {}
    }
}

fn limit_text(name: &str, schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    let is_string = match object.get("type") {
        Some(Value::String(kind)) => kind == "string",
        Some(Value::Array(kinds)) => kinds.iter().any(|k| k == "string"),
        _ => false,
    };
    if !is_string
        || ["pattern", "format", "enum", "const", "maxLength"]
            .iter()
            .any(|k| object.contains_key(*k))
    {
        return;
    }
    object.insert("maxLength".into(), json!(text::max_length(name)));
    object.insert(
        "pattern".into(),
        json!(text::printable_pattern(text::allows_line_breaks(name))),
    );
}

/// Request validators, compiled once and shared across threads.
pub struct RequestSchemas {
    compiled: HashMap<Operation, (Validator, Value)>,
}

impl RequestSchemas {
    pub fn compile() -> RequestSchemas {
        let compiled = Operation::ALL
            .iter()
            .map(|op| {
                let schema = op.request_schema();
                let validator = jsonschema::options()
                    .should_validate_formats(true)
                    .build(&schema)
                    .unwrap_or_else(|e| {
                        panic!("the schema of {} does not compile: {e}", op.name())
                    });
                (*op, (validator, schema))
            })
            .collect();
        RequestSchemas { compiled }
    }

    /// Validates `body`; the first error becomes a `PropertyValidationException` that names the field.
    pub fn validate(&self, op: Operation, body: &Value) -> Result<(), Fault> {
        let (validator, schema) = &self.compiled[&op];
        match validator.iter_errors(body).next() {
            None => Ok(()),
            Some(error) => Err(describe(schema, &error)),
        }
    }
}

/// `/StrongAuthenticationMethods/0/MethodType` -> `StrongAuthenticationMethods[0].MethodType`.
fn field_name(segments: &[String]) -> String {
    let mut name = String::new();
    for segment in segments {
        if segment.chars().all(|c| c.is_ascii_digit()) && !name.is_empty() {
            name.push_str(&format!("[{segment}]"));
        } else {
            if !name.is_empty() {
                name.push('.');
            }
            name.push_str(segment);
        }
    }
    name
}

fn pointer_segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .filter(|s| !s.is_empty())
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The sub-schema that describes the value at `segments`, following `$ref`s into `definitions`.
fn schema_at<'a>(root: &'a Value, segments: &[String]) -> Option<&'a Value> {
    let mut current = resolve(root, root);
    for segment in segments {
        current = if segment.chars().all(|c| c.is_ascii_digit()) && current.get("items").is_some() {
            resolve(root, current.get("items")?)
        } else {
            resolve(root, current.get("properties")?.get(segment)?)
        };
    }
    Some(current)
}

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    let mut current = schema;
    for _ in 0..8 {
        match current
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/definitions/"))
        {
            Some(name) => match root.get("definitions").and_then(|d| d.get(name)) {
                Some(target) => current = target,
                None => break,
            },
            None => match current
                .get("allOf")
                .and_then(Value::as_array)
                .filter(|all| all.len() == 1)
            {
                Some(all) => current = &all[0],
                None => break,
            },
        }
    }
    current
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn describe(root: &Value, error: &jsonschema::ValidationError) -> Fault {
    let segments = pointer_segments(&error.instance_path.to_string());
    let field = field_name(&segments);
    // The value as the message shows it: clipped, control characters escaped.
    let shown = || {
        let text = match error.instance.as_ref() {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mut clipped: String = text
            .chars()
            .take(64)
            .flat_map(|c| {
                let escaped: Vec<char> = if c.is_control() {
                    c.escape_default().collect()
                } else {
                    vec![c]
                };
                escaped
            })
            .collect();
        if text.chars().count() > 64 {
            clipped.push('…');
        }
        match error.instance.as_ref() {
            Value::String(_) => format!("'{clipped}'"),
            _ => clipped,
        }
    };
    match &error.kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let object = schema_at(root, &segments);
            let mut allowed: Vec<String> = object
                .and_then(|o| o.get("properties"))
                .and_then(Value::as_object)
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            allowed.sort();
            let mut path = segments.clone();
            path.push(unexpected[0].clone());
            Fault::InvalidValue {
                field: field_name(&path),
                reason: format!("There is no parameter named {}.", unexpected[0]),
                allowed,
            }
        }
        ValidationErrorKind::Enum { options } => Fault::InvalidValue {
            field,
            reason: format!("{} is not one of the allowed values.", shown()),
            allowed: strings(options),
        },
        ValidationErrorKind::Required { property } => {
            let mut path = segments.clone();
            path.push(property.as_str().unwrap_or_default().to_string());
            Fault::Required {
                field: field_name(&path),
                reason: "This parameter is required.".to_string(),
            }
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                jsonschema::error::TypeKind::Single(t) => t.to_string(),
                jsonschema::error::TypeKind::Multiple(set) => format!("{set:?}"),
            };
            Fault::invalid(
                if field.is_empty() {
                    "(request body)".to_string()
                } else {
                    field
                },
                format!("{} is not of type {expected}.", shown()),
            )
        }
        ValidationErrorKind::Format { format } => format_fault(field, format, shown()),
        ValidationErrorKind::MaxLength { limit } => Fault::invalid(
            field,
            format!(
                "The value has {} characters; this parameter takes at most {limit}.",
                error.instance.as_str().map_or(0, |s| s.chars().count())
            ),
        ),
        ValidationErrorKind::Pattern { pattern }
            if pattern == text::PRINTABLE || pattern == text::PRINTABLE_MULTILINE =>
        {
            let control = error
                .instance
                .as_str()
                .and_then(|s| text::first_control(s, pattern == text::PRINTABLE_MULTILINE))
                .map_or(0, u32::from);
            Fault::invalid(
                field,
                format!(
                    "The value holds the control character U+{control:04X}; only printable text is accepted{}.",
                    if pattern == text::PRINTABLE_MULTILINE { " (and line breaks and tabs)" } else { "" }
                ),
            )
        }
        ValidationErrorKind::Pattern { .. } => match schema_at(root, &segments)
            .and_then(|s| s.get("format"))
            .and_then(Value::as_str)
        {
            Some(format) => format_fault(field, format, shown()),
            None => Fault::invalid(field, error.to_string()),
        },
        _ => Fault::invalid(
            if field.is_empty() {
                "(request body)".to_string()
            } else {
                field
            },
            error.to_string(),
        ),
    }
}

fn format_fault(field: String, format: &str, shown: String) -> Fault {
    let hint = match format {
        "uuid" => "a GUID like 62e90394-69f5-4237-9190-012177145e10",
        "date-time" => "an ISO 8601 date and time with an offset, like 2024-05-01T09:30:00Z",
        other => other,
    };
    Fault::invalid(field, format!("{shown} is not {hint}."))
}

/// The OpenAPI 3.0 document of every route.
pub fn openapi() -> Value {
    let mut paths = serde_json::Map::new();
    let mut components = serde_json::Map::new();
    for op in Operation::ALL {
        let mut request = op.request_schema();
        hoist_definitions(&mut request, &mut components);
        let mut response = op.response_schema();
        hoist_definitions(&mut response, &mut components);
        paths.insert(
            format!("/v1/{}", op.name()),
            json!({
                "post": {
                    "operationId": op.name(),
                    "summary": op.summary(),
                    // An empty body is the empty parameter set: required only where a parameter is.
                    "requestBody": { "required": has_required(&request), "content": { "application/json": { "schema": request } } },
                    "responses": {
                        "200": { "description": "Done", "content": { "application/json": { "schema": response } } },
                        "default": { "description": "An MSOnline fault", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                    }
                }
            }),
        );
    }
    for op in Operation::ALL.iter().filter(|op| op.is_write()) {
        paths.insert(
            format!("/v1/{}/batch", op.name()),
            json!({
                "post": {
                    "operationId": format!("{}-batch", op.name()),
                    "summary": format!("Many {} requests at once (at most {}), answered in order, each as the single call would be; items naming one object run in order.", op.name(), crate::api::batch::MAX_ITEMS),
                    "requestBody": { "required": true, "content": { "application/json": { "schema": {
                        "type": "object",
                        "required": ["Requests"],
                        "additionalProperties": false,
                        "properties": {
                            "BatchId": { "type": "string", "format": "uuid", "pattern": GUID_PATTERN, "description": "Names the batch for /v1/batches/{BatchId}/stop" },
                            // Each item is checked against the operation's schema on its own and
                            // fails alone, so the batch's own schema only asks for objects.
                            "Requests": { "type": "array", "maxItems": crate::api::batch::MAX_ITEMS, "items": {
                                "type": "object",
                                "description": format!("The parameters of one {} call (GET /schemas/{}.json); an item that does not match them fails alone, in its slot.", op.name(), op.name())
                            } }
                        }
                    } } } },
                    "responses": {
                        "200": { "description": "One answer per request, in order: {Status: 200, Body} or {Status, Error}; OperationStoppedException (409) for items not run because the batch was stopped", "content": { "application/json": { "schema": { "type": "object" } } } },
                        "default": { "description": "The batch itself is refused", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                    }
                }
            }),
        );
    }
    paths.insert(
        "/v1/batches/{BatchId}/stop".to_string(),
        json!({ "post": {
            "summary": "Stops a running batch: items not yet started answer OperationStoppedException; started ones finish.",
            "parameters": [{ "name": "BatchId", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid", "pattern": GUID_PATTERN } }],
            "responses": {
                "200": { "description": "{BatchId, Stopping}: Stopping is false when no such batch runs", "content": { "application/json": { "schema": { "type": "object" } } } },
                "default": error_response("Not authorized, or not a BatchId")
            }
        } }),
    );
    for (path, summary, schema) in [
        ("/openapi.json", "This document.", json!({ "type": "object" })),
        ("/schemas/{name}.json", "The JSON Schema of an operation's request body (name = operation name), or of the tenant file (name = tenant).", json!({ "type": "object" })),
        ("/health", "Whether the bridge is up, and its backend.", json!({ "type": "object" })),
    ] {
        let mut get = json!({ "summary": summary, "responses": {
            "200": { "description": "OK", "content": { "application/json": { "schema": schema } } },
            "default": error_response("Not authorized (401, 403), or no such schema (404)")
        } });
        if path.contains("{name}") {
            let mut names: Vec<String> = Operation::ALL.iter().map(|op| op.name().to_string()).collect();
            names.push("tenant".to_string());
            get["parameters"] = json!([{ "name": "name", "in": "path", "required": true, "schema": { "type": "string", "enum": names } }]);
        }
        paths.insert(path.to_string(), json!({ "get": get }));
    }
    paths.insert(
        "/proof".to_string(),
        json!({ "get": {
            "summary": "Proves this bridge knows its secret, without the bearer: Msol-Bridge-Proof = lower-case hex of HMAC-SHA256(secret, \"msol-bridge proof\\n\" + challenge).",
            "security": [],
            "parameters": [{ "name": "Msol-Bridge-Challenge", "in": "header", "required": true, "schema": { "type": "string", "pattern": "^[0-9A-Fa-f]{32,256}$" } }],
            "responses": {
                "200": { "description": "The proof, also as the Msol-Bridge-Proof header", "content": { "application/json": { "schema": { "type": "object", "required": ["Proof"], "properties": { "Proof": { "type": "string" } } } } } },
                "default": error_response("A malformed challenge (400) or a request from a web page (403)")
            }
        } }),
    );
    components.insert(
        "Error".to_string(),
        json!({
            "type": "object",
            "required": ["Error"],
            "properties": { "Error": {
                "type": "object",
                "required": ["Code", "Message", "Status"],
                "properties": {
                    "Code": { "type": "string", "description": "MSOnline's fault name, such as UserNotFoundException or PropertyValidationException" },
                    "Message": { "type": "string" },
                    "Field": { "type": "string", "description": "The parameter at fault" },
                    "AllowedValues": { "type": "array", "items": { "type": "string" } },
                    "Status": { "type": "integer" }
                }
            } }
        }),
    );
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "msol-bridge",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "MSOnline's operations as JSON. Every call needs 'Authorization: Bearer <the bridge instance's secret>'."
        },
        "components": {
            "schemas": components,
            "securitySchemes": { "bridgeSecret": { "type": "http", "scheme": "bearer" } }
        },
        "security": [{ "bridgeSecret": [] }],
        "paths": paths
    })
}

/// An answer in the error shape.
fn error_response(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

/// Whether a request schema names any parameter as required.
fn has_required(schema: &Value) -> bool {
    schema
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|required| !required.is_empty())
}

/// Moves a schema's `definitions` into the OpenAPI components and rewrites its `$ref`s.
fn hoist_definitions(schema: &mut Value, components: &mut serde_json::Map<String, Value>) {
    if let Some(Value::Object(definitions)) =
        schema.as_object_mut().and_then(|o| o.remove("definitions"))
    {
        for (name, mut definition) in definitions {
            rewrite_refs(&mut definition);
            components.insert(name, definition);
        }
    }
    if let Some(object) = schema.as_object_mut() {
        object.remove("$schema");
    }
    rewrite_refs(schema);
}

fn rewrite_refs(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get_mut("$ref") {
                if let Some(name) = reference.strip_prefix("#/definitions/") {
                    *reference = format!("#/components/schemas/{name}");
                }
            }
            object.values_mut().for_each(rewrite_refs);
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}
