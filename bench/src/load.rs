//! The load generator: a fixed number of keep-alive HTTP/1.1 connections, each sending its
//! next request as soon as the previous answer is read (closed loop), every latency kept.
//!
//! Two plans: for a fixed time after a warm-up (throughput of a steady stream), or a fixed
//! list of jobs handed out to whichever connection is free (time to get through all of them).

use bytes::Bytes;
use http::{Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// Makes request number `n` of connection `worker` (in `Jobs` mode `n` is the job index).
pub type MakeRequest = dyn Fn(usize, usize) -> Request<Full<Bytes>> + Send + Sync;
/// Whether an answer counts as a success (status and body).
pub type Check = dyn Fn(StatusCode, &[u8]) -> bool + Send + Sync;

/// How long (or how much) to run.
#[derive(Debug, Clone, Copy)]
pub enum Plan {
    /// Run `warmup + measure`; only answers that arrive during `measure` are counted.
    Timed { warmup: Duration, measure: Duration },
    /// Send jobs `0..count`, each once; the clock runs from the first send to the last answer.
    Jobs { count: usize },
}

/// What one run measured.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    /// Answers counted (successes and errors).
    pub requests: usize,
    /// Answers that failed `Check`, plus transport errors (connect, send, read).
    pub errors: usize,
    pub seconds: f64,
    /// Successful answers per second.
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Size of the last successful answer's body.
    pub body_bytes: usize,
    /// The first few error descriptions, for the log.
    pub error_samples: Vec<String>,
}

impl Outcome {
    pub fn line(&self) -> String {
        format!(
            "{} requests in {:.2} s: {:.0}/s, p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms, {} errors",
            self.requests,
            self.seconds,
            self.per_second,
            self.p50_ms,
            self.p99_ms,
            self.max_ms,
            self.errors
        )
    }
}

#[derive(Default)]
struct WorkerLog {
    latencies_us: Vec<u32>,
    errors: usize,
    error_samples: Vec<String>,
    body_bytes: usize,
}

impl WorkerLog {
    fn error(&mut self, description: String) {
        self.errors += 1;
        if self.error_samples.len() < 3 {
            self.error_samples.push(description);
        }
    }
}

type Sender = http1::SendRequest<Full<Bytes>>;

async fn connect(address: SocketAddr) -> Result<Sender, String> {
    let stream = TcpStream::connect(address)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(connection);
    Ok(sender)
}

/// One request and its whole answer; the error says what went wrong.
async fn exchange(
    sender: &mut Sender,
    request: Request<Full<Bytes>>,
    check: &Check,
) -> Result<usize, String> {
    sender
        .ready()
        .await
        .map_err(|e| format!("connection: {e}"))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| format!("send: {e}"))?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| format!("read: {e}"))?
        .to_bytes();
    if check(status, &body) {
        Ok(body.len())
    } else {
        let text = String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned();
        Err(format!("{status}: {text}"))
    }
}

/// Runs `plan` over `connections` connections to `address`.
pub async fn run(
    address: SocketAddr,
    connections: usize,
    plan: Plan,
    make: Arc<MakeRequest>,
    check: Arc<Check>,
) -> Outcome {
    let started = Instant::now();
    let (count_from, stop_at) = match plan {
        Plan::Timed { warmup, measure } => (started + warmup, Some(started + warmup + measure)),
        Plan::Jobs { .. } => (started, None),
    };
    let next_job = Arc::new(AtomicUsize::new(0));
    let last_answer = Arc::new(std::sync::Mutex::new(started));
    let mut workers = Vec::with_capacity(connections);
    for worker in 0..connections {
        let (make, check, next_job, last_answer) = (
            make.clone(),
            check.clone(),
            next_job.clone(),
            last_answer.clone(),
        );
        workers.push(tokio::spawn(async move {
            let mut log = WorkerLog::default();
            let mut sender: Option<Sender> = None;
            let mut sent = 0usize;
            loop {
                let n = match plan {
                    Plan::Timed { .. } => {
                        if stop_at.is_some_and(|stop| Instant::now() >= stop) {
                            break;
                        }
                        sent += 1;
                        sent - 1
                    }
                    Plan::Jobs { count } => {
                        let job = next_job.fetch_add(1, Ordering::Relaxed);
                        if job >= count {
                            break;
                        }
                        job
                    }
                };
                let request = make(worker, n);
                let sent_at = Instant::now();
                let result = match sender.as_mut() {
                    Some(open) if !open.is_closed() => exchange(open, request, &*check).await,
                    _ => match connect(address).await {
                        Ok(mut open) => {
                            let result = exchange(&mut open, request, &*check).await;
                            sender = Some(open);
                            result
                        }
                        Err(error) => Err(error),
                    },
                };
                let answered_at = Instant::now();
                let counted =
                    answered_at >= count_from && stop_at.is_none_or(|stop| answered_at <= stop);
                if !counted {
                    continue;
                }
                match result {
                    Ok(bytes) => {
                        let micros = (answered_at - sent_at).as_micros();
                        log.latencies_us
                            .push(u32::try_from(micros).unwrap_or(u32::MAX));
                        log.body_bytes = bytes;
                    }
                    Err(error) => {
                        // A failed connection is opened again for the next request.
                        if error.starts_with("connect")
                            || error.starts_with("send")
                            || error.starts_with("read")
                            || error.starts_with("connection")
                        {
                            sender = None;
                        }
                        log.error(error);
                    }
                }
                if let Ok(mut last) = last_answer.lock() {
                    *last = (*last).max(answered_at);
                }
            }
            log
        }));
    }
    let mut latencies = Vec::new();
    let (mut errors, mut error_samples, mut body_bytes) = (0, Vec::new(), 0);
    for worker in workers {
        let Ok(log) = worker.await else {
            errors += 1;
            continue;
        };
        latencies.extend_from_slice(&log.latencies_us);
        errors += log.errors;
        body_bytes = body_bytes.max(log.body_bytes);
        for sample in log.error_samples {
            if error_samples.len() < 5 {
                error_samples.push(sample);
            }
        }
    }
    let seconds = match plan {
        Plan::Timed { measure, .. } => measure.as_secs_f64(),
        Plan::Jobs { .. } => last_answer
            .lock()
            .map(|last| (*last - started).as_secs_f64())
            .unwrap_or_default(),
    };
    latencies.sort_unstable();
    let percentile = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let rank = ((p * latencies.len() as f64).ceil() as usize).clamp(1, latencies.len());
        f64::from(latencies[rank - 1]) / 1000.0
    };
    Outcome {
        requests: latencies.len() + errors,
        errors,
        seconds,
        per_second: if seconds > 0.0 {
            latencies.len() as f64 / seconds
        } else {
            0.0
        },
        p50_ms: percentile(0.50),
        p99_ms: percentile(0.99),
        max_ms: latencies.last().map_or(0.0, |&us| f64::from(us) / 1000.0),
        body_bytes,
        error_samples,
    }
}
