//! What a chart shows, as the newsroom last asked for it: validated options merged
//! into settings, and the dataset derived from them, computed once per change of
//! data or language (never per resize). `merge` says what changed, so the shell
//! redraws only that part. Pure; depends on `data`, `layout` (the
//! view), `locale`, `options` and `theme`.

use crate::data::Dataset;
use crate::layout::View;
use crate::locale::Lang;
use crate::options::{DataInput, Field, OptionError, Options};
use crate::theme::ThemeChoice;

/// Which parts of the chart a change of settings touches. Any change also means new
/// geometry (other words or another font take other room).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changed {
    /// Data or language: the dataset, the accessible name, the table, the CSV.
    pub content: bool,
    /// Colours and font.
    pub theme: bool,
}

impl Changed {
    pub fn any(self) -> bool {
        self.content || self.theme
    }
}

/// The settings and the dataset they give.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    lang: Lang,
    theme: ThemeChoice,
    view: View,
    data: Option<DataInput>,
    /// Derived from the three above, sorted, in `lang`.
    dataset: Dataset,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { lang: Lang::default(), theme: ThemeChoice::default(), view: View::default(), data: None, dataset: Dataset::article(Lang::default()) }
    }
}

/// Applies one option: keep, back to `default`, or the new value. True if it changed.
fn apply<T: PartialEq>(slot: &mut T, field: Field<T>, default: impl FnOnce() -> T) -> bool {
    let next = match field {
        Field::Keep => return false,
        Field::Reset => default(),
        Field::Set(v) => v,
    };
    let changed = *slot != next;
    *slot = next;
    changed
}

impl Settings {
    /// Settings from the options given to `mount`.
    pub fn new(options: Options) -> Settings {
        let mut s = Settings::default();
        s.merge(options);
        s
    }

    /// Whether options can be merged: a map view needs the map build.
    pub fn check(&self, o: &Options) -> Result<(), OptionError> {
        let view = match o.view {
            Field::Keep => self.view,
            Field::Reset => View::default(),
            Field::Set(v) => v,
        };
        if view != View::Bars && !cfg!(feature = "map") {
            return Err(OptionError {
                path: "view".into(),
                problem: "the map is in the map build: import mount from \"mali-idp-chart/map\" (the <mali-idp-chart> element loads it by itself)".into(),
            });
        }
        Ok(())
    }

