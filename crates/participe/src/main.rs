//! `participe`: see `participe --help`.

use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_env("PARTICIPE_LOG").unwrap_or_else(|_| EnvFilter::new("info")))
        .init();
    participe::cli::run(participe::cli::Cli::parse()).await
}
