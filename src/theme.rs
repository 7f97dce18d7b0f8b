//! Colours and font: the light and dark defaults (WCAG AA on their background), the
//! theme choice, and which theme slot each CSS custom property a page sets fills
//! (`--idp-bar` ...; the shell reads them, normalised by a canvas, so any CSS colour
//! syntax works). Pure; depends on nothing.

use std::borrow::Cow;

pub type Rgb = (u8, u8, u8);

/// Colours and font of one look.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    pub bar: Rgb,
    /// Computed rows: muted, so they read as not reported.
    pub bar_computed: Rgb,
    pub bar_highlight: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    /// A CSS font-family list. "sans-serif" by default.
    pub font: Cow<'static, str>,
}

pub const LIGHT: Theme = Theme {
    background: (0xff, 0xff, 0xff),
    bar: (0x1d, 0x5d, 0x90),
    bar_computed: (0x7d, 0x8a, 0x97),
    bar_highlight: (0xc2, 0x41, 0x0c),
    text: (0x1a, 0x1a, 0x1a),
    muted: (0x55, 0x5d, 0x68),
    font: Cow::Borrowed("sans-serif"),
};

pub const DARK: Theme = Theme {
    background: (0x16, 0x19, 0x1d),
    bar: (0x5b, 0xa4, 0xe6),
    bar_computed: (0x8a, 0x95, 0xa1),
    bar_highlight: (0xf5, 0x9e, 0x42),
    text: (0xf2, 0xf4, 0xf6),
    muted: (0xb3, 0xbc, 0xc6),
    font: Cow::Borrowed("sans-serif"),
};

/// The system colour each slot takes under forced colours (Windows high contrast,
/// `forced-colors: active`): the page's background and text, marks in the text
/// colour, computed marks in `GrayText`, the highlight in `Highlight`. The browser
/// forces the elements' colours; the canvas it cannot, so the chart draws with these.
pub const FORCED_SLOTS: [&str; 6] = ["Canvas", "CanvasText", "GrayText", "Highlight", "CanvasText", "CanvasText"];

impl Theme {
    /// The theme under forced colours: each slot of [`FORCED_SLOTS`] (background,
    /// bar, computed bar, highlight, text, muted) from `resolve`, which gives a
    /// system colour's value as the browser has it now; a slot it cannot resolve
    /// keeps `self`'s. The font stays.
    pub fn forced(&self, resolve: impl Fn(&str) -> Option<Rgb>) -> Theme {
        let mut t = self.clone();
        let slots = [&mut t.background, &mut t.bar, &mut t.bar_computed, &mut t.bar_highlight, &mut t.text, &mut t.muted];
        for (slot, keyword) in slots.into_iter().zip(FORCED_SLOTS) {
            if let Some(rgb) = resolve(keyword) {
                *slot = rgb;
            }
        }
        t
    }
}

/// Which look a chart asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follows the reader's `prefers-color-scheme`, live.
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn from_name(name: &str) -> Option<ThemeChoice> {
        match name.trim() {
            "auto" => Some(ThemeChoice::Auto),
            "light" => Some(ThemeChoice::Light),
            "dark" => Some(ThemeChoice::Dark),
            _ => None,
        }
    }

    pub fn base(self, prefers_dark: bool) -> &'static Theme {
        match self {
            ThemeChoice::Light => &LIGHT,
            ThemeChoice::Dark => &DARK,
            ThemeChoice::Auto if prefers_dark => &DARK,
            ThemeChoice::Auto => &LIGHT,
        }
    }
}

/// What the page says about how to draw, as the shell reads it from media queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Page {
    /// The page is being printed (the `print` media query).
    pub printing: bool,
    /// The host page's used colour scheme is dark (see [`used_scheme_is_dark`]).
    pub dark: bool,
    /// Forced colours are on (Windows high contrast).
    pub forced_colors: bool,
}

/// The look to draw with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// The theme to start from.
    pub base: &'static Theme,
    /// The system palette replaces its colours (`Theme::forced`), and the page's
    /// `--idp-*` colours are not read: the reader's palette wins over the page's.
    pub forced: bool,
}

/// Which look a chart draws with: on paper light (ink on white) whatever was asked;
/// under forced colours the system palette, on paper too; otherwise the look asked
/// for, "auto" following the page's used colour scheme.
pub fn look(choice: ThemeChoice, page: Page) -> Look {
    let choice = if page.printing { ThemeChoice::Light } else { choice };
    Look { base: choice.base(page.dark), forced: page.forced_colors }
}

/// Whether a page's used colour scheme is dark, as the browser decides it for its own
/// controls: the CSS `color-scheme` in force on the chart (`declared`, as computed:
/// "normal", "light", "light dark", "dark", "only light" ...) and the reader's
/// system. Dark where the page offers only dark, or both and the reader prefers dark;
/// light where it offers only light or declares nothing ("normal"). CSS
/// `light-dark()`, which the static picture uses, follows the same rule.
pub fn used_scheme_is_dark(declared: &str, prefers_dark: bool) -> bool {
    // As computed: keywords in lower case, one space apart.
    let has = |word: &str| crate::text::split_ascii(declared, b' ').any(|w| w == word);
    match (has("light"), has("dark")) {
        (true, true) => prefers_dark,
        (false, true) => true,
        _ => false,
    }
}

