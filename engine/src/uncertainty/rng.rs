//! A small seeded random source (SplitMix64), so Monte Carlo draws are reproducible on every
//! platform without a random-number crate.
//!
//! Each value is a pure function of `(seed, draw, parameter)`: a draw does not depend on
//! which other draws ran before it, so any split of the draws into batches and workers gives
//! the same numbers.

/// SplitMix64's finaliser: a bijective scramble of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// SplitMix64's increment (the golden ratio in 64 bits).
const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// The stream of a parameter: a hash of its id (FNV-1a), so that adding or reordering
/// parameters in `models/parameters.toml` leaves every other parameter's draws as they were,
/// and a shared link's bands stay the same.
pub fn stream_of(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A uniform number in the open interval (0, 1) for `parameter` in draw `draw` of `seed`.
///
/// Open at both ends so inverse distribution functions never see 0 or 1 (where some are
/// infinite).
pub fn uniform(seed: u64, draw: u64, parameter: u64) -> f64 {
    let key = mix(seed.wrapping_add(GAMMA))
        ^ mix(draw.wrapping_add(1).wrapping_mul(GAMMA))
        ^ mix(parameter
            .wrapping_add(1)
            .wrapping_mul(GAMMA)
            .rotate_left(17));
    let bits = mix(key) >> 11; // 53 random bits
    (bits as f64 + 0.5) / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::uniform;

    #[test]
    fn stays_inside_the_open_unit_interval_and_is_reproducible() {
        for d in 0..10_000 {
            let u = uniform(7, d, 3);
            assert!(u > 0.0 && u < 1.0);
            assert_eq!(u.to_bits(), uniform(7, d, 3).to_bits());
        }
        assert_ne!(uniform(7, 1, 3), uniform(8, 1, 3));
        assert_ne!(uniform(7, 1, 3), uniform(7, 1, 4));
    }
}
