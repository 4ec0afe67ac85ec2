//! The material side of production (models/README.md §4, "Resources"): how much virgin
//! material the year's goods take, what share of all material is recycled (the circularity
//! rate, as the Circularity Gap Report measures it), and how far the goods travel.
//!
//! Goods are counted at market value: the market's output net of what the commons buys from
//! it, and the commons' goods at the market price of what they replace. Every good takes
//! the same material per unit of market value in the base year; what differs between the
//! market and a phase is the recycled share of that material and the distance travelled.

/// The year's goods at market value, per adult.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Goods {
    pub market: f64,
    pub commons: f64,
}

impl Goods {
    /// All goods, relative to the base year's market goods `market0`.
    pub fn scale(&self, market0: f64) -> f64 {
        if market0 > 0.0 {
            (self.market.max(0.0) + self.commons.max(0.0)) / market0
        } else {
            0.0
        }
    }

    /// The commons' share of the goods by market value.
    pub fn commons_share(&self) -> f64 {
        let total = self.market.max(0.0) + self.commons.max(0.0);
        if total > 0.0 {
            self.commons.max(0.0) / total
        } else {
            0.0
        }
    }
}

/// The commons' share of the material the goods take: each category's peer-produced share
/// weighted by the category's share of the material footprint (`material`; what the
/// categories leave, investment and government, is all market-made).
pub fn commons_material_share(material: &[f64], peer_produced: &[f64]) -> f64 {
    material
        .iter()
        .zip(peer_produced)
        .map(|(m, s)| m * s.clamp(0.0, 1.0))
        .sum()
}

/// Virgin material extracted for the goods, tonnes per person a year, by category of the
/// basket and, last, for investment and government: the base year's footprint `footprint0`
/// split by the categories' footprint shares, scaled by the goods (`scale`, base year = 1),
/// with the peer-produced part of each category taking the commons' virgin material per unit
/// relative to the market's.
pub fn material_by_category<const K: usize>(
    footprint0: f64,
    scale: f64,
    (material, peer_produced): (&[f64; K], &[f64; K]),
    (market_recycled, commons_recycled): (f64, f64),
) -> ([f64; K], f64) {
    let virgin = if market_recycled < 1.0 {
        (1.0 - commons_recycled.clamp(0.0, 1.0)) / (1.0 - market_recycled)
    } else {
        1.0
    };
    let base = footprint0 * scale.max(0.0);
    let mut by_category = [0.0; K];
    for ((out, m), s) in by_category.iter_mut().zip(material).zip(peer_produced) {
        let s = s.clamp(0.0, 1.0);
        *out = base * m * (1.0 - s + s * virgin);
    }
    let other = base * (1.0 - material.iter().sum::<f64>()).max(0.0);
    (by_category, other)
}

/// Recycled share of all the material the goods take (the circularity rate), a fraction:
/// the market's recycled share, and the commons' on its share of the material.
pub fn circularity(commons_material: f64, (market_recycled, commons_recycled): (f64, f64)) -> f64 {
    let c = commons_material.clamp(0.0, 1.0);
    (1.0 - c) * market_recycled + c * commons_recycled.clamp(0.0, 1.0)
}

/// Primary energy per person, GJ a year: the base year's `energy0` scaled by the goods, the
/// commons' goods taking `commons_energy` times the market's energy per unit of value.
pub fn energy_use(energy0: f64, goods: Goods, market0: f64, commons_energy: f64) -> f64 {
    let share = goods.commons_share();
    energy0 * goods.scale(market0) * (1.0 - share + share * commons_energy.max(0.0))
}

/// Freight relative to the base year's (1 = the base year's tonne-km): the goods, each part
/// at the distance it travels, against the base year's market goods at the market's.
pub fn freight(goods: Goods, market0: f64, (market_km, commons_km): (f64, f64)) -> f64 {
    if market0 <= 0.0 || market_km <= 0.0 {
        return 0.0;
    }
    (goods.market.max(0.0) * market_km + goods.commons.max(0.0) * commons_km.max(0.0))
        / (market0 * market_km)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKET: (f64, f64) = (0.07, 0.07);
    const MATERIAL: [f64; 3] = [0.3, 0.2, 0.1];

    fn total(footprint0: f64, scale: f64, peer: [f64; 3], recycled: (f64, f64)) -> f64 {
        let (by, other) = material_by_category(footprint0, scale, (&MATERIAL, &peer), recycled);
        by.iter().sum::<f64>() + other
    }

    #[test]
    fn material_use_rises_with_output_and_falls_as_recycling_rises() {
        let base = total(12.0, 1.0, [0.0; 3], MARKET);
        assert!((base - 12.0).abs() < 1e-12);
        // More output, more material.
        assert!(total(12.0, 1.2, [0.0; 3], MARKET) > base);
        assert!(total(12.0, 1.2, [0.5; 3], (0.07, 0.3)) > total(12.0, 1.0, [0.5; 3], (0.07, 0.3)));
        // The same goods with more of their material recycled take less virgin material.
        let mut last = f64::INFINITY;
        for recycled in [0.07, 0.2, 0.45, 0.6, 0.85] {
            let m = total(12.0, 1.0, [0.5, 0.3, 0.0], (0.07, recycled));
            assert!(m < last, "{recycled}: {m}");
            last = m;
        }
    }

    #[test]
    fn categories_split_the_footprint_and_only_peer_produced_ones_change() {
        let (by, other) =
            material_by_category(10.0, 1.0, (&MATERIAL, &[0.0, 0.5, 0.0]), (0.07, 0.6));
        assert!((by[0] - 3.0).abs() < 1e-12 && (by[2] - 1.0).abs() < 1e-12);
        assert!(by[1] < 2.0);
        assert!((other - 4.0).abs() < 1e-12);
    }

    #[test]
    fn circularity_is_the_recycled_share_of_all_material() {
        let c = commons_material_share(&MATERIAL, &[0.5, 0.5, 0.0]);
        assert!((c - 0.25).abs() < 1e-12);
        let rate = circularity(c, (0.07, 0.6));
        assert!((rate - (0.75 * 0.07 + 0.25 * 0.6)).abs() < 1e-12);
        assert_eq!(circularity(0.0, MARKET), 0.07);
    }

    #[test]
    fn energy_and_freight_follow_the_goods_and_how_they_are_made() {
        let market_only = Goods {
            market: 100.0,
            commons: 0.0,
        };
        assert!((energy_use(300.0, market_only, 100.0, 2.0) - 300.0).abs() < 1e-12);
        let mixed = Goods {
            market: 80.0,
            commons: 20.0,
        };
        assert!(energy_use(300.0, mixed, 100.0, 0.9) < 300.0);
        assert!(energy_use(300.0, mixed, 100.0, 1.2) > 300.0);
        assert!((freight(market_only, 100.0, (1000.0, 15.0)) - 1.0).abs() < 1e-12);
        assert!((freight(mixed, 100.0, (1000.0, 0.0)) - 0.8).abs() < 1e-12);
    }
}
