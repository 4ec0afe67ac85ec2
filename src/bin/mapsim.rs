//! The `mapsim` command line (engine only).
fn main() {
    for y in mapsim::model::sim::income_path(20.0, 5) {
        println!("{y}");
    }
}
