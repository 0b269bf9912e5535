//! The running bridge: bind first (so the real port is known), then serve until told to stop.
//!
//! Connections are served by our own accept loop rather than `warp::serve`, because the bridge
//! must not be held open by another local user: every connection is HTTP/1.1 with a deadline for
//! its request head and body, and the number of open connections is capped (see `ServerLimits`).

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::api::{self, ApiState};
use crate::directory::Directory;
use crate::secret::Secret;

/// How long open connections get to finish after a stop was asked for.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);

/// What connections may hold of the bridge, so that another local user's half-sent requests
/// cannot exhaust its file descriptors or hold it open. Documented in docs/security.md.
#[derive(Clone, Copy, Debug)]
pub struct ServerLimits {
    /// A request head (request line and headers) must arrive whole within this time of the
    /// connection opening or of its previous answer. hyper runs one timer for both, so this is
    /// also the idle keep-alive timeout: a connection with no request for this long is closed.
    pub header_read_timeout: Duration,
    /// A request's whole body must arrive within this time of its head; else 408 and the
    /// connection is closed.
    pub body_read_timeout: Duration,
    /// The most connections open at once; more are closed as soon as they are accepted.
    pub max_connections: usize,
}

impl ServerLimits {
    /// The largest request head hyper reads; a longer one is answered 431 (or 414 for a long
    /// target) by hyper itself, with an empty body.
    pub const MAX_HEAD_BYTES: usize = 64 * 1024;
}

impl Default for ServerLimits {
    fn default() -> ServerLimits {
        ServerLimits {
            header_read_timeout: Duration::from_secs(10),
            // A batch of 1,000 items is a few MiB, sent in milliseconds on loopback.
            body_read_timeout: Duration::from_secs(30),
            // The module keeps a handful of connections.
            max_connections: 256,
        }
    }
}

pub struct Bridge {
    listener: TcpListener,
    address: SocketAddr,
    state: Arc<ApiState>,
    limits: ServerLimits,
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
            limits: ServerLimits::default(),
        })
    }

    /// Other limits than the defaults (tests use short timeouts).
    pub fn with_limits(mut self, limits: ServerLimits) -> Bridge {
        self.limits = limits;
        Arc::get_mut(&mut self.state)
            .expect("not serving yet")
            .body_read_timeout = limits.body_read_timeout;
        self
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Serves until `shutdown` completes, then lets open requests finish (for a few seconds at most).
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) {
        let routes = api::routes(self.state);
        let limits = self.limits;
        let connections = Arc::new(Semaphore::new(limits.max_connections));
        let graceful = hyper_util::server::graceful::GracefulShutdown::new();
        tokio::pin!(shutdown);
        loop {
            let stream = tokio::select! {
                accepted = self.listener.accept() => match accepted {
                    Ok((stream, _)) => stream,
                    Err(error) => {
                        // Out of descriptors or a connection reset before accept: pause, go on.
                        tracing::warn!(%error, "accepting a connection failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                },
                _ = &mut shutdown => break,
            };
            let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
                tracing::warn!(
                    limit = limits.max_connections,
                    "too many open connections; closing a new one"
                );
                continue;
            };
            let _ = stream.set_nodelay(true);
            let warp_service =
                hyper_util::service::TowerToHyperService::new(warp::service(routes.clone()));
            let service = hyper::service::service_fn(move |request: hyper::Request<_>| {
                use futures_util::future::{ready, Either};
                use hyper::service::Service;
                match api::unroutable(request.method(), request.uri()) {
                    Some(refusal) => {
                        Either::Left(ready(Ok::<_, std::convert::Infallible>(refusal)))
                    }
                    None => Either::Right(warp_service.call(request)),
                }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(limits.header_read_timeout)
                .max_buf_size(ServerLimits::MAX_HEAD_BYTES)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                if let Err(error) = connection.await {
                    tracing::debug!(%error, "connection ended with an error");
                }
                drop(permit);
            });
        }
        drop(self.listener);
        if tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("connections still open after {DRAIN_TIMEOUT:?}; stopping anyway");
        }
    }
}
