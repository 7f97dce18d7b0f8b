//! Text: fonts as layout asks for them, measuring (a conservative estimate, the same
//! in the browser and for the static picture, behind the `Measure` trait that tests
//! can replace) and greedy word wrapping. Pure; depends on nothing else in the crate.

/// A font request: the family comes from the theme, so layout only needs these.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

/// Measures a text's advance width in CSS pixels.
pub trait Measure {
    fn width(&self, text: &str, font: Font) -> f64;
}

/// A conservative width estimate for a generic sans-serif (close to DejaVu Sans,
/// the widest common default): the one measure of text, natively (the static
/// picture) and in the browser (the live chart) alike, so both lay out the same and
/// no text is measured in the page.
pub struct Estimate;

impl Measure for Estimate {
    fn width(&self, text: &str, font: Font) -> f64 {
        let em: f64 = text
            .chars()
            .map(|c| match c {
                ' ' | '\u{A0}' | '\u{202F}' => 0.32,
                'i' | 'j' | 'l' | 't' | 'f' | 'r' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '(' | ')'
                | '[' | ']' | 'I' => 0.42,
                'm' | 'w' | 'M' | 'W' | '%' | '@' => 1.0,
                '0'..='9' | 'a'..='z' => 0.64,
                'A'..='Z' => 0.76,
                c if (c as u32) < 0x2E80 => 0.7,
                _ => 1.05, // CJK, emoji: about one em
            })
            .sum();
        em * font.size * if font.bold { 1.1 } else { 1.0 }
    }
}

/// The parts of `s` between the ASCII `sep` bytes, as `str::split(char)` gives them,
/// in a fraction of its code (its searcher is written for every kind of pattern):
/// the chart splits words at spaces and colours at commas.
pub fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&s[i + 1..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

/// Greedy word wrap to `max` pixels, each line with its measured width; a word wider
/// than a line is cut between characters, so no line ever overflows (and a long name
/// is never lost). Measuring text is the costliest step of a first render in the
/// browser, so a text that fits is measured once, whole; one that does not has each
/// word measured once, lines summed from word and space widths, and each line it
/// ends with measured whole for its exact width.
pub fn wrap(text: &str, max: f64, font: Font, measure: &dyn Measure) -> Vec<(String, f64)> {
    let mut whole = String::new();
    for word in split_ascii(text, b' ').filter(|w| !w.is_empty()) {
        if !whole.is_empty() {
            whole.push(' ');
        }
        whole.push_str(word);
    }
    let mut lines = Vec::new();
    let whole_w = measure.width(&whole, font);
    if whole_w <= max {
        lines.push((whole, whole_w));
        return lines;
    }
    let finish = |lines: &mut Vec<(String, f64)>, line: String| {
        let w = measure.width(&line, font);
        lines.push((line, w));
    };
    let space = measure.width(" ", font);
    let mut line = String::new();
    let mut line_w = 0.0;
    for word in split_ascii(&whole, b' ') {
        let word_w = measure.width(word, font);
        let candidate_w = if line.is_empty() { word_w } else { line_w + space + word_w };
        if candidate_w <= max {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_w = candidate_w;
            continue;
        }
        if !line.is_empty() {
            finish(&mut lines, std::mem::take(&mut line));
        }
        line_w = word_w;
        if word_w <= max {
            line.push_str(word);
            continue;
        }
        // The word alone is too wide: cut it between characters.
        for c in word.chars() {
            line.push(c);
            if line.chars().count() > 1 && measure.width(&line, font) > max {
                line.pop();
                finish(&mut lines, std::mem::replace(&mut line, c.to_string()));
            }
        }
        line_w = measure.width(&line, font);
    }
    if !line.is_empty() {
        finish(&mut lines, line);
    }
    lines
}


/// Every character is `size` px wide: easy arithmetic for tests.
#[cfg(test)]
pub(crate) struct Mono;

#[cfg(test)]
impl Measure for Mono {
    fn width(&self, text: &str, font: Font) -> f64 {
        text.chars().count() as f64 * font.size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_ascii_splits_as_str_split_does() {
        for s in ["", " ", "a", "a b", " a  b ", "rgba(1, 2, 3, 0.5)", "Ségou, Mopti", ",,", "é,"] {
            for sep in [b' ', b','] {
                let ours: Vec<&str> = split_ascii(s, sep).collect();
                let std: Vec<&str> = s.split(sep as char).collect();
                assert_eq!(ours, std, "{s:?} at {:?}", sep as char);
            }
        }
    }

    const F: Font = Font { size: 10.0, bold: false };

    /// Counts measurements (the costly call in a browser).
    struct Counting(std::cell::Cell<u32>);
    impl Measure for Counting {
        fn width(&self, text: &str, font: Font) -> f64 {
            self.0.set(self.0.get() + 1);
            Mono.width(text, font)
        }
    }

    #[test]
    fn a_text_that_fits_is_measured_once_and_a_wrapped_one_once_per_word_and_line() {
        let m = Counting(std::cell::Cell::new(0));
        assert_eq!(wrap("aa bb cc", 100.0, F, &m), [("aa bb cc".to_string(), 80.0)]);
        assert_eq!(m.0.get(), 1);
        m.0.set(0);
        assert_eq!(wrap("aa bb cc", 50.0, F, &m).len(), 2);
        // whole text, space, three words, two lines
        assert_eq!(m.0.get(), 7);
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_words_longer_than_a_line() {
        let lines = |text, max| -> Vec<String> { wrap(text, max, F, &Mono).into_iter().map(|(l, _)| l).collect() };
        assert_eq!(lines("aa bb cc", 50.0), ["aa bb", "cc"]);
        assert_eq!(lines("abcdefgh", 30.0), ["abc", "def", "gh"]);
        assert_eq!(lines("", 30.0), [""]);
        assert_eq!(lines("a  b", 100.0), ["a b"]);
        assert_eq!(lines(" a  b ", 30.0), ["a b"]);
        // Widths are each line's own measure.
        assert_eq!(wrap("aa bb cc", 50.0, F, &Mono), [("aa bb".to_string(), 50.0), ("cc".to_string(), 20.0)]);
    }
}
