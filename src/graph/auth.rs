//! Signing in to the Microsoft identity platform (reference/graph.md section 8) and keeping a
//! valid access token: acquired once, renewed before it expires, renewed again when Graph says it
//! has expired. Secrets live in `Secret`s and appear in no message.

use std::time::{Duration, Instant};

use serde::Deserialize;

use super::cloud::Endpoints;
use super::permissions;
use crate::secret::Secret;

/// Microsoft Graph PowerShell's public client id: the application `Connect-MgGraph` signs in with,
/// so delegated sign-in needs no app registration of one's own.
pub const GRAPH_POWERSHELL_CLIENT_ID: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

/// Renew this long before a token expires (at most half its life), so no request carries a token about to lapse.
const RENEW_MARGIN: Duration = Duration::from_secs(120);

#[derive(Clone, Debug)]
pub enum SignIn {
    /// Delegated, interactive: the user approves a code in a browser.
    DeviceCode { client_id: String },
    /// Delegated, resource-owner password (fails when MFA or conditional access applies).
    Password {
        client_id: String,
        username: String,
        password: Secret,
    },
    /// App-only: an app registration's client secret.
    ClientSecret { client_id: String, secret: Secret },
    /// App-only: an app registration's certificate, proving itself with a signed assertion.
    Certificate {
        client_id: String,
        certificate: std::sync::Arc<crate::certificate::ClientCertificate>,
        algorithm: crate::certificate::Algorithm,
    },
    /// A token obtained elsewhere (`-MsGraphAccessToken`); it cannot be renewed.
    AccessToken(Secret),
}