/// The CSS custom properties a page may set, and the colour each one overrides.
pub const CSS_COLOR_PROPERTIES: [&str; 6] =
    ["--idp-bg", "--idp-bar", "--idp-bar-computed", "--idp-bar-highlight", "--idp-text", "--idp-muted"];
pub const CSS_FONT_PROPERTY: &str = "--idp-font";

impl Theme {
    /// The colour slot a CSS custom property sets.
    pub fn slot(&mut self, property: &str) -> Option<&mut Rgb> {
        Some(match property {
            "--idp-bg" => &mut self.background,
            "--idp-bar" => &mut self.bar,
            "--idp-bar-computed" => &mut self.bar_computed,
            "--idp-bar-highlight" => &mut self.bar_highlight,
            "--idp-text" => &mut self.text,
            "--idp-muted" => &mut self.muted,
            _ => return None,
        })
    }
}

/// "#rrggbb", for CSS.
pub fn hex(c: Rgb) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::from("#");
    for v in [c.0, c.1, c.2] {
        s.push(HEX[(v >> 4) as usize] as char);
        s.push(HEX[(v & 15) as usize] as char);
    }
    s
}

/// WCAG relative luminance, in thousandths-free f64 (used by tests and checks only).
pub fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.03928 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {

    #[test]
    fn forced_colours_take_the_system_palette_slot_by_slot() {
        // A high-contrast dark palette, as a browser resolves it.
        let palette = |k: &str| match k {
            "Canvas" => Some((0, 0, 0)),
            "CanvasText" => Some((255, 255, 255)),
            "GrayText" => Some((63, 242, 63)),
            "Highlight" => Some((0, 230, 255)),
            _ => None,
        };
        let t = LIGHT.forced(palette);
        assert_eq!((t.background, t.text, t.muted), ((0, 0, 0), (255, 255, 255), (255, 255, 255)));
        assert_eq!((t.bar, t.bar_computed, t.bar_highlight), ((255, 255, 255), (63, 242, 63), (0, 230, 255)));
        assert_eq!(t.font, LIGHT.font);
        // What cannot be resolved keeps the theme's colour.
        let t = DARK.forced(|k| if k == "Canvas" { Some((1, 2, 3)) } else { None });
        assert_eq!(t.background, (1, 2, 3));
        assert_eq!(t.bar, DARK.bar);
    }

    use super::*;

    #[test]
    fn both_default_themes_meet_wcag_aa() {
        for t in [&LIGHT, &DARK] {
            assert!(contrast(t.text, t.background) >= 4.5, "text");
            assert!(contrast(t.muted, t.background) >= 4.5, "muted text (source, notes)");
            // Bars are graphics: 3:1 against the background (WCAG 1.4.11).
            for bar in [t.bar, t.bar_computed, t.bar_highlight] {
                assert!(contrast(bar, t.background) >= 3.0, "{bar:?} on {:?}", t.background);
            }
            // The computed bar must be told apart from a reported one.
            assert_ne!(t.bar, t.bar_computed);
        }
    }

    #[test]
    fn theme_choice_follows_the_reader_only_when_auto() {
        assert_eq!(ThemeChoice::Auto.base(true), &DARK);
        assert_eq!(ThemeChoice::Auto.base(false), &LIGHT);
        assert_eq!(ThemeChoice::Light.base(true), &LIGHT);
        assert_eq!(ThemeChoice::from_name("dark"), Some(ThemeChoice::Dark));
        assert_eq!(ThemeChoice::from_name("Dark"), None);
    }

    #[test]
    fn the_look_is_light_on_paper_forced_under_forced_colours_and_else_as_asked() {
        let page = |printing, dark, forced_colors| Page { printing, dark, forced_colors };
        for choice in [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark] {
            for dark in [false, true] {
                // Paper: light, whatever was asked and whatever the reader's scheme.
                assert_eq!(look(choice, page(true, dark, false)), Look { base: &LIGHT, forced: false });
                // Forced colours: the system palette, on screen and on paper.
                assert!(look(choice, page(false, dark, true)).forced);
                assert!(look(choice, page(true, dark, true)).forced);
            }
        }
        // On screen: as asked, "auto" following the reader's scheme.
        assert_eq!(look(ThemeChoice::Auto, page(false, true, false)).base, &DARK);
        assert_eq!(look(ThemeChoice::Auto, page(false, false, false)).base, &LIGHT);
        assert_eq!(look(ThemeChoice::Light, page(false, true, false)).base, &LIGHT);
        assert_eq!(look(ThemeChoice::Dark, page(false, false, false)).base, &DARK);
        assert!(!look(ThemeChoice::Dark, page(false, false, false)).forced);
    }

    #[test]
    fn the_used_scheme_is_dark_only_where_the_page_offers_dark() {
        for prefers_dark in [false, true] {
            assert!(!used_scheme_is_dark("normal", prefers_dark), "nothing declared: light");
            assert!(!used_scheme_is_dark("", prefers_dark));
            assert!(!used_scheme_is_dark("light", prefers_dark));
            assert!(!used_scheme_is_dark("only light", prefers_dark));
            assert!(used_scheme_is_dark("dark", prefers_dark));
            assert!(used_scheme_is_dark("only dark", prefers_dark));
        }
        assert!(used_scheme_is_dark("light dark", true));
        assert!(used_scheme_is_dark("dark light", true));
        assert!(!used_scheme_is_dark("light dark", false));
    }
}
