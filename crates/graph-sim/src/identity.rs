//! The Microsoft identity platform's token endpoints as the simulator serves them
//! (reference/graph.md section 8): client credentials with a secret, resource-owner password,
//! device code (approved at `/devicelogin`, or at once with `--auto-approve`) and refresh tokens.
//!
//! Access tokens are JWT-shaped, carrying `scp` (delegated) or `roles` (application) as Microsoft's
//! do (entra/identity-platform/access-token-claims-reference); Graph clients must not read them,
//! and the simulator looks each one up rather than trusting its claims. What a token grants is
//! what the tenant consented for the client (entra/identity-platform/scopes-oidc: `.default`
//! yields every consented permission, an explicit scope must have been consented). Certificate
//! assertions are verified against the app's registered certificates (PS256 or RS256).

use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use uuid::Uuid;

use super::state::SimTenant;
use msol_encoding::base64;

use crate::permissions::{all_permissions, OPENID_SCOPES};
use crate::role_templates::GLOBAL_ADMINISTRATOR;

/// Microsoft Graph PowerShell's public client, as the consent error names it.
const GRAPH_COMMAND_LINE_TOOLS: (&str, &str) = (
    "14d82eec-204b-4c2f-b7e8-296a70dab67e",
    "Microsoft Graph Command Line Tools",
);

/// Who a token speaks for.
#[derive(Clone, Debug)]
pub struct Grant {
    pub app_id: String,
    /// The signed-in user for delegated tokens; `None` for app-only tokens.
    pub user: Option<Uuid>,
    /// The token's `scp` (delegated) or `roles` (app-only).
    pub permissions: BTreeSet<String>,
    pub expires: Instant,
}

struct DeviceCode {
    client_id: String,
    /// The scope asked for at `/devicecode`: the token request of the device code grant
    /// carries none (entra/identity-platform/v2-oauth2-device-code), so the token gets this one.
    scope: String,
    user_code: String,
    expires: Instant,
    approved_for: Option<Uuid>,
}

pub struct Identity {
    /// Registered confidential clients: application id and client secret.
    apps: HashMap<String, String>,
    /// Registered certificates (DER) per application id.
    certificates: HashMap<String, Vec<Vec<u8>>>,
    /// Consented permissions per client id; a client with none recorded is fully consented.
    consents: HashMap<String, BTreeSet<String>>,
    auto_approve: bool,
    token_lifetime: Duration,
    access: HashMap<String, Grant>,
    /// Refresh tokens: the app, the user and the scope they were issued for.
    refresh: HashMap<String, (String, Uuid, String)>,
    device_codes: HashMap<String, DeviceCode>,
    issued: u64,
}

/// A token endpoint answer: status and JSON body.
pub type TokenAnswer = (u16, Value);

/// The identity platform's error body (entra/identity-platform/reference-error-codes): `error`,
/// `error_description` starting with the AADSTS code, `error_codes`, `timestamp`, `trace_id` and
/// `correlation_id`.
pub fn token_error(status: u16, error: &str, code: u32, description: &str) -> TokenAnswer {
    (
        status,
        json!({
            "error": error,
            "error_description": format!("AADSTS{code}: {description}"),
            "error_codes": [code],
            "timestamp": crate::state::graph_time(chrono::Utc::now()),
            "trace_id": Uuid::new_v4(),
            "correlation_id": Uuid::new_v4(),
        }),
    )
}

