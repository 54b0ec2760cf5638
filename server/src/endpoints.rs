//! Every route the server answers, in one place: the endpoints plain HTML forms post to and
//! the downloads (one table that both builds the router and lists them), plus an inventory
//! of all routes (pages, server functions, the JSON API) that the security tests walk, so a
//! route added without a rule in their authorisation matrix fails them.

use crate::{assessment_forms, forms, hiring_forms, language, rest, roadmap_forms};
use app::state::AppState;
use axum::handler::Handler;
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use http::Method;

/// One form or download endpoint.
struct Endpoint {
    method: Method,
    path: &'static str,
    handler: MethodRouter<AppState>,
}

fn post_to<H, T>(path: &'static str, handler: H) -> Endpoint
where
    H: Handler<T, AppState>,
    T: 'static,
{
    Endpoint {
        method: Method::POST,
        path,
        handler: post(handler),
    }
}

fn get_from<H, T>(path: &'static str, handler: H) -> Endpoint
where
    H: Handler<T, AppState>,
    T: 'static,
{
    Endpoint {
        method: Method::GET,
        path,
        handler: get(handler),
    }
}

/// The endpoints outside Leptos' pages and the API, each path with one method.
fn table() -> Vec<Endpoint> {
    vec![
        post_to("/signup", forms::sign_up),
        post_to("/signin", forms::sign_in),
        post_to("/signout", forms::sign_out),
        post_to(
            app::components::layout::LANGUAGE_PATH,
            language::switch_language,
        ),
        post_to("/settings/invites", forms::create_invite),
        post_to("/settings/invites/{id}/revoke", forms::revoke_invite),
        post_to("/settings/members/{id}/remove", forms::remove_member),
        post_to("/settings/tokens", forms::create_api_token),
        post_to("/settings/tokens/{id}/revoke", forms::revoke_api_token),
        post_to("/invites/{token}/accept", forms::accept_invite),
        post_to("/invites/{token}/signup", forms::join_with_new_account),
        post_to("/assessments", assessment_forms::launch),
        post_to("/assessments/{id}/links", assessment_forms::add_link),
        post_to(
            "/assessments/{id}/links/{link}/withdraw",
            assessment_forms::withdraw_link,
        ),
        post_to("/assessments/{id}/close", assessment_forms::close),
        post_to(
            "/assessments/{id}/roadmap/settings",
            roadmap_forms::save_settings,
        ),
        post_to(
            "/assessments/{id}/roadmap/initiatives/{initiative}",
            roadmap_forms::change_initiative,
        ),
        get_from(
            "/assessments/{id}/report.md",
            roadmap_forms::report_markdown,
        ),
        get_from("/assessments/{id}/results.csv", roadmap_forms::results_csv),
        get_from(
            "/assessments/{id}/results.json",
            roadmap_forms::results_json,
        ),
        get_from("/assessments/{id}/roadmap.csv", roadmap_forms::roadmap_csv),
        get_from(
            "/assessments/{id}/roadmap.json",
            roadmap_forms::roadmap_json,
        ),
        post_to("/a/{token}/start", assessment_forms::start),
        post_to("/a/{token}/step/{step}", assessment_forms::save_step),
        post_to("/a/{token}/submit", assessment_forms::submit),
        post_to("/hiring/roles", hiring_forms::open_role),
        post_to("/hiring/visibility", hiring_forms::set_visibility),
        post_to("/hiring/roles/{id}/settings", hiring_forms::update_role),
        post_to("/hiring/roles/{id}/stages", hiring_forms::add_stage),
        post_to("/hiring/roles/{id}/candidates", hiring_forms::add_candidate),
        post_to(
            "/interviews/{stage}/{candidate}",
            hiring_forms::save_scorecard,
        ),
        post_to("/hiring/candidates/{id}/decisions", hiring_forms::decide),
        post_to(app::CSP_REPORT_PATH, crate::security::csp_report),
        get_from("/health", || async { "ok" }),
    ]
}

/// Adds the form and download endpoints to `router`.
pub(crate) fn add_to(router: Router<AppState>) -> Router<AppState> {
    table().into_iter().fold(router, |router, endpoint| {
        router.route(endpoint.path, endpoint.handler)
    })
}

/// What answers a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RouteKind {
    /// A server-rendered page.
    Page,
    /// A form post or a download.
    Form,
    /// A Leptos server function.
    ServerFn,
    /// The JSON API.
    Api,
}

/// One route: method and path, with `{name}` for each parameter.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Route {
    pub kind: RouteKind,
    pub method: Method,
    pub path: String,
}

/// Every route the server answers (static files aside), sorted.
pub fn inventory() -> Vec<Route> {
    let forms = table().into_iter().map(|endpoint| Route {
        kind: RouteKind::Form,
        method: endpoint.method,
        path: endpoint.path.to_owned(),
    });
    let pages = crate::startup::route_list()
        .into_iter()
        .flat_map(|listing| {
            let path = braced(listing.path());
            listing
                .methods()
                .map(move |method| Route {
                    kind: RouteKind::Page,
                    method: http_method(method),
                    path: path.clone(),
                })
                .collect::<Vec<_>>()
        });
    let server_fns = leptos::server_fn::axum::server_fn_paths().map(|(path, method)| Route {
        kind: RouteKind::ServerFn,
        method,
        path: path.to_owned(),
    });
    let api = rest::openapi().paths.paths.iter().flat_map(|(path, item)| {
        api_methods(item).into_iter().map(move |method| Route {
            kind: RouteKind::Api,
            method,
            path: path.clone(),
        })
    });
    let mut routes: Vec<Route> = forms.chain(pages).chain(server_fns).chain(api).collect();
    routes.sort();
    routes.dedup();
    routes
}

/// `/a/:token/step/:step` (Leptos) as `/a/{token}/step/{step}` (axum and OpenAPI).
fn braced(path: &str) -> String {
    path.split('/')
        .map(|segment| match segment.strip_prefix(':') {
            Some(name) => format!("{{{name}}}"),
            None => segment.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn http_method(method: leptos_router::Method) -> Method {
    match method {
        leptos_router::Method::Get => Method::GET,
        leptos_router::Method::Post => Method::POST,
        leptos_router::Method::Put => Method::PUT,
        leptos_router::Method::Delete => Method::DELETE,
        leptos_router::Method::Patch => Method::PATCH,
    }
}

fn api_methods(item: &utoipa::openapi::PathItem) -> Vec<Method> {
    [
        (Method::GET, item.get.is_some()),
        (Method::POST, item.post.is_some()),
        (Method::PUT, item.put.is_some()),
        (Method::PATCH, item.patch.is_some()),
        (Method::DELETE, item.delete.is_some()),
    ]
    .into_iter()
    .filter_map(|(method, present)| present.then_some(method))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leptos_parameters_become_braces() {
        assert_eq!(braced("/a/:token/step/:step"), "/a/{token}/step/{step}");
        assert_eq!(braced("/"), "/");
    }
}
