//! The running bridge: bind first (so the real port is known), then serve until told to stop.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use tokio::net::TcpListener;

use crate::api::{self, ApiState};
use crate::directory::Directory;
use crate::secret::Secret;

/// How long open connections get to finish after a stop was asked for.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Bridge {
    listener: TcpListener,
    address: SocketAddr,
    state: Arc<ApiState>,
}

impl Bridge {
    /// Binds `listen` (loopback only) and prepares the API.
    pub async fn bind(
        listen: SocketAddr,
        directory: Arc<dyn Directory>,
        secret: Secret,
    ) -> Result<Bridge> {
        if !listen.ip().is_loopback() {
            bail!("the bridge listens on loopback only (127.0.0.1 or ::1), not on {}: it holds a directory and answers local scripts", listen.ip());
        }
        if secret.expose().len() < Secret::MIN_LENGTH {
            bail!(
                "the bridge secret has {} characters; it needs at least {}",
                secret.expose().len(),
                Secret::MIN_LENGTH
            );
        }
        let listener = TcpListener::bind(listen)
            .await
            .with_context(|| format!("listening on {listen}"))?;
        let address = listener.local_addr()?;
        let state = Arc::new(ApiState::new(directory, secret, address.port()));
        Ok(Bridge {
            listener,
            address,
            state,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Serves until `shutdown` completes, then lets open requests finish (for a few seconds at most).
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) {
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let server = warp::serve(api::routes(self.state))
            .incoming(self.listener)
            .graceful(async move {
                let _ = stop_rx.await;
            })
            .run();
        tokio::pin!(server);
        tokio::select! {
            _ = &mut server => return,
            _ = shutdown => {}
        }
        let _ = stop_tx.send(());
        if tokio::time::timeout(DRAIN_TIMEOUT, server).await.is_err() {
            tracing::warn!("connections still open after {DRAIN_TIMEOUT:?}; stopping anyway");
        }
    }
}
