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

/// Virgin material extracted for the goods, tonnes per adult a year: the base year's
/// footprint `footprint0` scaled by the goods relative to `market0` (the base year's
/// market goods), with each part's virgin share relative to the market's.
pub fn material_use(
    footprint0: f64,
    market0: f64,
    goods: Goods,
    (market_recycled, commons_recycled): (f64, f64),
) -> f64 {
    if market0 <= 0.0 || market_recycled >= 1.0 {
        return 0.0;
    }
    let virgin = (1.0 - commons_recycled.clamp(0.0, 1.0)) / (1.0 - market_recycled);
    footprint0 * (goods.market.max(0.0) + goods.commons.max(0.0) * virgin) / market0
}

/// Recycled share of all the material the goods take (the circularity rate), a fraction.
pub fn circularity(goods: Goods, (market_recycled, commons_recycled): (f64, f64)) -> f64 {
    let (market, commons) = (goods.market.max(0.0), goods.commons.max(0.0));
    let total = market + commons;
    if total <= 0.0 {
        return market_recycled;
    }
    (market * market_recycled + commons * commons_recycled.clamp(0.0, 1.0)) / total
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKET: (f64, f64) = (0.07, 0.07);

    #[test]
    fn material_use_rises_with_output_and_falls_as_recycling_rises() {
        let goods = |market, commons| Goods { market, commons };
        let base = material_use(12.0, 100.0, goods(100.0, 0.0), MARKET);
        assert!((base - 12.0).abs() < 1e-12);
        // More output, more material.
        assert!(material_use(12.0, 100.0, goods(120.0, 0.0), MARKET) > base);
        assert!(material_use(12.0, 100.0, goods(100.0, 10.0), MARKET) > base);
        // The same goods with more of their material recycled take less virgin material.
        let mut last = f64::INFINITY;
        for recycled in [0.07, 0.2, 0.45, 0.6, 0.85] {
            let m = material_use(12.0, 100.0, goods(80.0, 20.0), (0.07, recycled));
            assert!(m < last, "{recycled}: {m}");
            last = m;
        }
    }

    #[test]
    fn circularity_is_the_recycled_share_of_all_material() {
        let goods = Goods {
            market: 75.0,
            commons: 25.0,
        };
        let c = circularity(goods, (0.07, 0.6));
        assert!((c - (0.75 * 0.07 + 0.25 * 0.6)).abs() < 1e-12);
        assert_eq!(
            circularity(
                Goods {
                    market: 0.0,
                    commons: 0.0
                },
                MARKET
            ),
            0.07
        );
    }
}
