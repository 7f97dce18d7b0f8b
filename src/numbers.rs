//! Numbers as each language of the wires that cover Mali writes them (issue 26): the
//! figures and the shares in French, English, Spanish, Portuguese, German and Arabic,
//! with the regional variants that differ (Spain and Latin America, Brazil and
//! Portugal, Germany and Switzerland, Arabic with Western or Arabic-Indic digits).
//! Each style is CLDR's as `Intl.NumberFormat` applies it, and is checked against a
//! table that Chromium's `Intl` wrote (`tests/locales.tsv`; `tools/locales.mjs`
//! writes it, and an end-to-end test fails if Chromium's output changes). Integer
//! arithmetic only, like `format`: no float formatting is linked.
//!
//! `Lang::numbers` gives each language's style; `format` writes every figure with it.

/// How a locale writes a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    /// Between groups of three digits.
    pub group: char,
    /// Between the units and the tenths of a share.
    pub decimal: char,
    /// The fewest digits before the first group for grouping to start: 1 writes
    /// "1.234", 2 leaves four digits whole ("1234", "10.000": Spanish of Spain,
    /// Portuguese of Portugal).
    pub min_grouping: u8,
    /// What follows a share's digits: the percent sign with its space or marks.
    pub percent: &'static str,
    /// Arabic-Indic digits (U+0660 to U+0669) rather than 0-9.
    pub arabic_digits: bool,
}

const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

pub const FRENCH: NumberStyle = NumberStyle { group: NNBSP, decimal: ',', min_grouping: 1, percent: "\u{A0}%", arabic_digits: false };
pub const ENGLISH: NumberStyle = NumberStyle { group: ',', decimal: '.', min_grouping: 1, percent: "%", arabic_digits: false };
pub const SPANISH: NumberStyle = NumberStyle { group: '.', decimal: ',', min_grouping: 2, percent: "\u{A0}%", arabic_digits: false };
pub const BRAZILIAN: NumberStyle = NumberStyle { group: '.', decimal: ',', min_grouping: 1, percent: "%", arabic_digits: false };
pub const EUROPEAN_PORTUGUESE: NumberStyle = NumberStyle { group: NBSP, decimal: ',', min_grouping: 2, percent: "%", arabic_digits: false };
pub const GERMAN: NumberStyle = NumberStyle { group: '.', decimal: ',', min_grouping: 1, percent: "\u{A0}%", arabic_digits: false };
pub const SWISS_GERMAN: NumberStyle = NumberStyle { group: '\'', decimal: '.', min_grouping: 1, percent: "%", arabic_digits: false };
/// Arabic with Western digits (CLDR's default for `ar`): the percent sign between
/// left-to-right marks, so it stays on the number's right in right-to-left text.
pub const ARABIC: NumberStyle = NumberStyle { group: ',', decimal: '.', min_grouping: 1, percent: "\u{200E}%\u{200E}", arabic_digits: false };
/// Arabic-Indic digits (`ar-EG`, or any Arabic tag with `-u-nu-arab`): Arabic
/// thousands and decimal separators, the Arabic percent sign and an Arabic letter mark.
pub const ARABIC_INDIC: NumberStyle = NumberStyle { group: '\u{66C}', decimal: '\u{66B}', min_grouping: 1, percent: "\u{66A}\u{61C}", arabic_digits: true };

/// The style for a BCP 47 language tag ("es", "es-419", "pt-PT", "de-CH", "ar-EG",
/// "ar-u-nu-arab"…; case ignored), `None` for a language this build does not write.
/// A region we have no variant for gets its language's default.
pub fn style(tag: &str) -> Option<NumberStyle> {
    crate::locale::Lang::from_tag(tag).map(crate::locale::Lang::numbers)
}

