//! Point 2: over https the session cookie is `__Host-` prefixed, Secure, HttpOnly,
//! SameSite=Lax, Path=/ and has no Domain — proved over real TLS: the app runs behind a
//! local TLS terminator (socat, with a throwaway certificate made by openssl) at its
//! configured https address, and a real HTTP client (curl, with its own cookie engine)
//! signs up through it. Failing cases: the cookie never travels over plain http, and the
//! session value under the unprefixed name (a cookie another subdomain could set) signs no
//! one in.

use revalign_tests::{on_both_backends, Backend, TestApp, PASSWORD};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

on_both_backends!(over_real_tls_the_session_cookie_is_secure_and_host_prefixed);

/// socat terminating TLS on `port` and forwarding to the app; killed when dropped.
struct TlsTerminator {
    process: Child,
    port: u16,
    certificate: PathBuf,
    _dir: tempfile::TempDir,
}

impl TlsTerminator {
    fn start(port: u16, upstream: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let certificate = dir.path().join("cert.pem");
        let key = dir.path().join("key.pem");
        run(Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
            ])
            .args(["-nodes", "-days", "1", "-subj", "/CN=revalign.test"])
            .args(["-addext", "subjectAltName=DNS:revalign.test"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&certificate));
        let process = Command::new("socat")
            .arg(format!(
                "OPENSSL-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork,cert={},key={},verify=0",
                certificate.display(),
                key.display()
            ))
            .arg(format!("TCP:{upstream}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("socat runs (./test installs it)");
        let terminator = TlsTerminator {
            process,
            port,
            certificate,
            _dir: dir,
        };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return terminator;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("socat did not listen on {port}");
    }
}

impl Drop for TlsTerminator {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn run(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The site's host name. Not `localhost`, which curl (like browsers) treats as secure even
/// over plain http; curl resolves it to 127.0.0.1 (`--resolve`).
const HOST: &str = "revalign.test";

/// curl with a cookie jar and the terminator's certificate: status line and headers of the
/// answer to `url` (`form` makes it a POST from our https page). `ports` are resolved to
/// 127.0.0.1 under [`HOST`].
fn curl(
    jar: &Path,
    certificate: &Path,
    ports: [u16; 2],
    url: &str,
    origin: &str,
    form: &[(&str, &str)],
) -> String {
    let mut command = Command::new("curl");
    command
        .args([
            "--silent",
            "--show-error",
            "--dump-header",
            "-",
            "--output",
            "/dev/null",
        ])
        .arg("--cacert")
        .arg(certificate)
        .arg("--cookie")
        .arg(jar)
        .arg("--cookie-jar")
        .arg(jar);
    for port in ports {
        command.args(["--resolve", &format!("{HOST}:{port}:127.0.0.1")]);
    }
    if !form.is_empty() {
        command.args(["--header", &format!("Origin: {origin}")]);
        for (name, value) in form {
            command.args(["--data-urlencode", &format!("{name}={value}")]);
        }
    }
    run(command.arg(url))
}

fn status(headers: &str) -> u16 {
    headers.split_whitespace().nth(1).unwrap().parse().unwrap()
}

async fn over_real_tls_the_session_cookie_is_secure_and_host_prefixed(backend: Backend) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let public = format!("https://{HOST}:{port}");
    let app = TestApp::spawn_with(backend, |settings| {
        settings.public_url = Some(public.parse().unwrap());
    })
    .await;
    let upstream = app.address.strip_prefix("http://").unwrap().to_owned();
    let tls = tokio::task::spawn_blocking(move || TlsTerminator::start(port, &upstream))
        .await
        .unwrap();
    let jar_dir = tempfile::tempdir().unwrap();
    let jar = jar_dir.path().join("cookies.txt");
    let certificate = tls.certificate.clone();
    let public_url = format!("https://{HOST}:{}", tls.port);
    let ports = [tls.port, upstream_port(&app)];
    let plain_url = format!("http://{HOST}:{}", ports[1]);

    let (signed_up, dashboard, over_http) = tokio::task::spawn_blocking(move || {
        let form = [
            ("organisation_name", "Acme"),
            ("display_name", "Ana"),
            ("email", "ana@acme.test"),
            ("password", PASSWORD),
        ];
        let signed_up = curl(
            &jar,
            &certificate,
            ports,
            &format!("{public_url}/signup"),
            &public_url,
            &form,
        );
        let dashboard = curl(
            &jar,
            &certificate,
            ports,
            &format!("{public_url}/dashboard"),
            "",
            &[],
        );
        // The same jar against the app over plain http, same host: curl must not send a
        // Secure cookie there.
        let over_http = curl(
            &jar,
            &certificate,
            ports,
            &format!("{plain_url}/dashboard"),
            "",
            &[],
        );
        (signed_up, dashboard, over_http)
    })
    .await
    .unwrap();

    assert_eq!(status(&signed_up), 303, "{signed_up}");
    let cookie = signed_up
        .lines()
        .find(|line| {
            line.to_ascii_lowercase().starts_with("set-cookie:")
                && line.contains("revalign_session=")
        })
        .unwrap_or_else(|| panic!("a session cookie: {signed_up}"));
    let value = cookie.split_once(':').unwrap().1.trim();
    assert!(value.starts_with("__Host-revalign_session="), "{cookie}");
    for attribute in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(value.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(
        !value.contains("Domain="),
        "__Host- cookies carry no Domain: {cookie}"
    );
    assert_eq!(status(&dashboard), 200, "signed in over TLS: {dashboard}");
    assert_eq!(
        status(&over_http),
        302,
        "the cookie stays off plain http: {over_http}"
    );

    // The same session under the unprefixed name does not count.
    let session = value
        .trim_start_matches("__Host-revalign_session=")
        .split(';')
        .next()
        .unwrap();
    let tossed = TestApp::browser_like_client()
        .get(app.url("/dashboard"))
        .header("Cookie", format!("revalign_session={session}"))
        .send()
        .await
        .unwrap();
    assert_eq!(tossed.status(), 302, "an unprefixed cookie signs no one in");
}

fn upstream_port(app: &TestApp) -> u16 {
    app.address.rsplit(':').next().unwrap().parse().unwrap()
}
