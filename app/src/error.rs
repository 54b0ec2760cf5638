//! The one error type every layer hands upwards. It is shared with the browser (server
//! functions return it), so it carries only what a user may see: internal causes are logged
//! on the server where they happen and never serialised.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Messages per form field, keyed by the field's `name`. Ordered so that output is stable.
pub type FieldErrors = BTreeMap<String, String>;

/// The `Retry-After` sent with a 503: long enough for a burst to drain, short enough that a
/// person retrying by hand is not kept waiting.
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 5;

/// What went wrong, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    Unauthenticated,
    #[error("You do not have access to this.")]
    Forbidden,
    #[error("We could not find that. It may have been removed, or the link is wrong.")]
    NotFound,
    /// Input that failed validation; `fields` says what to fix where.
    #[error("{message}")]
    Invalid {
        message: String,
        fields: FieldErrors,
    },
    #[error("Too many attempts. Please wait {retry_after_secs} seconds and try again.")]
    RateLimited { retry_after_secs: u64 },
    #[error("The service is busy right now. Please try again in a moment.")]
    Unavailable,
    #[error("Something went wrong on our side. Nothing you entered was lost; please try again.")]
    Internal,
}

impl AppError {
    /// A validation error with one message per field.
    pub fn invalid(fields: FieldErrors) -> Self {
        let message = if fields.len() == 1 {
            "Please correct the highlighted field.".to_owned()
        } else {
            "Please correct the highlighted fields.".to_owned()
        };
        AppError::Invalid { message, fields }
    }

    /// A validation error about the whole form rather than one field.
    pub fn invalid_form(message: impl Into<String>) -> Self {
        AppError::Invalid {
            message: message.into(),
            fields: FieldErrors::new(),
        }
    }

    /// The error for a single bad field.
    pub fn field(name: &str, message: impl Into<String>) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(name.to_owned(), message.into());
        Self::invalid(fields)
    }

    /// The HTTP status this error is answered with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Invalid { .. } => 422,
            AppError::RateLimited { .. } => 429,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
        }
    }

    /// Seconds a client should wait before trying again, sent as `Retry-After`: the rate
    /// limit's own wait, or a short pause when the server is at capacity.
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            AppError::RateLimited { retry_after_secs } => Some(*retry_after_secs),
            AppError::Unavailable => Some(UNAVAILABLE_RETRY_AFTER_SECS),
            _ => None,
        }
    }

    /// Field messages, empty for errors that are not about a field.
    pub fn fields(&self) -> FieldErrors {
        match self {
            AppError::Invalid { fields, .. } => fields.clone(),
            _ => FieldErrors::new(),
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %value, "server function failed outside the application");
        #[cfg(not(feature = "ssr"))]
        let _ = value;
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::PoolTimedOut => {
                tracing::warn!("database pool exhausted");
                AppError::Unavailable
            }
            _ => {
                tracing::error!(%error, "database error");
                AppError::Internal
            }
        }
    }
}

/// Results of application operations.
pub type AppResult<T> = Result<T, AppError>;
