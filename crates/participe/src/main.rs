//! `participe`: see `participe --help`.

use clap::Parser;
use tracing_subscriber::EnvFilter;

/// mimalloc rather than the system allocator: pages allocate many small
/// strings and values, and it serves them faster (measured by bench/run.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_env("PARTICIPE_LOG").unwrap_or_else(|_| EnvFilter::new("info")))
        .init();
    participe::cli::run(participe::cli::Cli::parse()).await
}
