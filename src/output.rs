//! What the program writes for people and pipelines: standard output that a reader may stop
//! reading early (`msol-bridge schemas | head` ends quietly, never with a panic), and colour only
//! on a terminal, unless `NO_COLOR` says otherwise (no-color.org).

use std::io::{IsTerminal, Write};

/// Writes `text` and a line break to standard output, flushed.
pub fn print_line(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}")?;
    stdout.flush()
}

/// Writes `bytes` to standard output as they are, flushed.
pub fn write_all(bytes: &[u8]) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()
}

/// Whether an error is a reader that stopped reading: not the program's failure, so it ends quietly
/// and successfully (a pipeline such as `| head` got what it asked for).
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Colour for logs on standard error: only on a terminal, and never with `NO_COLOR` set (to
/// anything but the empty string).
pub fn colour_on_stderr() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stderr().is_terminal()
}
