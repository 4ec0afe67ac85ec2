//! The browser app's entry point (built by Trunk with `--features web`).

fn main() {
    mapsim::ui::start();
}
