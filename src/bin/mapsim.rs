//! The `mapsim` command line: the same model as the app, for researchers who want the
//! numbers outside the browser. The verbs live in `mapsim::cli`, which the Python package
//! calls too.

use mapsim::cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let request = match cli::parse(&args) {
        Ok(request) => request,
        Err(message) => {
            eprintln!("mapsim: {message}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    for note in &request.notes {
        eprintln!("mapsim: note: {note}");
    }
    match cli::execute(&request) {
        Ok(text) => {
            // A closed pipe (`mapsim run | head`) is the reader's choice, not an error.
            let _ = std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("mapsim: {message}\n\n{}", cli::USAGE);
            ExitCode::from(2)
        }
    }
}
