//! `revalign`: the RevAlign server and its maintenance commands.
#![forbid(unsafe_code)]

use app::content::ContentLibrary;
use clap::{Parser, Subcommand};
use server::{backup, config::redact_url, demo, startup, Application, Settings};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "revalign",
    version,
    about = "RevAlign: one revenue team, one plan"
)]
struct Cli {
    #[command(flatten)]
    settings: Settings,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve the app (the default).
    Serve {
        /// Create a demo organisation and admin when the database is empty.
        #[arg(long, env = "REVALIGN_DEMO")]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Check the Markdown content; lists each mistake with file and line, exits 1 if any.
    CheckContent,
    /// Write a consistent copy of the live SQLite database to FILE and check it (the server
    /// may keep running). For PostgreSQL, use pg_dump.
    Backup {
        file: std::path::PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Replace the SQLite database with the backup FILE after checking it; the replaced
    /// database is kept beside it. Stop the server first.
    Restore { file: std::path::PathBuf },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _ = dotenvy::dotenv();
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_new(&cli.settings.log_level).unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Migrate => {
            startup::connect_and_migrate(&cli.settings).await?;
            println!(
                "Database {} is up to date.",
                redact_url(&cli.settings.database_url)
            );
        }
        Command::Backup { file, force } => {
            let copied = backup::backup(&cli.settings.database_url, &file, force).await?;
            println!(
                "Backed up {} to {} ({} bytes, integrity check passed).",
                redact_url(&cli.settings.database_url),
                copied.path.display(),
                copied.bytes
            );
        }
        Command::Restore { file } => {
            let copied = backup::restore(&cli.settings.database_url, &file).await?;
            println!(
                "Restored {} into {} ({} bytes).",
                file.display(),
                copied.path.display(),
                copied.bytes
            );
            if let Some(previous) = copied.previous {
                println!(
                    "The database it replaced is kept at {}.",
                    previous.display()
                );
            }
        }
        Command::CheckContent => {
            let library = ContentLibrary::load(&cli.settings.content_dir);
            for model in library.models.iter().chain(&library.translated_models) {
                println!(
                    "ok    {}: {} (version {}, {}, {} dimensions, {} questions, sha256 {})",
                    model.path,
                    model.model.title,
                    model.model.version,
                    model.model.locale,
                    model.model.dimensions.len(),
                    model.model.question_count(),
                    &model.hash[..12]
                );
            }
            for loaded in library.rubrics.iter().chain(&library.translated_rubrics) {
                println!(
                    "ok    {}: {} (version {}, {}, {} competencies, sha256 {})",
                    loaded.path,
                    loaded.rubric.title,
                    loaded.rubric.version,
                    loaded.rubric.locale,
                    loaded.rubric.competencies.len(),
                    &loaded.hash[..12]
                );
            }
            // Initiatives come file by file: one line per file that loaded.
            let mut per_file: Vec<(&str, &str, usize)> = Vec::new();
            for loaded in library
                .initiatives
                .iter()
                .chain(&library.translated_initiatives)
            {
                match per_file.last_mut() {
                    Some((path, _, count)) if *path == loaded.path => *count += 1,
                    _ => per_file.push((&loaded.path, &loaded.locale, 1)),
                }
            }
            for (path, locale, count) in per_file {
                println!("ok    {path}: {count} initiatives ({locale})");
            }
            for error in &library.errors {
                println!("error {error}");
            }
            if !library.errors.is_empty() {
                std::process::exit(1);
            }
        }
        Command::Serve { demo } => {
            tracing::info!(settings = ?cli.settings, "starting");
            let application = Application::build(&cli.settings).await?;
            if demo && demo::seed(application.state()).await? {
                println!(
                    "Demo organisation created. Sign in as {} with password {}",
                    demo::DEMO_EMAIL,
                    demo::DEMO_PASSWORD
                );
            } else if demo {
                println!(
                    "Demo data already present: sign in as {} / {}",
                    demo::DEMO_EMAIL,
                    demo::DEMO_PASSWORD
                );
            }
            println!(
                "RevAlign is listening on http://{}",
                application.local_addr()
            );
            application.run_until(shutdown_signal()).await?;
            tracing::info!("stopped");
        }
    }
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, starting a graceful shutdown.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