/// Appends the digits of `n` in `style`, grouped; plain digits with no style.
/// What only another language needs (grouping from 10 000, Arabic-Indic digits)
/// is read only in a build with that language: a constant otherwise.
pub fn push_digits(out: &mut String, n: u64, style: Option<NumberStyle>) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let min_grouping = |s: NumberStyle| if cfg!(any(feature = "es", feature = "pt")) { s.min_grouping as usize } else { 1 };
    let group = style.filter(|s| len >= 3 + min_grouping(*s)).map(|s| s.group);
    let arabic = cfg!(feature = "ar") && style.is_some_and(|s| s.arabic_digits);
    for i in (0..len).rev() {
        let d = digits[i];
        out.push(if arabic { char::from_u32(0x660 + d as u32).unwrap_or('?') } else { (b'0' + d) as char });
        if let Some(sep) = group.filter(|_| i > 0 && i % 3 == 0) {
            out.push(sep);
        }
    }
}

/// A whole number in `style`: "22.328", "1234", "22'328", "٢٢٬٣٢٨"…
pub fn int(n: u64, style: NumberStyle) -> String {
    let mut s = String::new();
    push_digits(&mut s, n, Some(style));
    s
}

/// A share in tenths of a percent, with one decimal, in `style`: "37,9 %", "37.9%"…
pub fn percent(permille: u64, style: NumberStyle) -> String {
    let mut s = String::new();
    push_digits(&mut s, permille / 10, Some(style));
    s.push(style.decimal);
    push_digits(&mut s, permille % 10, Some(style));
    s.push_str(style.percent);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format;
    use crate::locale::Lang;

    /// Every row of the table Chromium's `Intl.NumberFormat` wrote.
    #[cfg(all(feature = "es", feature = "pt", feature = "de", feature = "ar"))]
    #[test]
    fn every_locale_writes_numbers_as_intl_does() {
        let table = include_str!("../tests/locales.tsv");
        let mut checked = 0;
        for line in table.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let cells: Vec<&str> = line.split('\t').collect();
            let [tag, kind, n, want] = cells[..] else { panic!("a row of four cells: {line:?}") };
            let style = style(tag).unwrap_or_else(|| panic!("{tag} has a style"));
            let n: u64 = n.parse().unwrap();
            let got = if kind == "int" { int(n, style) } else { percent(n, style) };
            assert_eq!(got, want, "{tag} {kind} {n}");
            checked += 1;
        }
        assert!(checked >= 14 * 20, "the whole table was read ({checked} rows)");
    }

    #[test]
    fn french_and_english_as_the_chart_writes_them_today() {
        for n in [0, 7, 999, 1_000, 22_328, 58_985, 1_234_567, (1 << 53) - 1] {
            assert_eq!(int(n, style("fr").unwrap()), format::int(n, Lang::Fr));
            assert_eq!(int(n, style("en-GB").unwrap()), format::int(n, Lang::En));
        }
        for p in [0, 1, 9, 379, 1000] {
            assert_eq!(percent(p, style("fr-FR").unwrap()), format::percent(p, Lang::Fr));
            assert_eq!(percent(p, style("en").unwrap()), format::percent(p, Lang::En));
        }
    }

    #[cfg(all(feature = "es", feature = "pt", feature = "de", feature = "ar"))]
    #[test]
    fn tags_resolve_by_language_region_and_numbering_system() {
        assert_eq!(style("ES-es"), Some(SPANISH));
        assert_eq!(style("es-MX"), Some(SPANISH), "a region without a variant of ours: the language's default");
        assert_eq!(style("pt_PT"), Some(EUROPEAN_PORTUGUESE));
        assert_eq!(style("de-CH-1996"), Some(SWISS_GERMAN));
        assert_eq!(style("ar-MA"), Some(ARABIC));
        assert_eq!(style("ar-MA-u-nu-arab"), Some(ARABIC_INDIC));
        assert_eq!(style("bm"), None, "Bambara: not a language we write");
        assert_eq!(style(""), None);
    }
}
