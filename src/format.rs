//! Numbers and sentences per locale. Pure; depends on `locale` and `data`.
//!
//! Output matches `Intl.NumberFormat` for "fr-FR" and "en-US" (the browser tests
//! compare them): French groups thousands with U+202F and puts U+00A0 before "%".
//! Integer arithmetic only: no float formatting is linked into the wasm (~5 KB gz),
//! and shares are exact to the rounding rule, never off by a float's last bit.

use crate::data::Dataset;
use crate::locale::Lang;
use crate::numbers;

/// Appends `n` with thousands grouped as `lang` writes them (`numbers`).
pub fn push_int(out: &mut String, n: u64, lang: Lang) {
    numbers::push_digits(out, n, Some(lang.numbers()));
}

/// `parts` joined by `sep`, as `[String]::join` makes it, without a second copy of
/// the joining code in the wasm (the `[&str]` one serves every other join).
pub fn join(parts: &[String], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// `n` in plain digits ("9007199254740991"), for messages, paths and CSS: no
/// formatting machinery (`core::fmt`) is linked for it.
pub fn digits(n: u64) -> String {
    let mut s = String::new();
    numbers::push_digits(&mut s, n, None);
    s
}

/// `n` with thousands grouped: "22 328" (fr, U+202F) or "22,328" (en).
pub fn int(n: u64, lang: Lang) -> String {
    let mut s = String::new();
    push_int(&mut s, n, lang);
    s
}

/// `part / whole` in tenths of a percent, rounded half up (as Intl's "halfExpand"
/// does for positive numbers). `None` when `whole` is 0: a share of nothing.
/// Exact for figures up to 2^53 − 1 (all that options accept) in u64 arithmetic;
/// beyond, both are scaled down first (u128 would add 2 KB of wasm for nothing).
pub fn share_permille(mut part: u64, mut whole: u64) -> Option<u64> {
    if whole == 0 {
        return None;
    }
    while part > (u64::MAX - whole) / 2000 || whole > u64::MAX / 2 {
        part >>= 1;
        whole >>= 1;
    }
    if whole == 0 {
        return Some(if part == 0 { 0 } else { 1000 });
    }
    Some((part * 2000 + whole) / (2 * whole))
}

/// A permille as a percentage with one decimal, as `lang` writes it: "37,9 %" (fr),
/// "37.9%" (en), "‎37.9‎%‎" (ar: the sign kept on the number's right)…
pub fn percent(permille: u64, lang: Lang) -> String {
    numbers::percent(permille, lang.numbers())
}

/// The subtitle written from the figures when the dataset has none of its own:
/// "58 985 personnes déplacées dans le pays (10 248 familles), +14 223 depuis février".
pub fn subtitle(data: &Dataset, lang: Lang) -> String {
    if let Some(s) = &data.subtitle {
        return s.clone();
    }
    let t = lang.text();
    let mut s = String::new();
    push_int(&mut s, data.total, lang);
    s.push(' ');
    s.push_str(t.persons_unit);
    s.push(' ');
    s.push_str(t.in_the_country);
    if let Some(h) = data.households {
        s.push_str(" (");
        push_int(&mut s, h, lang);
        s.push(' ');
        s.push_str(t.households_unit);
        s.push(')');
    }
    if let Some(inc) = data.increase {
        s.push_str(lang.comma());
        // In right-to-left text the sign would go to the number's other side: as Intl
        // writes a signed number there, Western digits isolated left to right (LRI …
        // PDI: "+14,223"), Arabic-Indic ones after an Arabic letter mark (the sign read
        // first, on their right).
        let (open, close) = match (lang.rtl(), cfg!(feature = "ar") && lang.numbers().arabic_digits) {
            (true, true) => ("\u{61C}+", ""),
            (true, false) => ("\u{2066}+", "\u{2069}"),
            _ => ("+", ""),
        };
        s.push_str(open);
        push_int(&mut s, inc, lang);
        s.push_str(close);
        s.push(' ');
        s.push_str(t.since_february);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_group_by_thousands_per_locale() {
        assert_eq!(int(0, Lang::Fr), "0");
        assert_eq!(int(999, Lang::Fr), "999");
        assert_eq!(int(22_328, Lang::Fr), "22\u{202F}328");
        assert_eq!(int(22_328, Lang::En), "22,328");
        assert_eq!(int(1_000_000, Lang::En), "1,000,000");
        assert_eq!(int(u64::MAX, Lang::En), "18,446,744,073,709,551,615");
        assert_eq!(digits(9_007_199_254_740_991), "9007199254740991");
        assert_eq!(digits(0), "0");
    }

    #[test]
    fn shares_round_half_up_to_a_tenth_of_a_percent() {
        assert_eq!(share_permille(22_328, 58_985), Some(379));
        assert_eq!(share_permille(1, 8), Some(125));
        assert_eq!(share_permille(1, 2000), Some(1)); // 0.05 % rounds up
        assert_eq!(share_permille(1, 2001), Some(0));
        assert_eq!(share_permille(5, 0), None);
        assert_eq!(share_permille(u64::MAX, u64::MAX), Some(1000));
    }

    #[test]
    fn percentages_follow_each_locale() {
        assert_eq!(percent(379, Lang::Fr), "37,9\u{A0}%");
        assert_eq!(percent(379, Lang::En), "37.9%");
        assert_eq!(percent(1000, Lang::En), "100.0%");
        assert_eq!(percent(5, Lang::Fr), "0,5\u{A0}%");
    }
}
