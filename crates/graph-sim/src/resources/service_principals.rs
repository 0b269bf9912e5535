//! Service principals (graph/api/serviceprincipal-list, serviceprincipal-get,
//! serviceprincipal-update) with their keyCredentials and passwordCredentials.

use super::*;
use crate::state::{SimApplication, SimServicePrincipal};

/// A service principal as Graph shows it. A key's `key` is answered only "when $select is used on
/// a single object", otherwise null (graph/api/resources/keycredential); a password's secretText
/// never is.
fn principal_json(principal: &SimServicePrincipal, with_keys: bool) -> Value {
    let keys: Vec<Value> = principal
        .key_credentials
        .iter()
        .map(|key| {
            let mut key = key.clone();
            if !with_keys {
                key["key"] = Value::Null;
            }
            key
        })
        .collect();
    json!({
        "id": principal.id,
        "appId": principal.app_id,
        "displayName": principal.display_name,
        "accountEnabled": principal.account_enabled,
        "servicePrincipalNames": principal.service_principal_names,
        "replyUrls": principal.reply_urls,
        "servicePrincipalType": "Application",
        "keyCredentials": keys,
        "passwordCredentials": principal.password_credentials,
    })
}

pub(super) fn list_service_principals(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    let principals = &tenant.service_principals;
    paged_collection(request, "servicePrincipals", principals.len(), |range| {
        principals[range]
            .iter()
            .map(|p| select(principal_json(p, false), request.param("$select"), None))
            .collect()
    })
}

pub(super) fn get_service_principal(
    tenant: &SimTenant,
    id: &str,
    request: &SimRequest,
) -> SimResponse {
    let Some(principal) = tenant
        .service_principals
        .iter()
        .find(|p| p.id.to_string().eq_ignore_ascii_case(id))
    else {
        return not_found(id);
    };
    let with_keys = request.param("$select").is_some_and(|s| {
        s.split(',')
            .any(|p| p.trim().eq_ignore_ascii_case("keyCredentials"))
    });
    SimResponse::json(
        200,
        select(
            principal_json(principal, with_keys),
            request.param("$select"),
            None,
        ),
    )
}

/// A keyCredential a caller may write: a GUID keyId, a certificate type, a usage, a base64 key
/// and an end after the start.
fn valid_key(key: &Value) -> bool {
    let text = |name: &str| key[name].as_str();
    let time = |name: &str| text(name).and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
    text("keyId").is_some_and(|id| Uuid::parse_str(id).is_ok())
        && matches!(
            text("type"),
            Some("AsymmetricX509Cert" | "X509CertAndPassword")
        )
        && matches!(text("usage"), Some("Verify" | "Sign"))
        && text("key").is_some_and(|k| !k.is_empty() && msol_encoding::base64::decode(k).is_some())
        && match (time("startDateTime"), time("endDateTime")) {
            (Some(start), Some(end)) => end > start,
            (None, Some(_)) => true,
            _ => false,
        }
}

