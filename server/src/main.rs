//! `revalign`: the RevAlign server and its maintenance commands.
#![forbid(unsafe_code)]

use app::content::ContentLibrary;
use clap::{Parser, Subcommand};
use server::{config::redact_url, demo, startup, Application, Settings};
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
        Command::CheckContent => {
            let library = ContentLibrary::load(&cli.settings.content_dir);
            for model in &library.models {
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
            for loaded in &library.rubrics {
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
            let mut per_file: Vec<(&str, usize)> = Vec::new();
            for loaded in &library.initiatives {
                match per_file.last_mut() {
                    Some((path, count)) if *path == loaded.path => *count += 1,
                    _ => per_file.push((&loaded.path, 1)),
                }
            }
            for (path, count) in per_file {
                println!("ok    {path}: {count} initiatives");
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
