//! Accounts and organisations: the rules for what a valid name, e-mail address, password
//! and role are. Each `parse` returns the message a user sees when the input is wrong, in
//! the language of the [`I18n`] it is given.

use crate::i18n::I18n;
use crate::tr_key;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Shortest accepted password, in characters.
pub const PASSWORD_MIN_CHARS: usize = 8;
/// Longest accepted password, in characters (argon2 would take more, but nobody types more).
pub const PASSWORD_MAX_CHARS: usize = 128;
/// Longest display or organisation name.
pub const NAME_MAX_CHARS: usize = 100;

/// A normalised (trimmed, lower-case) e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str, i18n: I18n) -> Result<Self, String> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(i18n.t("account-error-email-empty"));
        }
        if email.chars().count() > 254 {
            return Err(i18n.t("account-error-email-too-long"));
        }
        let valid = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !email.chars().any(char::is_whitespace)
            }
            None => false,
        };
        if !valid {
            return Err(i18n.t("account-error-email-invalid"));
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A password that meets the length rules. Its `Debug` never shows the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn parse(input: &str, i18n: I18n) -> Result<Self, String> {
        let chars = input.chars().count();
        if chars < PASSWORD_MIN_CHARS {
            return Err(i18n.t_with(
                "account-error-password-short",
                &[("min", PASSWORD_MIN_CHARS.into())],
            ));
        }
        if chars > PASSWORD_MAX_CHARS {
            return Err(i18n.t_with(
                "account-error-password-long",
                &[("max", PASSWORD_MAX_CHARS.into())],
            ));
        }
        Ok(Password(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// A person's or organisation's name: trimmed, not empty, not too long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name(String);

impl Name {
    /// With the message in the language of `i18n`; `what` names the field in that language
    /// (e.g. `i18n.t("auth-what-your-name")`).
    pub fn parse(input: &str, what: &str, i18n: I18n) -> Result<Self, String> {
        let name = input.trim();
        let what = ("what", what.into());
        if name.is_empty() {
            return Err(i18n.t_with("account-error-name-empty", &[what]));
        }
        if name.chars().count() > NAME_MAX_CHARS {
            return Err(i18n.t_with(
                "account-error-name-too-long",
                &[what, ("max", NAME_MAX_CHARS.into())],
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(i18n.t_with("account-error-name-control", &[what]));
        }
        Ok(Name(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a member of an organisation may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Created the organisation; everything an admin can, and cannot be removed.
    Owner,
    /// Manages members, invites, campaigns and (later) roles.
    Admin,
    /// Takes part: answers, interviews, reads what they are allowed to.
    Member,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        match input {
            "owner" => Some(Role::Owner),
            "admin" => Some(Role::Admin),
            "member" => Some(Role::Member),
            _ => None,
        }
    }

    /// The role an invite may grant: never owner.
    pub fn parse_invitable(input: &str, i18n: I18n) -> Result<Self, String> {
        match Role::parse(input) {
            Some(role @ (Role::Admin | Role::Member)) => Ok(role),
            _ => Err(i18n.t("account-error-role")),
        }
    }

    /// Owners and admins manage members and invites.
    pub fn can_manage_members(self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }

    /// Owners and admins launch, close and share assessment campaigns.
    pub fn can_run_campaigns(self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Owner => "Owner",
            Role::Admin => "Admin",
            Role::Member => "Member",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Owner => tr_key!("label-role-owner"),
            Role::Admin => tr_key!("label-role-admin"),
            Role::Member => tr_key!("label-role-member"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Ana@Example.COM ", I18n::default())
                .unwrap()
                .as_str(),
            "ana@example.com"
        );
    }

    #[test]
    fn email_without_domain_dot_or_at_is_rejected() {
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "a b@example.com",
            "a@b@c.com",
        ] {
            assert!(
                Email::parse(bad, I18n::default()).is_err(),
                "{bad:?} was accepted"
            );
        }
    }

    #[test]
    fn password_length_is_bounded_in_characters_not_bytes() {
        assert!(Password::parse("1234567", I18n::default()).is_err());
        assert!(Password::parse("12345678", I18n::default()).is_ok());
        // 128 three-byte characters are 128 characters, not 384.
        assert!(Password::parse(&"密".repeat(128), I18n::default()).is_ok());
        assert!(Password::parse(&"x".repeat(129), I18n::default()).is_err());
    }

    #[test]
    fn password_debug_does_not_leak_the_secret() {
        let password = Password::parse("correct horse", I18n::default()).unwrap();
        assert!(!format!("{password:?}").contains("horse"));
    }

    #[test]
    fn names_are_trimmed_and_must_not_be_empty() {
        assert_eq!(
            Name::parse("  Acme  ", "a name", I18n::default())
                .unwrap()
                .as_str(),
            "Acme"
        );
        assert!(Name::parse("   ", "a name", I18n::default()).is_err());
        assert!(Name::parse(&"x".repeat(101), "a name", I18n::default()).is_err());
    }

    #[test]
    fn invites_cannot_grant_ownership() {
        assert!(Role::parse_invitable("owner", I18n::default()).is_err());
        assert_eq!(
            Role::parse_invitable("admin", I18n::default()),
            Ok(Role::Admin)
        );
        assert_eq!(
            Role::parse_invitable("member", I18n::default()),
            Ok(Role::Member)
        );
    }
}
