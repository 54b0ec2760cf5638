//! Crash safety: 32 respondents save answers one by one while the server process is killed
//! with SIGKILL three times and started again. Every save the server acknowledged must be
//! in the database afterwards, with the value acknowledged, on SQLite and PostgreSQL.

use crate::survey::{Respondent, Survey};
use revalign_tests::process::ServerProcess;
use revalign_tests::{on_both_backends, Backend, TestApp};
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const RESPONDENTS: usize = 32;
const KILLS: usize = 3;

on_both_backends!(acknowledged_answers_survive_sigkill);

/// The level respondent `who` gives question number `n`: a scrambled pattern per
/// respondent, so a save landing in the wrong response would show.
fn level(who: usize, n: usize) -> String {
    let mixed = ((who as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (n as u64 + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9))
    .rotate_left(29);
    (mixed % 5 + 1).to_string()
}

async fn acknowledged_answers_survive_sigkill(backend: Backend) {
    let _turn = crate::ONE_AT_A_TIME.lock().await;
    // Set up in-process, then hand the database to a server process of its own.
    let app = TestApp::spawn(backend).await;
    let survey = Survey::launch(&app).await;
    let address = app.address.clone();
    let starters: Vec<Respondent> = (0..RESPONDENTS)
        .map(|_| Respondent::new(&address, &survey.link))
        .collect();
    for respondent in &starters {
        respondent.start().await.expect("start");
    }
    let db = app.stop().await;
    let mut server = ServerProcess::start(&db.url, &[]).await;
    let respondents: Vec<Respondent> = starters
        .iter()
        .map(|r| r.moved_to(&server.address))
        .collect();

    let questions = Arc::new(survey.questions());
    let patterns: BTreeSet<Vec<String>> = (0..RESPONDENTS)
        .map(|who| (0..questions.len()).map(|n| level(who, n)).collect())
        .collect();
    assert_eq!(
        patterns.len(),
        RESPONDENTS,
        "every respondent answers differently"
    );
    let acknowledged: Arc<Mutex<BTreeMap<(usize, String), String>>> = Arc::default();
    let acks = Arc::new(AtomicUsize::new(0));
    let failed_attempts = Arc::new(AtomicUsize::new(0));
    let total = RESPONDENTS * questions.len();

    let workers: Vec<_> = respondents
        .into_iter()
        .enumerate()
        .map(|(who, respondent)| {
            let questions = questions.clone();
            let acknowledged = acknowledged.clone();
            let acks = acks.clone();
            let failed_attempts = failed_attempts.clone();
            tokio::spawn(async move {
                for (n, (step, question)) in questions.iter().enumerate() {
                    let value = level(who, n);
                    // Until the server acknowledges it: through refused connections while it
                    // is down, and 503s while it starts.
                    loop {
                        match respondent.autosave(*step, question, &value).await {
                            Ok((200, body)) if body["saved"] == true => break,
                            Ok((status, body)) if status != 503 => {
                                panic!("save refused with {status}: {body}")
                            }
                            _ => {
                                failed_attempts.fetch_add(1, Ordering::Relaxed);
                                tokio::time::sleep(Duration::from_millis(20)).await;
                            }
                        }
                    }
                    acknowledged
                        .lock()
                        .unwrap()
                        .insert((who, question.clone()), value);
                    acks.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();

    // Kill at a quarter, half and three quarters of the saves, mid-stream.
    for kill in 1..=KILLS {
        let at = total * kill / (KILLS + 1);
        while acks.load(Ordering::Relaxed) < at {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        server.kill();
        tokio::time::sleep(Duration::from_millis(200)).await;
        server.restart().await;
    }
    for worker in workers {
        worker.await.expect("a respondent finished");
    }
    assert!(
        failed_attempts.load(Ordering::Relaxed) > 0,
        "the kills happened while respondents were saving"
    );
    drop(server);

    // Straight from the database: one response per respondent, holding exactly what was
    // acknowledged to it.
    let stored = stored_answers(&db.url).await;
    let acknowledged = acknowledged.lock().unwrap();
    assert_eq!(acknowledged.len(), total);
    assert_eq!(
        stored.len(),
        RESPONDENTS + 1,
        "one response per respondent (and the survey's scout), none started twice"
    );
    let answered: Vec<_> = stored.values().filter(|a| !a.is_empty()).collect();
    assert_eq!(
        answered.len(),
        RESPONDENTS,
        "only the scout answered nothing"
    );
    let mut matched = BTreeSet::new();
    for answers in answered {
        let who = (0..RESPONDENTS)
            .find(|who| {
                questions.iter().enumerate().all(|(n, (_, q))| {
                    answers.get(q).map(String::as_str) == Some(level(*who, n).as_str())
                })
            })
            .unwrap_or_else(|| panic!("a response matches no respondent's answers: {answers:?}"));
        for (_, question) in questions.iter() {
            assert_eq!(
                answers.get(question),
                acknowledged.get(&(who, question.clone())),
                "respondent {who}, {question}"
            );
        }
        matched.insert(who);
    }
    assert_eq!(
        matched.len(),
        RESPONDENTS,
        "every respondent's answers are there"
    );
}

/// Answers per response, read with a connection of the test's own.
async fn stored_answers(url: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await.expect("connect");
    let rows = sqlx::query(
        "SELECT r.id, a.question_id, a.value FROM responses r \
         LEFT JOIN answers a ON a.response_id = r.id",
    )
    .fetch_all(&mut conn)
    .await
    .expect("read answers");
    let mut stored: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for row in rows {
        let response: String = row.get(0);
        let entry = stored.entry(response).or_default();
        if let (Some(question), Some(value)) = (
            row.get::<Option<String>, _>(1),
            row.get::<Option<String>, _>(2),
        ) {
            entry.insert(question, value);
        }
    }
    stored
}
