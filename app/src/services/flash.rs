//! The flash cookie: a short-lived, HttpOnly cookie that carries a form's outcome across the
//! redirect that follows a plain (JavaScript-off) form post. It is signed with the server's
//! secret, so a message on our pages always comes from us.

use super::cookies::request_cookie;
use crate::models::Flash;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const COOKIE: &str = "revalign_flash";

fn signature(secret: &[u8], payload: &str) -> Vec<u8> {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(payload.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// The `Set-Cookie` value that stores `flash` for the next page view.
pub fn set_cookie(flash: &Flash, secret: &[u8], secure: bool) -> String {
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(flash).unwrap_or_default());
    let signed = format!(
        "{payload}.{}",
        URL_SAFE_NO_PAD.encode(signature(secret, &payload))
    );
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={signed}; Path=/; Max-Age=60; HttpOnly; SameSite=Lax{secure}")
}

/// The `Set-Cookie` value that removes the flash once shown.
pub fn clear_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}")
}

/// Reads the flash from a request's cookies; anything malformed or unsigned is ignored.
pub fn read(headers: &http::HeaderMap, secret: &[u8]) -> Option<Flash> {
    verify(&request_cookie(headers, COOKIE)?, secret)
}

/// The flash a flash cookie's value carries, if it is well-formed and signed with `secret`.
pub fn verify(value: &str, secret: &[u8]) -> Option<Flash> {
    let (payload, tag) = value.split_once('.')?;
    let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    mac.update(payload.as_bytes());
    mac.verify_slice(&tag).ok()?;
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"test secret";

    /// A request carrying the cookie pair of a `Set-Cookie` value after `other`.
    fn request_with(other: &str, set_cookie: &str) -> http::HeaderMap {
        let pair = set_cookie.split(';').next().unwrap();
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::COOKIE,
            http::HeaderValue::from_str(&format!("{other}{pair}")).unwrap(),
        );
        headers
    }

    #[test]
    fn flash_survives_the_cookie_round_trip() {
        let mut flash = Flash {
            form: "signin".into(),
            error: Some("Wrong".into()),
            ..Flash::default()
        };
        flash
            .values
            .insert("email".into(), "ana@example.com".into());
        let set = set_cookie(&flash, SECRET, false);
        assert_eq!(read(&request_with("other=1; ", &set), SECRET), Some(flash));
    }

    #[test]
    fn flash_signed_with_another_secret_is_ignored() {
        let flash = Flash {
            form: "x".into(),
            error: Some("forged".into()),
            ..Flash::default()
        };
        let set = set_cookie(&flash, b"attacker", false);
        assert_eq!(read(&request_with("", &set), SECRET), None);
    }

    #[test]
    fn garbage_flash_is_ignored() {
        assert_eq!(verify("%%%", SECRET), None);
        assert_eq!(verify("abc.def", SECRET), None);
        assert_eq!(verify("", SECRET), None);
        assert_eq!(
            read(&request_with("", "revalign_flash=abc.def"), SECRET),
            None
        );
    }
}
