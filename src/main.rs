use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

use msol_bridge::cli::Cli;
use msol_bridge::{commands, output};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = EnvFilter::try_new(cli.log.as_deref().unwrap_or("info"))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(output::colour_on_stderr())
        .with_target(false)
        .init();
    match commands::run(cli.command) {
        Ok(code) => code,
        Err(error) if output::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("msol-bridge: {error:#}");
            ExitCode::FAILURE
        }
    }
}
