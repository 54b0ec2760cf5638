//! The flash cookie: a short-lived, HttpOnly cookie that carries a form's outcome across the
//! redirect that follows a plain (JavaScript-off) form post. It is signed with the server's
//! secret, so a message on our pages always comes from us.

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

/// Reads the flash from a `Cookie` header; anything malformed or unsigned is ignored.
pub fn read(cookie_header: &str, secret: &[u8]) -> Option<Flash> {
    let (payload, tag) = cookie_value(cookie_header, COOKIE)?.split_once('.')?;
    let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    mac.update(payload.as_bytes());
    mac.verify_slice(&tag).ok()?;
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()
}

/// The value of cookie `name` in a `Cookie` request header.
pub fn cookie_value<'a>(cookie_header: &'a str, name: &str) -> Option<&'a str> {
    cookie_header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"test secret";

    fn cookie_pair(set_cookie: &str) -> &str {
        set_cookie.split(';').next().unwrap()
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
        assert_eq!(
            read(&format!("other=1; {}", cookie_pair(&set)), SECRET),
            Some(flash)
        );
    }

    #[test]
    fn flash_signed_with_another_secret_is_ignored() {
        let flash = Flash {
            form: "x".into(),
            error: Some("forged".into()),
            ..Flash::default()
        };
        let set = set_cookie(&flash, b"attacker", false);
        assert_eq!(read(cookie_pair(&set), SECRET), None);
    }

    #[test]
    fn garbage_flash_is_ignored() {
        assert_eq!(read("revalign_flash=%%%", SECRET), None);
        assert_eq!(read("revalign_flash=abc.def", SECRET), None);
        assert_eq!(read("revalign_flash=", SECRET), None);
    }
}
