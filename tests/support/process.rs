//! The release server binary as its own process, for the tests that kill it, load it to
//! saturation or run its maintenance commands: `target/release/revalign`, which
//! `cargo leptos build --release` makes (./test runs that before the tests).

use crate::workspace_root;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The secret every process of one test shares, so that cookies survive a restart.
const SECRET: &str = "resilience-tests-secret-0123456789abcdef";

/// The release binary, checked to be newer than every source file it is built from: an
/// old binary would test old code.
pub fn release_binary() -> PathBuf {
    let root = workspace_root();
    let binary = root.join("target/release/revalign");
    let built = std::fs::metadata(&binary)
        .and_then(|m| m.modified())
        .unwrap_or_else(|_| {
            panic!(
                "{} is missing: run ./test, or `cargo leptos build --release` first",
                binary.display()
            )
        });
    for folder in ["app/src", "server/src", "migrations"] {
        if let Some((path, changed)) = newest_file(&root.join(folder)) {
            assert!(
                changed <= built,
                "{} is older than {}: run `cargo leptos build --release` again",
                binary.display(),
                path.display()
            );
        }
    }
    binary
}

fn newest_file(folder: &std::path::Path) -> Option<(PathBuf, std::time::SystemTime)> {
    let mut newest: Option<(PathBuf, std::time::SystemTime)> = None;
    for entry in std::fs::read_dir(folder).ok()?.flatten() {
        let path = entry.path();
        let candidate = if path.is_dir() {
            newest_file(&path)
        } else {
            entry.metadata().ok()?.modified().ok().map(|t| (path, t))
        };
        if let Some((path, time)) = candidate {
            if newest.as_ref().is_none_or(|(_, t)| time > *t) {
                newest = Some((path, time));
            }
        }
    }
    newest
}

/// A free port on 127.0.0.1 (the listener is closed again; the server binds it next).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A `revalign` process serving one database on one port.
pub struct ServerProcess {
    child: Child,
    pub address: String,
    database_url: String,
    port: u16,
    serve_args: Vec<String>,
    env: Vec<(String, String)>,
}

impl ServerProcess {
    /// Starts `revalign serve` on `database_url` with extra environment `env`, and waits
    /// until it answers `/health`.
    pub async fn start(database_url: &str, env: &[(&str, &str)]) -> Self {
        Self::start_with(database_url, &[], env).await
    }

    /// As [`ServerProcess::start`], with arguments for `serve` (e.g. `--demo`).
    pub async fn start_with(database_url: &str, serve_args: &[&str], env: &[(&str, &str)]) -> Self {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let serve_args: Vec<String> = serve_args.iter().map(|a| a.to_string()).collect();
        let port = free_port();
        let child = spawn(database_url, port, &serve_args, &env);
        let mut server = ServerProcess {
            child,
            address: format!("http://127.0.0.1:{port}"),
            database_url: database_url.to_owned(),
            port,
            serve_args,
            env,
        };
        server.wait_until_ready().await;
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Kills the process with SIGKILL: no shutdown, no flush, as in a crash.
    pub fn kill(&mut self) {
        self.child.kill().expect("SIGKILL the server");
        self.child.wait().expect("reap the server");
    }

    /// Starts it again on the same port and database, after [`ServerProcess::kill`].
    pub async fn restart(&mut self) {
        self.child = spawn(&self.database_url, self.port, &self.serve_args, &self.env);
        self.wait_until_ready().await;
    }

    /// The process's resident memory in bytes (Linux `/proc`).
    pub fn rss_bytes(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("the server's /proc status");
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .expect("VmRSS in /proc status")
            * 1024
    }

    async fn wait_until_ready(&mut self) {
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().expect("server status") {
                panic!("the server exited while starting ({status}); its log is above");
            }
            let ready = client
                .get(format!("{}/health", self.address))
                .timeout(Duration::from_secs(1))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success());
            if ready {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not start in 30 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(database_url: &str, port: u16, serve_args: &[String], env: &[(String, String)]) -> Child {
    let root = workspace_root();
    let mut command = Command::new(release_binary());
    command
        .arg("serve")
        .args(serve_args)
        .current_dir(&root)
        .env("DATABASE_URL", database_url)
        .env("REVALIGN_BIND", format!("127.0.0.1:{port}"))
        .env("REVALIGN_SECRET", SECRET)
        .env("LEPTOS_SITE_ROOT", root.join("target/site"))
        .env("REVALIGN_CONTENT_DIR", root.join("content"))
        // Warnings and errors, but not one line per 503 from the tracing layer.
        .env("RUST_LOG", "warn,tower_http=off")
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null());
    command.spawn().expect("start target/release/revalign")
}

/// Runs one `revalign` maintenance command (`backup`, `restore` ...) on `database_url`.
pub fn run_command(database_url: &str, args: &[&str]) -> Output {
    Command::new(release_binary())
        .args(args)
        .current_dir(workspace_root())
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run target/release/revalign")
}
