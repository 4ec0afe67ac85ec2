//! Percentile bands of every output series over the Monte Carlo draws.

use ndarray::Array2;

/// The percentiles of the bands, in order.
pub const PERCENTILES: [f64; 5] = [5.0, 25.0, 50.0, 75.0, 95.0];
/// Index of the 5 % band in [`PERCENTILES`].
pub const P5: usize = 0;
/// Index of the 25 % band.
pub const P25: usize = 1;
/// Index of the median.
pub const P50: usize = 2;
/// Index of the 75 % band.
pub const P75: usize = 3;
/// Index of the 95 % band.
pub const P95: usize = 4;

/// The 5/25/50/75/95 % bands of every output in every year.
#[derive(Debug, Clone, PartialEq)]
pub struct Bands {
    /// One array per percentile (rows: outputs in catalog order, columns: years).
    levels: Vec<Array2<f64>>,
    /// Draws the bands summarise (those that ran).
    pub draws: usize,
    /// Draws the model could not run (an infeasible financing rule); left out of the bands.
    pub failed: usize,
}

/// The `p`-th percentile of sorted values, interpolating linearly between order statistics
/// (Hyndman & Fan's type 7, the default of R and NumPy), which keeps the bands ordered.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p / 100.0;
    let below = h.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    sorted[below] + (h - below as f64) * (sorted[above] - sorted[below])
}

/// Collects draws as they arrive, keeping every output-year cell sorted, so the bands can be
/// read at any time for little work: adding a draw inserts one value per cell (a memory move),
/// where recomputing from scratch would sort every cell again. The app reads bands many
/// times while its workers answer; this keeps that off the main thread's critical path.
#[derive(Debug, Clone, Default)]
pub struct BandsBuilder {
    shape: Option<(usize, usize)>,
    /// Per cell (output-major), the values of the draws so far, ascending.
    cells: Vec<Vec<f64>>,
    draws: usize,
    failed: usize,
}

impl BandsBuilder {
    /// Adds one draw's series (`None`: the draw could not run). A draw whose shape differs
    /// from the first one's is counted as failed.
    pub fn add(&mut self, draw: Option<&Array2<f64>>) {
        if let Some(series) = self.accept(draw) {
            for (cell, &value) in self.cells.iter_mut().zip(series.iter()) {
                let at = cell.partition_point(|v| v.total_cmp(&value).is_lt());
                cell.insert(at, value);
            }
        }
    }

    /// Counts a draw and returns its series if it ran and has the right shape.
    fn accept<'a>(&mut self, draw: Option<&'a Array2<f64>>) -> Option<&'a Array2<f64>> {
        let Some(series) = draw else {
            self.failed += 1;
            return None;
        };
        let shape = *self.shape.get_or_insert(series.dim());
        if series.dim() != shape {
            self.failed += 1;
            return None;
        }
        if self.cells.is_empty() {
            self.cells = vec![Vec::new(); shape.0 * shape.1];
        }
        self.draws += 1;
        Some(series)
    }

    /// Draws added so far, run or failed.
    pub fn len(&self) -> usize {
        self.draws + self.failed
    }

    /// No draw added yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bands of the draws so far (`None` until one has run).
    pub fn bands(&self) -> Option<Bands> {
        let shape = self.shape.filter(|_| self.draws > 0)?;
        let mut levels = vec![Array2::zeros(shape); PERCENTILES.len()];
        for (k, cell) in self.cells.iter().enumerate() {
            let at = (k / shape.1, k % shape.1);
            for (level, p) in levels.iter_mut().zip(PERCENTILES) {
                level[at] = percentile(cell, p);
            }
        }
        Some(Bands {
            levels,
            draws: self.draws,
            failed: self.failed,
        })
    }
}

impl Bands {
    /// The bands of the draws that ran (`None` for a draw that failed). `None` when no draw
    /// ran at all.
    pub fn from_draws(draws: &[Option<Array2<f64>>]) -> Option<Self> {
        // All at once: append, then sort each cell once (faster than inserting in order,
        // and the same sorted cells, so the same bands bit for bit).
        let mut builder = BandsBuilder::default();
        for draw in draws {
            if let Some(series) = builder.accept(draw.as_ref()) {
                for (cell, &value) in builder.cells.iter_mut().zip(series.iter()) {
                    cell.push(value);
                }
            }
        }
        for cell in &mut builder.cells {
            cell.sort_unstable_by(f64::total_cmp);
        }
        builder.bands()
    }

    /// The band `level` (an index into [`PERCENTILES`]) of output `output`, one value a year.
    pub fn get(&self, level: usize, output: usize) -> &[f64] {
        self.levels[level].row(output).to_slice().unwrap_or(&[])
    }

    /// The 90 % interval (5 % to 95 %) of output `output` in the year at column `t`.
    pub fn interval90(&self, output: usize, t: usize) -> (f64, f64) {
        (self.levels[P5][[output, t]], self.levels[P95][[output, t]])
    }

    /// Years covered.
    pub fn years(&self) -> usize {
        self.levels[0].ncols()
    }

    /// A 64-bit fingerprint of every band value (FNV-1a over the bits), to compare bands
    /// computed on different platforms.
    pub fn fingerprint(&self) -> u64 {
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        for value in self.levels.iter().flat_map(|l| l.iter()) {
            for byte in value.to_bits().to_le_bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        hash
    }
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn interpolates_between_order_statistics() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.0), 1.0);
        assert_eq!(percentile(&v, 50.0), 3.0);
        assert_eq!(percentile(&v, 100.0), 5.0);
        assert!((percentile(&v, 5.0) - 1.2).abs() < 1e-12);
        assert_eq!(percentile(&[7.0], 95.0), 7.0);
    }
}
