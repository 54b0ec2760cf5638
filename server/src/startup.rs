//! Builds the application from settings, so that `main` and the tests start it the same way.

use crate::backup::DatabaseLock;
use crate::config::{redact_url, Settings};
use crate::limits::{self, InFlightLimit};
use crate::security::{self, OriginPolicy};
use crate::{rest, session};
use anyhow::Context;
use app::content::ContentLibrary;
use app::db::Db;
use app::services::content::ContentStore;
use app::state::{AppState, Clock, Shared};
use app::{shell, App};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::net::{TcpListener, TcpSocket};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Largest request body accepted (forms are small; later uploads get their own limit).
const MAX_BODY_BYTES: usize = 256 * 1024;
/// Connections the kernel holds for us before we accept them (capped by `somaxconn`). A
/// burst of new clients beyond the queue has its connection attempts dropped, and each then
/// waits a second or more to retry: tokio's default of 1024 overflowed under twice the
/// saturation load in the `overload` test.
const LISTEN_BACKLOG: u32 = 4096;
/// A request taking longer than this is answered 408 instead of hanging.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A bound, ready-to-serve application.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    /// The database URL, for hearing other servers' page changes (PostgreSQL).
    database_url: String,
    /// Held while this server may use the SQLite file, so a restore waits for it to stop.
    _lock: Option<DatabaseLock>,
}

impl Application {
    /// Connects to the database, runs migrations and binds the listener.
    pub async fn build(settings: &Settings) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, Clock::system()).await
    }

    /// As [`Application::build`], with a clock the caller controls (tests move time).
    pub async fn build_with_clock(settings: &Settings, clock: Clock) -> anyhow::Result<Self> {
        let lock = DatabaseLock::for_server(&settings.database_url)?;
        let db = connect_and_migrate(settings).await?;
        let listener = listen(settings.bind)
            .with_context(|| format!("could not listen on {}", settings.bind))?;
        let address = listener.local_addr()?;
        let leptos_options = LeptosOptions::builder()
            .output_name("revalign")
            .site_root(settings.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(address)
            .build();
        let content = load_content(settings);
        let state = AppState::new(Shared {
            content,
            db,
            auth: Arc::new(settings.auth_settings()?),
            clock,
            leptos_options,
            public_origin: settings.public_origin().map(Arc::from),
            results: Default::default(),
            pages: settings.page_cache(),
            csp_reports: Default::default(),
        });
        let router = router(
            state.clone(),
            OriginPolicy {
                public_origin: settings.public_origin(),
            },
            settings.in_flight_limit(),
        );
        Ok(Application {
            listener,
            router,
            state,
            database_url: settings.database_url.clone(),
            _lock: lock,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let purge_state = self.state.clone();
        let purger = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(600));
            loop {
                every.tick().await;
                if let Err(error) = app::services::auth::purge_expired(&purge_state).await {
                    tracing::warn!(%error, "could not purge expired sessions");
                }
            }
        });
        // Other servers on the same PostgreSQL database change what cached pages show.
        let listener = (self.state.db.backend() == app::db::Backend::Postgres
            && self.state.pages.enabled())
        .then(|| {
            crate::page_cache::listen_for_changes(
                self.database_url.clone(),
                self.state.pages.clone(),
            )
        });
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        purger.abort();
        if let Some(listener) = listener {
            listener.abort();
        }
        self.state.db.close().await;
        served
    }
}

/// Binds the listening socket with [`LISTEN_BACKLOG`] (and `SO_REUSEADDR`, so a restarted
/// server gets its port back at once).
fn listen(address: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = match address {
        SocketAddr::V4(_) => TcpSocket::new_v4()?,
        SocketAddr::V6(_) => TcpSocket::new_v6()?,
    };
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Opens the database and brings its schema up to date; errors say which step failed.
pub async fn connect_and_migrate(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(&settings.database_url, &settings.pool_settings())
        .await
        .with_context(|| {
            format!(
                "could not open the database {}",
                redact_url(&settings.database_url)
            )
        })?;
    db.migrate().await.context(
        "database migration failed; the server was not started and nothing was changed by this run",
    )?;
    Ok(db)
}

/// Loads `content/`. A file with mistakes is reported and skipped; the rest still serve.
pub fn load_content(settings: &Settings) -> ContentStore {
    let library = ContentLibrary::load(&settings.content_dir);
    for error in &library.errors {
        tracing::error!(%error, "content file skipped; run `revalign check-content` for details");
    }
    tracing::info!(
        models = library.models.len(),
        dir = %settings.content_dir.display(),
        "content loaded"
    );
    ContentStore::new(library)
}

/// The app's routes, generated once per process. While leptos generates them it suppresses
/// resource loading process-wide (a global flag), so any page rendering at that moment would
/// wait forever; generating them once, before any server serves, rules that out (tests
/// start many servers in one process).
pub(crate) fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

fn router(state: AppState, origin_policy: OriginPolicy, in_flight: InFlightLimit) -> Router {
    let routes = route_list();
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    // Axum clones every route's handler (and so what it holds) for each request it serves,
    // even one a middleware answers: hold the options behind one pointer.
    let leptos_options = Arc::new(state.leptos_options.clone());
    let app = crate::endpoints::add_to(Router::new())
        .nest(rest::PREFIX, rest::router())
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(LeptosOptions::clone(&leptos_options))
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn(crate::language::attach_locale))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            session::attach_current_user,
        ))
        .layer(axum::middleware::from_fn_with_state(
            origin_policy,
            security::reject_cross_site,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state.clone());
    // The layers every request passes, around the routed app: a layer on `app` itself runs
    // after routing, wrapped around each route, and axum clones that whole stack for every
    // request. Here they wrap one service.
    Router::new()
        .fallback_service(app)
        // Kept questionnaire pages (before compression; the headers below are added to
        // them as to any response).
        .layer(axum::middleware::from_fn_with_state(
            state,
            crate::page_cache::serve_questionnaire_steps,
        ))
        // Outside the timeout: the wait in line is bounded by the queue timeout, not by it.
        // Kept pages wait their turn too: under overload they compete for the same cores.
        .layer(axum::middleware::from_fn_with_state(
            in_flight,
            limits::limit_in_flight,
        ))
        // Outside the timeout and limits, so that their answers carry the headers too.
        .layer(axum::middleware::from_fn(security::security_headers))
        // Brotli 4 / gzip 4: most of the size win at a fraction of the CPU of the maximum.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .layer(TraceLayer::new_for_http())
}