/// A JWT whose signature is random bytes. UNCONFIRMED choice: the simulator publishes no signing
/// key (its jwks_uri answers an empty key set). MSAL reads id_token claims without checking the
/// signature, and access tokens are for Graph alone; a client that checks either will refuse it.
fn unsigned_jwt(claims: &Value) -> String {
    let header = json!({"typ": "JWT", "alg": "RS256", "kid": "graph-sim"});
    let signature: Vec<u8> = (0..8).flat_map(|_| Uuid::new_v4().into_bytes()).collect();
    format!(
        "{}.{}.{}",
        base64::encode_url(header.to_string().as_bytes()),
        base64::encode_url(claims.to_string().as_bytes()),
        base64::encode_url(&signature)
    )
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).expect("the system's random source works");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Identity {
    pub fn new(
        apps: HashMap<String, String>,
        certificates: HashMap<String, Vec<Vec<u8>>>,
        consents: HashMap<String, BTreeSet<String>>,
        auto_approve: bool,
        token_lifetime: Duration,
    ) -> Identity {
        Identity {
            apps,
            certificates,
            consents,
            auto_approve,
            token_lifetime,
            access: HashMap::new(),
            refresh: HashMap::new(),
            device_codes: HashMap::new(),
            issued: 0,
        }
    }

    pub fn issued(&self) -> u64 {
        self.issued
    }

    pub fn expire_all(&mut self) {
        let now = Instant::now();
        for grant in self.access.values_mut() {
            grant.expires = now;
        }
    }

    pub fn grant_of(&self, token: &str) -> Option<&Grant> {
        self.access.get(token)
    }

    /// What the tenant consented for a client: every permission unless told otherwise.
    fn consented(&self, client_id: &str) -> BTreeSet<String> {
        self.consents
            .get(client_id)
            .cloned()
            .unwrap_or_else(all_permissions)
    }

    /// The delegated permissions a scope parameter yields, or the consent error. Scopes may be
    /// resource-qualified (`https://graph.microsoft.com/User.Read.All`); `.default` is every
    /// consented permission; OpenID Connect scopes need no consent.
    fn delegated_permissions(
        &self,
        client_id: &str,
        scope: &str,
    ) -> Result<BTreeSet<String>, TokenAnswer> {
        let consented = self.consented(client_id);
        let mut granted = BTreeSet::new();
        for item in scope.split_whitespace() {
            let name = item.rsplit('/').next().unwrap_or(item);
            if OPENID_SCOPES.contains(&name) {
                continue;
            }
            if name == ".default" {
                granted.extend(consented.iter().cloned());
            } else if consented.contains(name) {
                granted.insert(name.to_string());
            } else {
                // The identity platform's consent error (entra/identity-platform/reference-error-codes).
                let client_name = if client_id == GRAPH_COMMAND_LINE_TOOLS.0 {
                    GRAPH_COMMAND_LINE_TOOLS.1
                } else {
                    client_id
                };
                return Err(token_error(400, "invalid_grant", 65001, &format!("The user or administrator has not consented to use the application with ID '{client_id}' named '{client_name}'. Send an interactive authorization request for this user and resource.")));
            }
        }
        Ok(granted)
    }

    /// Issues an access token (and a refresh token for a delegated `offline_access` scope). A
    /// delegated answer's `scope` lists what was granted, as the token endpoint's does.
    fn issue(
        &mut self,
        app_id: &str,
        user: Option<Uuid>,
        scope: &str,
        tenant_id: Uuid,
    ) -> TokenAnswer {
        let permissions = match user {
            Some(_) => match self.delegated_permissions(app_id, scope) {
                Ok(granted) => granted,
                Err(refusal) => return refusal,
            },
            None => self.consented(app_id),
        };
        let now = chrono::Utc::now().timestamp();
        let mut claims = json!({
            "aud": "https://graph.microsoft.com",
            "iss": format!("https://sts.windows.net/{tenant_id}/"),
            "iat": now,
            "nbf": now,
            "exp": now + self.token_lifetime.as_secs() as i64,
            "appid": app_id,
            "tid": tenant_id,
            "uti": random_token(),
            "ver": "1.0",
        });
        let answered_scope = match user {
            Some(user) => {
                claims["oid"] = json!(user);
                claims["scp"] = json!(permissions.iter().cloned().collect::<Vec<_>>().join(" "));
                let asked_openid = scope
                    .split_whitespace()
                    .filter(|s| OPENID_SCOPES.contains(s))
                    .map(str::to_string);
                permissions
                    .iter()
                    .cloned()
                    .chain(asked_openid)
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            None => {
                claims["roles"] = json!(permissions.iter().collect::<Vec<_>>());
                scope.to_string()
            }
        };
        let token = unsigned_jwt(&claims);
        self.issued += 1;
        self.access.insert(
            token.clone(),
            Grant {
                app_id: app_id.to_string(),
                user,
                permissions,
                expires: Instant::now() + self.token_lifetime,
            },
        );
        let mut body = json!({
            "token_type": "Bearer",
            "scope": answered_scope,
            "expires_in": self.token_lifetime.as_secs(),
            "ext_expires_in": self.token_lifetime.as_secs(),
            "access_token": token,
        });
        if let Some(user) = user {
            if scope.split(' ').any(|s| s == "offline_access") {
                let refresh = random_token();
                self.refresh.insert(
                    refresh.clone(),
                    (app_id.to_string(), user, scope.to_string()),
                );
                body["refresh_token"] = json!(refresh);
            }
        }
        (200, body)
    }

    /// `POST /{tenant}/oauth2/v2.0/devicecode`.
    pub fn device_code(&mut self, form: &HashMap<String, String>, base_url: &str) -> TokenAnswer {
        let Some(client_id) = form.get("client_id") else {
            return token_error(
                400,
                "invalid_request",
                900144,
                "The request body must contain the following parameter: 'client_id'.",
            );
        };
        let device_code = random_token();
        let user_code: String = random_token()[..9].to_ascii_uppercase();
        self.device_codes.insert(
            device_code.clone(),
            DeviceCode {
                client_id: client_id.clone(),
                scope: form.get("scope").cloned().unwrap_or_default(),
                user_code: user_code.clone(),
                expires: Instant::now() + Duration::from_secs(900),
                approved_for: None,
            },
        );
        let verification_uri = format!("{base_url}/devicelogin");
        (
            200,
            json!({
                "user_code": user_code,
                "device_code": device_code,
                "verification_uri": verification_uri,
                "expires_in": 900,
                "interval": 5,
                "message": format!("To sign in, use a web browser to open the page {verification_uri} and enter the code {user_code} to authenticate."),
            }),
        )
    }

    /// The sign-in page's work: a user approves a device code (form fields `user_code`, `username`).
    pub fn approve(&mut self, form: &HashMap<String, String>, tenant: &SimTenant) -> (u16, String) {
        let (Some(code), Some(username)) = (form.get("user_code"), form.get("username")) else {
            return (400, "Send user_code and username.".to_string());
        };
        let Some(index) = tenant.find_user(username) else {
            return (404, format!("No user {username} in this tenant."));
        };
        let user = tenant.users[index].id;
        match self
            .device_codes
            .values_mut()
            .find(|d| d.user_code.eq_ignore_ascii_case(code))
        {
            Some(pending) => {
                pending.approved_for = Some(user);
                (
                    200,
                    format!("Signed in as {username}. You can close this window."),
                )
            }
            None => (400, "That code is not valid or has expired.".to_string()),
        }
    }

    /// `POST /{tenant}/oauth2/v2.0/token`.
    pub fn token(
        &mut self,
        form: &HashMap<String, String>,
        tenant: &SimTenant,
        authority: &str,
        base_url: &str,
    ) -> TokenAnswer {
        let (status, mut body) = self.grant(form, tenant, authority);
        if status == 200 {
            self.add_openid(&mut body, form, tenant, base_url);
        }
        (status, body)
    }

    /// What OpenID Connect adds to a delegated token answer (entra/identity-platform/id-tokens):
    /// an `id_token` when `openid` was in the scope, and `client_info` (the user's and tenant's
    /// ids) when the client asked for it with `client_info=1`, as MSAL does.
    fn add_openid(
        &self,
        body: &mut Value,
        form: &HashMap<String, String>,
        tenant: &SimTenant,
        base_url: &str,
    ) {
        let Some(grant) = body["access_token"]
            .as_str()
            .and_then(|token| self.access.get(token))
        else {
            return;
        };
        let Some(user) = grant
            .user
            .and_then(|id| tenant.users.iter().find(|u| u.id == id))
        else {
            return;
        };
        let scope = body["scope"].as_str().unwrap_or_default();
        if scope.split(' ').any(|s| s == "openid") {
            let now = chrono::Utc::now().timestamp();
            let claims = json!({
                "aud": grant.app_id,
                "iss": format!("{base_url}/{}/v2.0", tenant.id),
                "iat": now,
                "nbf": now,
                "exp": now + self.token_lifetime.as_secs() as i64,
                "name": user.display_name,
                "oid": user.id,
                "preferred_username": user.user_principal_name,
                "sub": user.id,
                "tid": tenant.id,
                "ver": "2.0",
            });
            body["id_token"] = json!(unsigned_jwt(&claims));
        }
        if form.get("client_info").map(String::as_str) == Some("1") {
            let info = json!({"uid": user.id, "utid": tenant.id});
            body["client_info"] = json!(base64::encode_url(info.to_string().as_bytes()));
        }
    }

    /// The OpenID Connect discovery document of `/{tenant}/v2.0/.well-known/openid-configuration`
    /// (entra/identity-platform/v2-protocols-oidc: "Find your app's OpenID configuration
    /// document URI"). For `organizations` and `common` the issuer keeps the `{tenantid}`
    /// placeholder, as Microsoft's does.
    pub fn openid_configuration(tenant: &SimTenant, authority: &str, base_url: &str) -> Value {
        let issuer_tenant = if authority.eq_ignore_ascii_case("organizations")
            || authority.eq_ignore_ascii_case("common")
        {
            "{tenantid}".to_string()
        } else {
            tenant.id.to_string()
        };
        json!({
            "token_endpoint": format!("{base_url}/{authority}/oauth2/v2.0/token"),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "jwks_uri": format!("{base_url}/{authority}/discovery/v2.0/keys"),
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": format!("{base_url}/{issuer_tenant}/v2.0"),
            "request_uri_parameter_supported": false,
            "userinfo_endpoint": format!("{base_url}/oidc/userinfo"),
            "authorization_endpoint": format!("{base_url}/{authority}/oauth2/v2.0/authorize"),
            "device_authorization_endpoint": format!("{base_url}/{authority}/oauth2/v2.0/devicecode"),
            "http_logout_supported": true,
            "frontchannel_logout_supported": true,
            "end_session_endpoint": format!("{base_url}/{authority}/oauth2/v2.0/logout"),
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"],
            "tenant_region_scope": "NA",
            "cloud_instance_name": "microsoftonline.com",
            "cloud_graph_host_name": "graph.windows.net",
            "msgraph_host": "graph.microsoft.com",
        })
    }

    fn grant(
        &mut self,
        form: &HashMap<String, String>,
        tenant: &SimTenant,
        authority: &str,
    ) -> TokenAnswer {
        let client_id = form.get("client_id").cloned().unwrap_or_default();
        let scope = form.get("scope").cloned().unwrap_or_default();
        match form.get("grant_type").map(String::as_str) {
            Some("client_credentials") => {
                if !self.apps.contains_key(&client_id)
                    && !self.certificates.contains_key(&client_id)
                {
                    return token_error(400, "unauthorized_client", 700016, &format!("Application with identifier '{client_id}' was not found in the directory '{}'.", tenant.display_name));
                }
                if let Some(assertion) = form.get("client_assertion") {
                    if form.get("client_assertion_type").map(String::as_str)
                        != Some("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    {
                        return token_error(400, "invalid_request", 50027, "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.");
                    }
                    let registered = self
                        .certificates
                        .get(&client_id)
                        .map_or(&[][..], Vec::as_slice);
                    if let Err(problem) = crate::assertion::verify_assertion(
                        assertion,
                        registered,
                        &client_id,
                        |aud| aud.ends_with("/oauth2/v2.0/token"),
                    ) {
                        return token_error(
                            401,
                            "invalid_client",
                            700027,
                            &format!("Client assertion failed signature validation: {problem}."),
                        );
                    }
                } else if form.get("client_secret").is_none()
                    || form.get("client_secret") != self.apps.get(&client_id)
                {
                    return token_error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app.");
                }
                if !scope.ends_with("/.default") {
                    return token_error(400, "invalid_scope", 1002012, &format!("The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."));
                }
                self.issue(&client_id, None, &scope, tenant.id)
            }
            Some("password") => {
                // entra/identity-platform/v2-oauth-ropc: ROPC works within Entra tenants only,
                // so a tenant-specific endpoint or `organizations`. The code and text are those
                // Entra answers (seen in clients' reports); the `error` value is UNCONFIRMED.
                if authority.eq_ignore_ascii_case("common")
                    || authority.eq_ignore_ascii_case("consumers")
                {
                    return token_error(
                        400,
                        "invalid_request",
                        9001023,
                        "The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.",
                    );
                }
                let username = form.get("username").cloned().unwrap_or_default();
                let Some(index) = tenant.find_user(&username) else {
                    return token_error(
                        400,
                        "invalid_grant",
                        50034,
                        &format!(
                            "The user account {username} does not exist in the {} directory.",
                            tenant.display_name
                        ),
                    );
                };
                let user = &tenant.users[index];
                if user.password.is_none()
                    || user.password.as_deref() != form.get("password").map(String::as_str)
                {
                    return token_error(
                        400,
                        "invalid_grant",
                        50126,
                        "Error validating credentials due to invalid username or password.",
                    );
                }
                if !user.account_enabled {
                    return token_error(
                        400,
                        "invalid_grant",
                        50057,
                        "The user account is disabled.",
                    );
                }
                if user.auth.per_user_mfa_state != "disabled" {
                    return token_error(400, "invalid_grant", 50076, "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.");
                }
                let id = user.id;
                self.issue(&client_id, Some(id), &scope, tenant.id)
            }
            Some("urn:ietf:params:oauth:grant-type:device_code") => {
                let code = form.get("device_code").cloned().unwrap_or_default();
                let Some(pending) = self.device_codes.get(&code) else {
                    return token_error(
                        400,
                        "bad_verification_code",
                        70019,
                        "Verification code not recognized.",
                    );
                };
                if pending.client_id != client_id {
                    return token_error(
                        400,
                        "invalid_grant",
                        70000,
                        "The device code was issued to another client.",
                    );
                }
                if Instant::now() > pending.expires {
                    self.device_codes.remove(&code);
                    return token_error(
                        400,
                        "expired_token",
                        70020,
                        "The provided authorization code or refresh token has expired.",
                    );
                }
                let user = match pending.approved_for {
                    Some(user) => user,
                    None if self.auto_approve => {
                        match first_global_administrator(tenant) {
                            Some(user) => user,
                            None => return token_error(
                                400,
                                "invalid_grant",
                                50020,
                                "The simulated tenant has no Global Administrator to sign in as.",
                            ),
                        }
                    }
                    None => return token_error(
                        400,
                        "authorization_pending",
                        70016,
                        "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
                    ),
                };
                let granted = pending.scope.clone();
                self.device_codes.remove(&code);
                self.issue(&client_id, Some(user), &granted, tenant.id)
            }
            Some("refresh_token") => {
                let token = form.get("refresh_token").cloned().unwrap_or_default();
                // "Refresh tokens replace themselves with a fresh token upon every use" and the
                // old one "isn't revoked" when used (entra/identity-platform/refresh-tokens): the
                // token stays valid, and the answer carries a new one. A refresh request may
                // leave the scope out; the original scope is kept then.
                match self.refresh.get(&token).cloned() {
                    Some((app, user, original)) if app == client_id => {
                        let scope = if scope.is_empty() { original.clone() } else { scope };
                        let (status, mut body) = self.issue(&client_id, Some(user), &scope, tenant.id);
                        if status == 200 && body.get("refresh_token").is_none() {
                            let fresh = random_token();
                            self.refresh.insert(fresh.clone(), (app, user, original));
                            body["refresh_token"] = json!(fresh);
                        }
                        (status, body)
                    }
                    _ => token_error(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity."),
                }
            }
            other => token_error(
                400,
                "unsupported_grant_type",
                70003,
                &format!(
                    "The app requested an unsupported grant type '{}'.",
                    other.unwrap_or("")
                ),
            ),
        }
    }
}

pub fn first_global_administrator(tenant: &SimTenant) -> Option<Uuid> {
    tenant
        .live_users()
        .find(|u| tenant.holds_role(u.id, GLOBAL_ADMINISTRATOR) && u.account_enabled)
        .map(|u| u.id)
}