    /// Options given replace ours, `null` ones go back to their default, the others
    /// stay. Says what changed; the dataset is derived again only if it did. (Call
    /// [`Settings::check`] first.)
    pub fn merge(&mut self, o: Options) -> Changed {
        // A new view has other words (the accessible name) and other geometry.
        let view = apply(&mut self.view, o.view, View::default);
        let lang = apply(&mut self.lang, o.lang, Lang::default);
        let data = apply(&mut self.data, o.data.map_set(Some), || None);
        let theme = apply(&mut self.theme, o.theme, ThemeChoice::default);
        let content = lang || data || view;
        if lang || data {
            self.dataset = match &self.data {
                Some(input) => input.to_dataset(self.lang),
                None => Dataset::article(self.lang),
            };
        }
        Changed { content, theme }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn theme(&self) -> ThemeChoice {
        self.theme
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// What the chart draws: sorted, in the chart's language.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }
}

impl<T> Field<T> {
    /// A given value wrapped by `f`; keep and reset stay as they are.
    pub fn map_set<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Keep => Field::Keep,
            Field::Reset => Field::Reset,
            Field::Set(v) => Field::Set(f(v)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::{Value, validate};

    fn options(json: &[(&str, Value)]) -> Options {
        validate(&Value::Object(json.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())).unwrap()
    }
    fn s(v: &str) -> Value {
        Value::String(v.into())
    }
    #[cfg(feature = "map")]
    fn obj(entries: &[(&str, Value)]) -> Value {
        Value::Object(entries.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }
    fn custom() -> Value {
        let region = Value::Object(vec![("name".into(), s("A")), ("persons".into(), Value::Number(7.0))]);
        Value::Object(vec![
            ("title".into(), s("T")),
            ("source".into(), s("S")),
            ("total".into(), Value::Number(10.0)),
            ("regions".into(), Value::Array(vec![region])),
        ])
    }

    #[test]
    fn the_defaults_are_the_article_in_french_following_the_reader() {
        let s = Settings::default();
        assert_eq!((s.lang(), s.theme()), (Lang::Fr, ThemeChoice::Auto));
        assert_eq!(s.dataset(), &Dataset::article(Lang::Fr));
    }

    #[test]
    fn merging_says_what_changed_and_derives_the_dataset_only_then() {
        let mut st = Settings::default();
        assert_eq!(st.merge(options(&[])), Changed::default(), "nothing given, nothing changed");
        assert_eq!(st.merge(options(&[("lang", s("fr"))])), Changed::default(), "the same value is no change");
        assert_eq!(st.merge(options(&[("theme", s("dark"))])), Changed { content: false, theme: true });
        let c = st.merge(options(&[("lang", s("en"))]));
        assert_eq!(c, Changed { content: true, theme: false });
        assert_eq!(st.dataset().regions[0].name, "Timbuktu");
        assert_eq!(st.theme(), ThemeChoice::Dark, "what was not given stays");
        let c = st.merge(options(&[("data", custom())]));
        assert_eq!(c, Changed { content: true, theme: false });
        assert_eq!(st.dataset().title, "T");
        assert_eq!(st.merge(options(&[("data", custom())])), Changed::default(), "the same data again");
    }

    /// The bars build (`cargo test --no-default-features`) refuses the map views,
    /// naming `view` and the build that draws them; bars are fine.
    #[test]
    #[cfg(not(feature = "map"))]
    fn the_bars_build_sends_the_map_views_to_the_map_build() {
        let st = Settings::default();
        for view in ["map", "both"] {
            let e = st.check(&options(&[("view", s(view))])).unwrap_err();
            assert_eq!(e.path, "view");
            assert!(e.problem.contains("mali-idp-chart/map"), "{}", e.problem);
        }
        st.check(&options(&[("view", s("bars"))])).unwrap();
        assert!(!View::Both.has_map() && !View::Map.has_map());
    }

    #[test]
    #[cfg(feature = "map")]
    fn a_map_takes_custom_figures_placing_the_names_it_knows() {
        let mut st = Settings::default();
        let map = options(&[("view", s("map"))]);
        st.check(&map).unwrap();
        assert_eq!(st.merge(map), Changed { content: true, theme: false }, "a new view has other words");
        assert_eq!(st.view(), View::Map);
        let regions = Value::Array(vec![
            obj(&[("name", s("Région A")), ("persons", Value::Number(30.0))]),
            obj(&[("name", s("GAO")), ("persons", Value::Number(40.0))]),
            obj(&[("name", s("Timbuktu")), ("persons", Value::Number(20.0))]),
            obj(&[("name", s("Tombouctou")), ("persons", Value::Number(5.0))]),
        ]);
        let data = obj(&[("title", s("T")), ("source", s("S")), ("total", Value::Number(100.0)), ("regions", regions), ("showRest", Value::Bool(true))]);
        let o = options(&[("data", data)]);
        st.check(&o).unwrap();
        st.merge(o);
        let placed: Vec<_> = st.dataset().regions.iter().map(|r| (r.name.as_str(), r.place)).collect();
        // Largest first; Gao and Timbuktu matched; the second name for Tombouctou
        // and an unknown name are not placed; the computed rest never is.
        assert_eq!(placed, [("GAO", Some(3)), ("Région A", None), ("Timbuktu", Some(0)), ("Tombouctou", None), ("Autres régions", None)]);
    }

    #[test]
    fn null_puts_an_option_back_to_its_default() {
        let mut st = Settings::new(options(&[("lang", s("en")), ("theme", s("dark")), ("data", custom())]));
        let c = st.merge(options(&[("theme", Value::Null)]));
        assert_eq!((c, st.theme()), (Changed { content: false, theme: true }, ThemeChoice::Auto));
        st.merge(options(&[("lang", Value::Null)]));
        assert_eq!(st.lang(), Lang::Fr);
        assert_eq!(st.dataset().title, "T", "custom data stays until it is reset");
        st.merge(options(&[("data", Value::Null)]));
        assert_eq!(st.dataset(), &Dataset::article(Lang::Fr));
    }
}
