//! The Microsoft Graph backend: sign-in (`auth`), the one request path (`client`), shapes
//! (`convert`) and the `Directory` implementation (`directory`), with national clouds (`cloud`) and
//! writes paced at the write quota (`pacing`).

pub mod auth;
pub mod client;
pub mod cloud;
pub mod convert;
pub mod directory;
pub mod pacing;
pub mod permissions;

use std::time::Duration;

pub use auth::SignIn;
pub use directory::GraphDirectory;

/// The most requests one `$batch` may carry (reference/graph.md section 5).
pub const BATCH_LIMIT: usize = 20;

/// Everything needed to reach a tenant's Graph.
#[derive(Clone, Debug)]
pub struct GraphSettings {
    pub endpoints: cloud::Endpoints,
    /// A tenant id or domain, or `organizations`.
    pub tenant: String,
    pub sign_in: SignIn,
    pub retry: client::RetryPolicy,
}

/// Builds the backend and signs in; `show` receives the device-code message for the user.
pub async fn connect(
    settings: GraphSettings,
    show: &(dyn Fn(&str) + Send + Sync),
) -> anyhow::Result<GraphDirectory> {
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(30))
        .timeout(Duration::from_secs(120))
        .user_agent(concat!("msol-bridge/", env!("CARGO_PKG_VERSION")))
        .build()?;
    let tokens = auth::TokenSource::new(
        http.clone(),
        settings.endpoints.clone(),
        settings.tenant,
        settings.sign_in,
    );
    tokens.sign_in(show).await?;
    Ok(GraphDirectory::new(client::GraphClient::new(
        http,
        settings.endpoints.graph,
        tokens,
        settings.retry,
    )))
}
