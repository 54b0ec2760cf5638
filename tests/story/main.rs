//! One data-layer story, run unchanged on SQLite and PostgreSQL: the repositories must
//! behave the same on both.

use app::db::{accounts, invites, sessions, sign_in_failures, Db, PoolSettings};
use app::domain::account::Role;
use chrono::{Duration, TimeZone, Utc};
use revalign_tests::{on_both_backends, Backend, TestDb};

on_both_backends!(
    accounts_sessions_and_invites_story,
    concurrent_writers_never_see_database_locked
);

async fn connect(backend: Backend) -> (TestDb, Db) {
    let test_db = TestDb::new(backend).await;
    let db = Db::connect(&test_db.url, &PoolSettings::default())
        .await
        .expect("connect");
    db.migrate().await.expect("migrations apply");
    db.migrate().await.expect("migrations are idempotent");
    (test_db, db)
}

async fn accounts_sessions_and_invites_story(backend: Backend) {
    let (_guard, db) = connect(backend).await;
    let t0 = Utc.with_ymd_and_hms(2026, 11, 29, 9, 30, 15).unwrap() + Duration::milliseconds(123);
    let pool = db.pool();

    // An organisation with an owner.
    let mut tx = db.begin_write().await.unwrap();
    accounts::insert_organisation(&mut *tx, "org-1", "Acme", t0)
        .await
        .unwrap();
    accounts::insert_user(&mut *tx, "user-1", "ana@acme.test", "Ana", "hash-1", t0)
        .await
        .unwrap();
    accounts::insert_membership(&mut *tx, "org-1", "user-1", Role::Owner, t0)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // E-mail addresses are unique, and the violation is recognisable on both backends.
    let duplicate = accounts::insert_user(pool, "user-x", "ana@acme.test", "Other", "h", t0)
        .await
        .unwrap_err();
    assert!(app::db::is_unique_violation(&duplicate));

    // A rolled-back transaction leaves nothing behind.
    let mut tx = db.begin_write().await.unwrap();
    accounts::insert_user(&mut *tx, "user-y", "ghost@acme.test", "Ghost", "h", t0)
        .await
        .unwrap();
    tx.rollback().await.unwrap();
    assert!(accounts::find_user_by_email(pool, "ghost@acme.test")
        .await
        .unwrap()
        .is_none());
    assert_eq!(accounts::count_users(pool).await.unwrap(), 1);

    let user = accounts::find_user_by_email(pool, "ana@acme.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (user.id.as_str(), user.password_hash.as_str()),
        ("user-1", "hash-1")
    );
    assert_eq!(
        accounts::first_membership(pool, "user-1").await.unwrap(),
        Some(("org-1".into(), Role::Owner))
    );

    // Sessions join user, organisation and role; timestamps round-trip to the millisecond.
    sessions::insert(pool, "session-hash", "user-1", "org-1", t0)
        .await
        .unwrap();
    let session = sessions::find(pool, "session-hash").await.unwrap().unwrap();
    assert_eq!(session.organisation_name, "Acme");
    assert_eq!(session.role, Role::Owner);
    assert_eq!(session.created_at, t0);
    sessions::touch(pool, "session-hash", t0 + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(
        sessions::find(pool, "session-hash")
            .await
            .unwrap()
            .unwrap()
            .last_seen_at,
        t0 + Duration::hours(1)
    );
    let removed =
        sessions::delete_expired(pool, t0 + Duration::minutes(30), t0 - Duration::days(1))
            .await
            .unwrap();
    assert_eq!(removed, 0, "recently seen sessions stay");
    let removed = sessions::delete_expired(pool, t0 + Duration::hours(2), t0 - Duration::days(1))
        .await
        .unwrap();
    assert_eq!(removed, 1, "idle sessions go");

    // Invites: accepted once, revocable only while open, scoped to their organisation.
    let invite = invites::NewInvite {
        id: "invite-1",
        organisation_id: "org-1",
        token_hash: "invite-hash",
        role: Role::Member,
        note: "for Ben",
        created_by: "user-1",
        created_at: t0,
        expires_at: t0 + Duration::days(14),
    };
    invites::insert(pool, &invite).await.unwrap();
    let found = invites::find_by_token_hash(pool, "invite-hash")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            found.organisation_name.as_str(),
            found.created_by_name.as_str()
        ),
        ("Acme", "Ana")
    );
    assert_eq!(found.accepted_at, None);
    assert!(
        !invites::revoke(pool, "org-other", "invite-1", t0)
            .await
            .unwrap(),
        "other organisations cannot revoke"
    );
    accounts::insert_user(pool, "user-2", "ben@acme.test", "Ben", "hash-2", t0)
        .await
        .unwrap();
    assert!(
        invites::mark_accepted(pool, "invite-1", "user-2", t0 + Duration::hours(1))
            .await
            .unwrap()
    );
    assert!(
        !invites::mark_accepted(pool, "invite-1", "user-2", t0)
            .await
            .unwrap(),
        "only once"
    );
    assert!(
        !invites::revoke(pool, "org-1", "invite-1", t0)
            .await
            .unwrap(),
        "accepted invites cannot be revoked"
    );
    let listed = invites::list_for_organisation(pool, "org-1").await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].accepted_by_name.as_deref(), Some("Ben"));
    assert_eq!(listed[0].accepted_at, Some(t0 + Duration::hours(1)));
    assert!(invites::list_for_organisation(pool, "org-other")
        .await
        .unwrap()
        .is_empty());

    // Members are listed in joining order.
    accounts::insert_membership(
        pool,
        "org-1",
        "user-2",
        Role::Member,
        t0 + Duration::hours(1),
    )
    .await
    .unwrap();
    let members = accounts::list_members(pool, "org-1").await.unwrap();
    assert_eq!(
        members
            .iter()
            .map(|m| m.display_name.as_str())
            .collect::<Vec<_>>(),
        ["Ana", "Ben"]
    );

    // Sign-in failures are counted within a window and can be cleared.
    for minute in 0..3 {
        sign_in_failures::record(
            pool,
            "account:ana@acme.test",
            t0 + Duration::minutes(minute),
        )
        .await
        .unwrap();
    }
    let (count, oldest) =
        sign_in_failures::recent(pool, "account:ana@acme.test", t0 + Duration::minutes(1))
            .await
            .unwrap();
    assert_eq!((count, oldest), (2, Some(t0 + Duration::minutes(1))));
    assert_eq!(
        sign_in_failures::recent(pool, "account:other", t0)
            .await
            .unwrap(),
        (0, None)
    );
    sign_in_failures::clear(pool, "account:ana@acme.test")
        .await
        .unwrap();
    assert_eq!(
        sign_in_failures::recent(pool, "account:ana@acme.test", t0)
            .await
            .unwrap()
            .0,
        0
    );

    // Deleting a user cascades to memberships and sessions (foreign keys are enforced).
    sessions::insert(pool, "session-2", "user-2", "org-1", t0)
        .await
        .unwrap();
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind("user-2")
        .execute(pool)
        .await
        .unwrap();
    assert!(sessions::find(pool, "session-2").await.unwrap().is_none());
    assert_eq!(
        accounts::membership_role(pool, "org-1", "user-2")
            .await
            .unwrap(),
        None
    );
    db.close().await;
}

/// 32 writers that each read and then write at the same moment: with IMMEDIATE write
/// transactions on SQLite none of them fails with "database is locked".
async fn concurrent_writers_never_see_database_locked(backend: Backend) {
    let (_guard, db) = connect(backend).await;
    let t0 = Utc::now();
    accounts::insert_organisation(db.pool(), "org-1", "Acme", t0)
        .await
        .unwrap();

    let writers = (0..32).map(|i| {
        let db = db.clone();
        tokio::spawn(async move {
            let mut tx = db.begin_write().await?;
            let users = accounts::count_users(&mut *tx).await?;
            accounts::insert_user(
                &mut *tx,
                &format!("user-{i}"),
                &format!("u{i}@acme.test"),
                &format!("User {users}"),
                "h",
                t0,
            )
            .await?;
            accounts::insert_membership(&mut *tx, "org-1", &format!("user-{i}"), Role::Member, t0)
                .await?;
            tx.commit().await
        })
    });
    let results = futures::future::join_all(writers).await;

    for result in results {
        if let Err(error) = result.expect("writer task") {
            panic!("a concurrent write failed: {error}");
        }
    }
    assert_eq!(accounts::count_users(db.pool()).await.unwrap(), 32);
    db.close().await;
}
