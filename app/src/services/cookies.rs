//! Reading cookies from a request: one reader for the session, the flash, the resume
//! token and the language choice, so no one of them misses a cookie another would find.

/// The value of cookie `name` in one `Cookie` header's text; an empty value counts as unset.
pub fn cookie_value<'a>(cookie_header: &'a str, name: &str) -> Option<&'a str> {
    cookie_header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// The value of cookie `name` in a request, whichever of its `Cookie` headers carries it
/// (HTTP/2 clients may send one header per cookie).
pub fn request_cookie(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|cookies| cookie_value(cookies, name).map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::{header::COOKIE, HeaderMap, HeaderValue};

    #[test]
    fn a_cookie_is_found_among_others_and_an_empty_one_is_unset() {
        assert_eq!(cookie_value("a=1; b=2;c=3", "b"), Some("2"));
        assert_eq!(cookie_value("a=1; ab=2", "b"), None);
        assert_eq!(cookie_value("a=1; b=", "b"), None);
    }

    #[test]
    fn a_cookie_is_found_in_any_of_the_cookie_headers() {
        let mut headers = HeaderMap::new();
        headers.append(COOKIE, HeaderValue::from_static("a=1"));
        headers.append(COOKIE, HeaderValue::from_static("b=2"));
        assert_eq!(request_cookie(&headers, "a").as_deref(), Some("1"));
        assert_eq!(request_cookie(&headers, "b").as_deref(), Some("2"));
        assert_eq!(request_cookie(&headers, "c"), None);
    }
}
