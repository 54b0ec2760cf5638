use revalign_tests::{on_both_backends, Backend, TestDb};
use server::{Application, Settings};

on_both_backends!(a_failed_migration_stops_start_up_with_a_clear_message);

async fn a_failed_migration_stops_start_up_with_a_clear_message(backend: Backend) {
    let db = TestDb::new(backend).await;
    // A table in the way of the first migration.
    let pool = app::db::Db::connect(&db.url, &Default::default())
        .await
        .unwrap();
    sqlx::query("CREATE TABLE organisations (unrelated INTEGER)")
        .execute(pool.pool())
        .await
        .unwrap();
    pool.close().await;

    let error = match Application::build(&Settings::for_database(db.url.clone())).await {
        Ok(_) => panic!("the server started on a database whose migration failed"),
        Err(error) => format!("{error:#}"),
    };

    assert!(error.contains("database migration failed"), "{error}");
    assert!(
        error.contains("organisations"),
        "the cause names the table: {error}"
    );
}
