//! `revalign backup` under write load and `revalign restore`, on the release binary, and the
//! misuses both refuse. SQLite only: for PostgreSQL the commands point to pg_dump.

use crate::survey::{Respondent, Survey};
use revalign_tests::process::{run_command, ServerProcess};
use revalign_tests::{Backend, TestApp};
use sqlx::Connection;
use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

async fn revalign(database_url: &str, args: &[&str]) -> Output {
    let url = database_url.to_owned();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_command(&url, &args)
    })
    .await
    .unwrap()
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Integrity check verdict and number of stored answers of a SQLite file.
async fn inspect(path: &Path) -> (String, i64) {
    let url = format!("sqlite://{}?mode=ro", path.display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("the file opens as SQLite");
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    let answers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    (verdict, answers)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_under_write_load_is_consistent_and_restores() {
    let _turn = crate::ONE_AT_A_TIME.lock().await;
    let app = TestApp::spawn(Backend::Sqlite).await;
    let survey = Survey::launch(&app).await;
    let starters: Vec<Respondent> = (0..8)
        .map(|_| Respondent::new(&app.address, &survey.link))
        .collect();
    for respondent in &starters {
        respondent.start().await.expect("start");
    }
    let db = app.stop().await;
    let database = Path::new(db.url.trim_start_matches("sqlite://")).to_owned();
    let folder = tempfile::tempdir().unwrap();
    let backup = folder.path().join("revalign-backup.db");
    let backup_arg = backup.to_str().unwrap().to_owned();
    let server = ServerProcess::start(&db.url, &[]).await;

    // Eight respondents keep saving answers, over and over, while the backup runs.
    let questions = Arc::new(survey.questions());
    let acked = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = starters
        .iter()
        .map(|r| r.moved_to(&server.address))
        .enumerate()
        .map(|(who, respondent)| {
            let (questions, acked, stop) = (questions.clone(), acked.clone(), stop.clone());
            tokio::spawn(async move {
                let mut n = who;
                while !stop.load(Ordering::Relaxed) {
                    let (step, question) = &questions[n % questions.len()];
                    let value = (n % 5 + 1).to_string();
                    if let Ok((200, _)) = respondent.autosave(*step, question, &value).await {
                        acked.fetch_add(1, Ordering::Relaxed);
                    }
                    n += 1;
                }
            })
        })
        .collect();
    while acked.load(Ordering::Relaxed) < 100 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    let before = acked.load(Ordering::Relaxed);
    let output = revalign(&db.url, &["backup", &backup_arg]).await;
    let during = acked.load(Ordering::Relaxed) - before;
    assert!(output.status.success(), "backup: {}", said(&output));
    assert!(
        said(&output).contains("integrity check passed"),
        "{}",
        said(&output)
    );
    assert!(
        during > 0,
        "respondents went on saving while the backup ran"
    );
    let (verdict, answers_in_backup) = inspect(&backup).await;
    assert_eq!(verdict, "ok");
    assert!(answers_in_backup > 0, "the backup holds the answers");

    // Not over an existing file unless asked to.
    let size = std::fs::metadata(&backup).unwrap().len();
    let again = revalign(&db.url, &["backup", &backup_arg]).await;
    assert!(!again.status.success());
    assert!(said(&again).contains("already exists"), "{}", said(&again));
    assert!(said(&again).contains("--force"), "{}", said(&again));
    assert_eq!(std::fs::metadata(&backup).unwrap().len(), size);
    let forced = revalign(&db.url, &["backup", &backup_arg, "--force"]).await;
    assert!(forced.status.success(), "{}", said(&forced));
    let (verdict, answers_in_backup) = inspect(&backup).await;
    assert_eq!(verdict, "ok");

    // Not while the server runs: it would swap the file under it.
    let refused = revalign(&db.url, &["restore", &backup_arg]).await;
    assert!(!refused.status.success());
    assert!(
        said(&refused).contains("stop it before restoring"),
        "{}",
        said(&refused)
    );
    let health = reqwest::get(format!("{}/health", server.address))
        .await
        .unwrap();
    assert_eq!(health.status(), 200, "the server was not disturbed");

    stop.store(true, Ordering::Relaxed);
    for writer in writers {
        writer.await.unwrap();
    }
    drop(server);
    let (_, answers_at_stop) = inspect(&database).await;
    assert!(answers_at_stop >= answers_in_backup);

    // Not from a file that is no RevAlign database; the current one stays as it was.
    let junk = folder.path().join("notes.txt");
    std::fs::write(&junk, "not a database").unwrap();
    let bad = revalign(&db.url, &["restore", junk.to_str().unwrap()]).await;
    assert!(!bad.status.success());
    assert!(said(&bad).contains("cannot be restored"), "{}", said(&bad));
    assert_eq!(inspect(&database).await, ("ok".into(), answers_at_stop));

    // The restore: the backup's answers are back, the replaced database is kept aside.
    let restored = revalign(&db.url, &["restore", &backup_arg]).await;
    assert!(restored.status.success(), "restore: {}", said(&restored));
    assert_eq!(inspect(&database).await, ("ok".into(), answers_in_backup));
    let kept = said(&restored)
        .lines()
        .find_map(|l| l.strip_prefix("The database it replaced is kept at "))
        .map(|p| p.trim_end_matches('.').to_owned())
        .expect("the restore says where the old database went");
    assert_eq!(inspect(Path::new(&kept)).await.1, answers_at_stop);

    // And a server starts on it and serves the respondents' questionnaire.
    let server = ServerProcess::start(&db.url, &[]).await;
    let respondent = starters[0].moved_to(&server.address);
    let page = respondent.step_page(1).await.unwrap();
    assert_eq!(page.status(), 200);
}

#[tokio::test]
async fn postgres_databases_are_pointed_to_pg_dump() {
    let _turn = crate::ONE_AT_A_TIME.lock().await;
    for command in ["backup", "restore"] {
        let output = revalign(
            "postgres://postgres@127.0.0.1:1/revalign",
            &[command, "/tmp/never-written.dump"],
        )
        .await;
        assert!(!output.status.success());
        assert!(said(&output).contains("pg_dump"), "{}", said(&output));
        assert!(!Path::new("/tmp/never-written.dump").exists());
    }
}
