//! Data the pages show, shared by server and browser. Nothing secret lives here: no hashes,
//! no tokens (except an invite link or API token shown once to the person who made it), no
//! other organisation's data.

use crate::domain::account::Role;
use crate::error::FieldErrors;
use crate::tr_key;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The signed-in person, as the page header shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    pub display_name: String,
    pub email: String,
    pub organisation_name: String,
    pub role: Role,
}

/// What every page loads: who is looking, the outcome of the last form post, and the
/// page's own content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub viewer: Option<Viewer>,
    pub flash: Option<Flash>,
    pub content: T,
}

/// The organisation settings page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub name: String,
    pub can_manage_members: bool,
    pub members: Vec<MemberView>,
    /// Empty for people who may not manage members.
    pub invites: Vec<InviteSummary>,
    /// The viewer's own API tokens in this organisation, newest first.
    pub api_tokens: Vec<ApiTokenView>,
}

/// One of the viewer's personal API tokens: never the token itself, never its hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: String,
    pub name: String,
    pub created: String,
    /// `YYYY-MM-DD` (UTC) of the last request made with it.
    pub last_used: Option<String>,
    /// `YYYY-MM-DD` (UTC) it was revoked; `None` while it works.
    pub revoked: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub user_id: String,
    /// True when the viewer may remove this member (admins; never themselves or the owner).
    pub removable: bool,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub joined: String,
}

/// Where an invite stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteStatus {
    Open,
    Accepted,
    Revoked,
    Expired,
}

impl InviteStatus {
    pub fn label(self) -> &'static str {
        match self {
            InviteStatus::Open => "Open",
            InviteStatus::Accepted => "Accepted",
            InviteStatus::Revoked => "Revoked",
            InviteStatus::Expired => "Expired",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            InviteStatus::Open => tr_key!("label-invite-status-open"),
            InviteStatus::Accepted => tr_key!("label-invite-status-accepted"),
            InviteStatus::Revoked => tr_key!("label-invite-status-revoked"),
            InviteStatus::Expired => tr_key!("label-invite-status-expired"),
        }
    }
}

/// An invite in the admin's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InviteSummary {
    pub id: String,
    pub role: Role,
    pub note: String,
    pub created_by: String,
    pub created: String,
    pub expires: String,
    pub status: InviteStatus,
    pub accepted_by: Option<String>,
}

/// What someone opening an invite link sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicInvite {
    pub organisation_name: String,
    pub invited_by: String,
    pub role: Role,
    pub status: InviteStatus,
}

/// A one-time message carried across a redirect (Post/Redirect/Get): the outcome of a form
/// post, with the field errors and the values to put back when it failed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Flash {
    /// Which form this is for, so that a page with several forms puts errors in the right one.
    pub form: String,
    pub notice: Option<String>,
    pub error: Option<String>,
    pub fields: FieldErrors,
    /// Submitted values to refill (never passwords).
    pub values: BTreeMap<String, String>,
    /// A freshly created invite link, shown once to its creator.
    pub invite_link: Option<String>,
    /// A freshly created API token, shown once to its owner.
    pub api_token: Option<String>,
}

impl Flash {
    /// A success message for the next page, addressed to `form`.
    pub fn notice(form: &str, message: &str) -> Flash {
        Flash {
            form: form.to_owned(),
            notice: Some(message.to_owned()),
            ..Flash::default()
        }
    }

    /// The flash if it belongs to `form`.
    pub fn for_form(flash: &Option<Flash>, form: &str) -> Option<Flash> {
        flash.as_ref().filter(|f| f.form == form).cloned()
    }

    pub fn value(&self, name: &str) -> Option<String> {
        self.values.get(name).cloned()
    }

    pub fn field_error(&self, name: &str) -> Option<String> {
        self.fields.get(name).cloned()
    }
}

pub mod assessment;
pub mod hiring;
pub mod roadmap;