/// `PATCH /servicePrincipals/{id}`: 204 No Content; `keyCredentials` replaces the whole
/// collection. The whole body is checked before anything changes.
pub(super) fn update_service_principal(
    tenant: &mut SimTenant,
    id: &str,
    request: &SimRequest,
) -> SimResponse {
    let Some(index) = tenant.find_service_principal(id) else {
        return not_found(id);
    };
    let Some(Value::Object(patch)) = &request.body else {
        return bad_request("A request body is required.");
    };
    let strings = |value: &Value| {
        value
            .as_array()
            .is_some_and(|items| items.iter().all(Value::is_string))
    };
    for (key, value) in patch {
        let typed = match key.as_str() {
            // Instance annotations such as the `@odata.type` SDKs send are not properties.
            annotation if annotation.starts_with('@') => true,
            "accountEnabled" => value.is_boolean(),
            "displayName" => value.is_string(),
            "servicePrincipalNames" | "replyUrls" => strings(value),
            "keyCredentials" => value
                .as_array()
                .is_some_and(|keys| keys.iter().all(valid_key)),
            _ => {
                return bad_request(&format!(
                    "Property '{key}' is read-only or does not exist on type 'microsoft.graph.servicePrincipal'."
                ))
            }
        };
        if !typed {
            return bad_request(&format!(
                "Invalid value specified for property '{key}' of resource 'ServicePrincipal'."
            ));
        }
    }
    let principal = &mut tenant.service_principals[index];
    let texts = |value: &Value| -> Vec<String> {
        value
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    for (key, value) in patch {
        match key.as_str() {
            "accountEnabled" => principal.account_enabled = value.as_bool().unwrap_or(true),
            "displayName" => {
                principal.display_name = value.as_str().unwrap_or_default().to_string()
            }
            "servicePrincipalNames" => principal.service_principal_names = texts(value),
            "replyUrls" => principal.reply_urls = texts(value),
            "keyCredentials" => {
                principal.key_credentials = value.as_array().cloned().unwrap_or_default()
            }
            _ => {}
        }
    }
    SimResponse::no_content()
}

/// `POST /servicePrincipals/{id}/removePassword` (graph/api/serviceprincipal-removepassword):
/// 204. A keyId the principal does not hold is a 400 whose text is UNCONFIRMED.
pub(super) fn remove_password(
    tenant: &mut SimTenant,
    id: &str,
    request: &SimRequest,
) -> SimResponse {
    let Some(index) = tenant.find_service_principal(id) else {
        return not_found(id);
    };
    let Some(key) = request.body.as_ref().and_then(|b| b["keyId"].as_str()) else {
        return bad_request("Property 'keyId' is required.");
    };
    let passwords = &mut tenant.service_principals[index].password_credentials;
    let before = passwords.len();
    passwords.retain(|p| {
        !p["keyId"]
            .as_str()
            .is_some_and(|k| k.eq_ignore_ascii_case(key))
    });
    if passwords.len() == before {
        return bad_request(&format!("No password credential with keyId {key}."));
    }
    SimResponse::no_content()
}

/// `POST /applications` (graph/api/application-post-applications): 201 with the application and
/// its new appId; `displayName` is required.
pub(super) fn create_application(tenant: &mut SimTenant, request: &SimRequest) -> SimResponse {
    let Some(Value::Object(body)) = &request.body else {
        return bad_request("A request body is required.");
    };
    let Some(name) = body
        .get("displayName")
        .and_then(Value::as_str)
        .filter(|n| !n.trim().is_empty())
    else {
        return bad_request("Property 'displayName' is required for resource 'Application'.");
    };
    if let Some(key) = body
        .keys()
        .find(|k| !k.starts_with('@') && *k != "displayName")
    {
        return bad_request(&format!(
            "The Graph simulator does not implement the application property '{key}'."
        ));
    }
    let application = SimApplication {
        id: Uuid::new_v4(),
        app_id: Uuid::new_v4(),
        display_name: name.to_string(),
    };
    let answer = json!({
        "@odata.context": format!("{}/v1.0/$metadata#applications/$entity", request.base_url),
        "id": application.id,
        "appId": application.app_id,
        "displayName": application.display_name,
    });
    tenant.applications.push(application);
    SimResponse::json(201, answer)
}

/// `POST /servicePrincipals` (graph/api/serviceprincipal-post-serviceprincipals): `appId` must
/// name an application; the principal takes its display name. One principal per application
/// (the refusal's code and text are UNCONFIRMED).
pub(super) fn create_service_principal(
    tenant: &mut SimTenant,
    request: &SimRequest,
) -> SimResponse {
    let Some(Value::Object(body)) = &request.body else {
        return bad_request("A request body is required.");
    };
    let strings = |value: &Value| {
        value.as_array().map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
    };
    for (key, value) in body.iter().filter(|(k, _)| !k.starts_with('@')) {
        let fine = match key.as_str() {
            "appId" => value.as_str().is_some_and(|v| Uuid::parse_str(v).is_ok()),
            "accountEnabled" => value.is_boolean(),
            "servicePrincipalNames" | "replyUrls" => value
                .as_array()
                .is_some_and(|a| a.iter().all(Value::is_string)),
            _ => false,
        };
        if !fine {
            return bad_request(&format!(
                "Invalid value specified for property '{key}' of resource 'ServicePrincipal'."
            ));
        }
    }
    let Some(app_id) = body
        .get("appId")
        .and_then(Value::as_str)
        .and_then(|a| Uuid::parse_str(a).ok())
    else {
        return bad_request("Property 'appId' is required for resource 'ServicePrincipal'.");
    };
    let Some(application) = tenant.applications.iter().find(|a| a.app_id == app_id) else {
        return bad_request(&format!(
            "The appId '{app_id}' of the service principal does not reference a valid application object."
        ));
    };
    if tenant.service_principals.iter().any(|p| p.app_id == app_id) {
        return error(
            409,
            "Request_MultipleObjectsWithSameKeyValue",
            "The service principal cannot be created, updated, or restored because the service principal name is already in use.",
        );
    }
    let mut names = body
        .get("servicePrincipalNames")
        .and_then(strings)
        .unwrap_or_default();
    if !names
        .iter()
        .any(|n| n.eq_ignore_ascii_case(&app_id.to_string()))
    {
        names.push(app_id.to_string());
    }
    let principal = SimServicePrincipal {
        id: Uuid::new_v4(),
        app_id,
        display_name: application.display_name.clone(),
        account_enabled: body
            .get("accountEnabled")
            .and_then(Value::as_bool)
            .unwrap_or(true),
        service_principal_names: names,
        reply_urls: body.get("replyUrls").and_then(strings).unwrap_or_default(),
        key_credentials: Vec::new(),
        password_credentials: Vec::new(),
    };
    let mut answer = principal_json(&principal, false);
    answer["@odata.context"] = json!(format!(
        "{}/v1.0/$metadata#servicePrincipals/$entity",
        request.base_url
    ));
    tenant.service_principals.push(principal);
    SimResponse::json(201, answer)
}

/// `DELETE /servicePrincipals/{id}` (graph/api/serviceprincipal-delete): 204; its role and group
/// memberships go with it, its application stays.
pub(super) fn delete_service_principal(tenant: &mut SimTenant, id: &str) -> SimResponse {
    let Some(index) = tenant.find_service_principal(id) else {
        return not_found(id);
    };
    let principal = tenant.service_principals.remove(index);
    for role in &mut tenant.roles {
        role.members.remove(&principal.id);
    }
    for group in &mut tenant.groups {
        group.members.remove(&principal.id);
    }
    SimResponse::no_content()
}
