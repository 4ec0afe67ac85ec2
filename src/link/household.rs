//! "A household like mine" in a share link (`h.`-keys), which a link carries only when its
//! reader chose to share it.

use super::keys::unusable_number;
use super::{short, HOUSEHOLD_PREFIX};
use crate::scenario::{Notice, NoticeKind};

/// "A household like mine" as a link carries it: each adult's pay a month in today's money,
/// adults, children, savings, and whether the adults are 65 or over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SharedHousehold {
    pub pay: [f64; 2],
    pub adults: u8,
    pub children: u8,
    pub wealth: f64,
    pub pensioners: bool,
}

impl Default for SharedHousehold {
    /// What the form shows before the reader enters anything.
    fn default() -> Self {
        Self {
            pay: [2500.0, 0.0],
            adults: 1,
            children: 0,
            wealth: 10_000.0,
            pensioners: false,
        }
    }
}

use crate::present::households::{ADULTS, MAX_AMOUNT, MAX_CHILDREN};

/// Reads the `h.`-keys of a link, if there are any, with a notice for each value that cannot
/// be used (the form's value is kept instead).
pub(super) fn household_of(
    pairs: &[(String, String)],
    notices: &mut Vec<Notice>,
) -> Option<SharedHousehold> {
    let mut out: Option<SharedHousehold> = None;
    for (key, value) in pairs {
        let Some(name) = key.strip_prefix(HOUSEHOLD_PREFIX) else {
            continue;
        };
        let h = out.get_or_insert_with(SharedHousehold::default);
        let value = value.trim();
        let amount = value
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && (0.0..=MAX_AMOUNT).contains(x));
        let whole = value.parse::<u8>().ok();
        let mut bad = |what: &str| {
            let kind = match name {
                "over65" => NoticeKind::UnknownValue,
                _ => unusable_number(value),
            };
            notices.push(Notice::new(
                kind,
                key,
                format!(
                    "Your household: '{}' is not {what}; the form keeps its value.",
                    short(value)
                ),
            ))
        };
        match name {
            "pay" => amount.map_or_else(|| bad("an amount of money"), |x| h.pay[0] = x),
            "pay2" => amount.map_or_else(|| bad("an amount of money"), |x| h.pay[1] = x),
            "wealth" => amount.map_or_else(|| bad("an amount of money"), |x| h.wealth = x),
            "adults" => match whole.filter(|n| ADULTS.contains(n)) {
                Some(n) => h.adults = n,
                None => bad("1 or 2 adults"),
            },
            "children" => match whole.filter(|n| *n <= MAX_CHILDREN) {
                Some(n) => h.children = n,
                None => bad("a number of children from 0 to 10"),
            },
            "over65" => match value {
                "1" | "yes" | "true" => h.pensioners = true,
                "0" | "no" | "false" => h.pensioners = false,
                _ => bad("1 or 0"),
            },
            _ => notices.push(Notice::new(
                NoticeKind::UnknownKey,
                key,
                format!(
                    "Your household: there is no '{}'; it was left out.",
                    short(name)
                ),
            )),
        }
    }
    out
}