impl SignIn {
    /// The application the sign-in is for (none for a given token).
    pub fn client_id(&self) -> Option<&str> {
        match self {
            SignIn::DeviceCode { client_id }
            | SignIn::Password { client_id, .. }
            | SignIn::ClientSecret { client_id, .. }
            | SignIn::Certificate { client_id, .. } => Some(client_id),
            SignIn::AccessToken(_) => None,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            SignIn::DeviceCode { client_id } => format!("device code (client {client_id})"),
            SignIn::Password { username, .. } => format!("password for {username}"),
            SignIn::ClientSecret { client_id, .. } => {
                format!("client secret of application {client_id}")
            }
            SignIn::Certificate {
                client_id,
                certificate,
                algorithm,
            } => {
                format!("certificate {certificate:?} ({algorithm:?}) of application {client_id}")
            }
            SignIn::AccessToken(_) => "a given access token".to_string(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("Microsoft sign-in refused: {0}")]
    Refused(String),
    #[error("Microsoft sign-in could not be reached at {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("{0}")]
    Other(String),
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    expires_in: Option<u64>,
    refresh_token: Option<String>,
}

#[derive(Deserialize)]
struct TokenError {
    error: String,
    error_description: Option<String>,
}

#[derive(Deserialize)]
struct DeviceCodeResponse {
    device_code: String,
    message: String,
    interval: Option<u64>,
    expires_in: Option<u64>,
}

struct Token {
    value: Secret,
    /// When to renew: the expiry less the renewal margin.
    renew_at: Option<Instant>,
}

pub struct TokenSource {
    http: reqwest::Client,
    endpoints: Endpoints,
    tenant: String,
    sign_in: SignIn,
    state: tokio::sync::Mutex<(Option<Token>, Option<Secret>)>,
}

/// What the identity platform's error means for the admin, with its AADSTS code kept for support.
fn explain(error: &TokenError, client_id: Option<&str>) -> String {
    let description = error.error_description.clone().unwrap_or_default();
    let first_line = description.lines().next().unwrap_or("").to_string();
    let consent;
    let hint = if description.contains("AADSTS65001") {
        consent = format!(
            " The tenant has not consented every permission msol-bridge signs in with ({}). {}",
            permissions::DELEGATED_SCOPES.join(", "),
            permissions::how_to_consent(client_id.unwrap_or(GRAPH_POWERSHELL_CLIENT_ID))
        );
        consent.as_str()
    } else if description.contains("AADSTS50076")
        || description.contains("AADSTS50079")
        || description.contains("AADSTS50158")
    {
        " Multi-factor authentication or conditional access blocks password sign-in: sign in interactively (Connect-MsolService without -Credential) or use an app registration (its application id as user name, a client secret as password)."
    } else if description.contains("AADSTS7000215") {
        " Check that the password of the credential is the client secret's value, not its id."
    } else if description.contains("AADSTS700016") {
        " Check the application id and the tenant (MSOL_BRIDGE_TENANT_ID)."
    } else if description.contains("AADSTS90002") {
        " Check the tenant id or domain (MSOL_BRIDGE_TENANT_ID)."
    } else {
        ""
    };
    format!("{} ({first_line}).{hint}", error.error)
}

impl TokenSource {
    pub fn new(
        http: reqwest::Client,
        endpoints: Endpoints,
        tenant: String,
        sign_in: SignIn,
    ) -> TokenSource {
        TokenSource {
            http,
            endpoints,
            tenant,
            sign_in,
            state: tokio::sync::Mutex::new((None, None)),
        }
    }

    fn token_url(&self) -> String {
        format!("{}/{}/oauth2/v2.0/token", self.endpoints.login, self.tenant)
    }

    fn delegated_scope(&self) -> String {
        permissions::delegated_scope(&self.endpoints.graph)
    }

    async fn post_form(
        &self,
        url: &str,
        form: &[(&str, &str)],
    ) -> Result<Result<serde_json::Value, TokenError>, SignInError> {
        let response =
            self.http
                .post(url)
                .form(form)
                .send()
                .await
                .map_err(|e| SignInError::Unreachable {
                    url: url.to_string(),
                    reason: e.without_url().to_string(),
                })?;
        let status = response.status();
        let body: serde_json::Value = response.json().await.map_err(|e| {
            SignInError::Other(format!(
                "the sign-in answer from {url} was not JSON: {}",
                e.without_url()
            ))
        })?;
        if status.is_success() {
            Ok(Ok(body))
        } else {
            Ok(Err(serde_json::from_value(body).unwrap_or(TokenError {
                error: format!("HTTP {status}"),
                error_description: None,
            })))
        }
    }

    fn accept(&self, body: serde_json::Value) -> Result<(Token, Option<Secret>), SignInError> {
        let parsed: TokenResponse = serde_json::from_value(body)
            .map_err(|e| SignInError::Other(format!("the token answer lacked a field: {e}")))?;
        Ok((
            Token {
                value: Secret::new(parsed.access_token),
                renew_at: parsed.expires_in.map(|s| {
                    let life = Duration::from_secs(s);
                    Instant::now() + life - RENEW_MARGIN.min(life / 2)
                }),
            },
            parsed.refresh_token.map(Secret::new),
        ))
    }

    /// Signs in for the first time; `show` receives the device-code sign-in message.
    pub async fn sign_in(&self, show: &(dyn Fn(&str) + Send + Sync)) -> Result<(), SignInError> {
        let mut state = self.state.lock().await;
        let acquired = match &self.sign_in {
            SignIn::DeviceCode { client_id } => self.device_code(client_id, show).await?,
            _ => self.acquire(None).await?,
        };
        *state = (Some(acquired.0), acquired.1);
        Ok(())
    }

    async fn device_code(
        &self,
        client_id: &str,
        show: &(dyn Fn(&str) + Send + Sync),
    ) -> Result<(Token, Option<Secret>), SignInError> {
        let url = format!(
            "{}/{}/oauth2/v2.0/devicecode",
            self.endpoints.login, self.tenant
        );
        let scope = self.delegated_scope();
        let started = match self
            .post_form(&url, &[("client_id", client_id), ("scope", &scope)])
            .await?
        {
            Ok(body) => serde_json::from_value::<DeviceCodeResponse>(body).map_err(|e| {
                SignInError::Other(format!("the device code answer lacked a field: {e}"))
            })?,
            Err(error) => {
                return Err(SignInError::Refused(explain(
                    &error,
                    self.sign_in.client_id(),
                )))
            }
        };
        show(&started.message);
        let interval = Duration::from_secs(started.interval.unwrap_or(5).max(1));
        let deadline = Instant::now() + Duration::from_secs(started.expires_in.unwrap_or(900));
        let token_url = self.token_url();
        loop {
            let form = [
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                ("client_id", client_id),
                ("device_code", started.device_code.as_str()),
            ];
            match self.post_form(&token_url, &form).await? {
                Ok(body) => return self.accept(body),
                Err(error)
                    if error.error == "authorization_pending" || error.error == "slow_down" => {}
                Err(error) => {
                    return Err(SignInError::Refused(explain(
                        &error,
                        self.sign_in.client_id(),
                    )))
                }
            }
            if Instant::now() + interval > deadline {
                return Err(SignInError::Refused(
                    "the sign-in code expired before it was used: run Connect-MsolService again"
                        .to_string(),
                ));
            }
            tokio::time::sleep(interval).await;
        }
    }

    /// Non-interactive acquisition: client secret, password, or the refresh token of an earlier sign-in.
    async fn acquire(
        &self,
        refresh: Option<&Secret>,
    ) -> Result<(Token, Option<Secret>), SignInError> {
        let url = self.token_url();
        let app_scope = format!("{}/.default", self.endpoints.graph);
        let delegated_scope = self.delegated_scope();
        let answer = match (&self.sign_in, refresh) {
            (SignIn::AccessToken(token), _) => {
                return Ok((
                    Token {
                        value: token.clone(),
                        renew_at: None,
                    },
                    None,
                ));
            }
            (
                SignIn::DeviceCode { client_id } | SignIn::Password { client_id, .. },
                Some(refresh),
            ) => {
                self.post_form(
                    &url,
                    &[
                        ("grant_type", "refresh_token"),
                        ("client_id", client_id),
                        ("refresh_token", refresh.expose()),
                        ("scope", &delegated_scope),
                    ],
                )
                .await?
            }
            (
                SignIn::Certificate {
                    client_id,
                    certificate,
                    algorithm,
                },
                _,
            ) => {
                let assertion = certificate.assertion(client_id, &url, *algorithm);
                self.post_form(
                    &url,
                    &[
                        ("grant_type", "client_credentials"),
                        ("client_id", client_id),
                        (
                            "client_assertion_type",
                            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        ),
                        ("client_assertion", &assertion),
                        ("scope", &app_scope),
                    ],
                )
                .await?
            }
            (SignIn::ClientSecret { client_id, secret }, _) => {
                self.post_form(
                    &url,
                    &[
                        ("grant_type", "client_credentials"),
                        ("client_id", client_id),
                        ("client_secret", secret.expose()),
                        ("scope", &app_scope),
                    ],
                )
                .await?
            }
            (
                SignIn::Password {
                    client_id,
                    username,
                    password,
                },
                None,
            ) => {
                self.post_form(
                    &url,
                    &[
                        ("grant_type", "password"),
                        ("client_id", client_id),
                        ("username", username),
                        ("password", password.expose()),
                        ("scope", &delegated_scope),
                    ],
                )
                .await?
            }
            (SignIn::DeviceCode { .. }, None) => {
                return Err(SignInError::Refused("the interactive sign-in has lapsed and cannot be renewed: run Connect-MsolService again".to_string()));
            }
        };
        match answer {
            Ok(body) => self.accept(body),
            Err(error) => Err(SignInError::Refused(explain(
                &error,
                self.sign_in.client_id(),
            ))),
        }
    }

    /// A token valid for at least the renewal margin; `stale` is one Graph just rejected as expired.
    pub async fn token(&self, stale: Option<&str>) -> Result<Secret, SignInError> {
        let mut state = self.state.lock().await;
        let usable = match &state.0 {
            Some(token) => {
                stale != Some(token.value.expose())
                    && token.renew_at.is_none_or(|at| Instant::now() < at)
            }
            None => false,
        };
        if !usable {
            if matches!(self.sign_in, SignIn::AccessToken(_)) && stale.is_some() {
                return Err(SignInError::Refused("the access token given to Connect-MsolService has expired: get a new one and connect again".to_string()));
            }
            let refresh = state.1.clone();
            let (token, new_refresh) = match self.acquire(refresh.as_ref()).await {
                Ok(acquired) => acquired,
                // A refresh token can lapse; a password sign-in can start over.
                Err(_) if refresh.is_some() && matches!(self.sign_in, SignIn::Password { .. }) => {
                    self.acquire(None).await?
                }
                Err(error) => return Err(error),
            };
            *state = (Some(token), new_refresh.or(refresh));
        }
        Ok(state
            .0
            .as_ref()
            .expect("a token was just stored")
            .value
            .clone())
    }
}
