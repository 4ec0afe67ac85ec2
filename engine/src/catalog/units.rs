//! Number formatting: one function per unit, so every number shown to users carries its unit
//! and no component formats numbers ad hoc.

use super::{RegionSpec, Unit};

/// Groups thousands with a thin space, which reads well in every locale we serve.
fn group_thousands(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("−", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('\u{2009}');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// The bare number with `decimals` decimals and grouped thousands (no unit).
pub fn number(value: f64, decimals: u8) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.prec$}", prec = decimals as usize);
    // "-0.0" reads as a change where there is none.
    let text = if text
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        text.trim_start_matches('-').to_string()
    } else {
        text
    };
    group_thousands(&text)
}

/// The unit's short label, e.g. "USD a month" or "% of GDP".
pub fn unit_label(unit: Unit, region: &RegionSpec) -> String {
    match unit {
        Unit::CurrencyMonth => format!("{} a month", region.currency),
        Unit::CurrencyYear => format!("{} a year", region.currency),
        Unit::PctTasksYear => "% of tasks a year".into(),
        Unit::Pp => "pp".into(),
        Unit::Percent => "%".into(),
        Unit::PercentYear => "% a year".into(),
        Unit::PercentGdp => "% of GDP".into(),
        Unit::Year | Unit::Count | Unit::Choice | Unit::Phase => String::new(),
        Unit::Years => "years".into(),
        Unit::Ratio | Unit::Gini => String::new(),
        Unit::Multiplier => "×".into(),
        Unit::Index => "(base year = 100)".into(),
        Unit::TonnesYear => "t a year".into(),
        Unit::GjYear => "GJ a year".into(),
        Unit::TkmYear => "t-km a year".into(),
    }
}

/// A value with its unit, e.g. "1 000 USD a month", "23.5 %", "0.412 (Gini)".
pub fn with_unit(value: f64, unit: Unit, decimals: u8, region: &RegionSpec) -> String {
    let n = number(value, decimals);
    match unit {
        Unit::Percent => format!("{n} %"),
        Unit::Multiplier => format!("×{n}"),
        Unit::Index => format!("{n} (index)"),
        Unit::Gini => format!("{n} (Gini)"),
        Unit::Year => number(value, 0).replace('\u{2009}', ""),
        Unit::Phase => phase_name(value).into(),
        _ => {
            let label = unit_label(unit, region);
            if label.is_empty() {
                n
            } else {
                format!("{n} {label}")
            }
        }
    }
}

/// The plain-language name of a phase number (the `phase` output).
pub fn phase_name(value: f64) -> &'static str {
    match value.round() as i32 {
        0 => "Phase 0: industrial ecology",
        1 => "Phase 1: regional production",
        2 => "Phase 2: outlet production",
        3 => "Phase 3: personal production",
        _ => "Market only",
    }
}
