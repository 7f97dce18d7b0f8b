//! The chart heard (issue 27): the bars as tones, for readers who cannot see their
//! shape. A pure function of the dataset says which items play, in what order, at
//! what pitch, for how long and in which timbre; the web shell only drives the Web
//! Audio API with it (`web/shell.js`), and announces each item as its tone plays.
//! Pure; depends on `data`.
//!
//! - Order: the bars' order (largest first; the dataset is sorted), one tone per
//!   region; the national total is not a bar and does not play.
//! - Pitch: from [`LOW_HZ`] for nothing to [`LOW_HZ`] × 4 (two octaves up) for the
//!   largest figure, **linear in the figure on a logarithmic frequency scale**: equal
//!   differences of figures are equal musical intervals, which is what people hear as
//!   even steps (a linear frequency scale would squeeze the large figures together).
//!   2^x is computed by a polynomial (below), not `f64::powf`, whose wasm code would
//!   cost kilobytes (as `f64::cos` did: see `map`).
//! - Timbre: a computed figure (the "other regions", which no source reports) in a
//!   timbre of its own ([`Timbre::Computed`]: the shell plays it as a triangle wave,
//!   the reported ones as sine waves).
//! - Time: a quarter of a second per tone ([`NOTE_MS`], a little silence at its end);
//!   a long list plays faster, down to [`MIN_NOTE_MS`] a tone, so that the whole tune
//!   lasts at most [`MAX_MS`]; beyond what fits at that pace, the first regions play
//!   (the largest) and the announcement of the first says how many of how many.

use crate::data::Dataset;

/// The pitch of a figure of 0, in hertz (A3).
pub const LOW_HZ: f64 = 220.0;
/// How many octaves the largest figure is above [`LOW_HZ`].
pub const OCTAVES: f64 = 2.0;
/// A tone's length in a short list, in milliseconds (its last [`GAP_MS`] silent).
pub const NOTE_MS: u32 = 250;
/// The shortest a tone gets in a long list.
pub const MIN_NOTE_MS: u32 = 80;
/// The silence at the end of each tone, so that equal tones are heard apart.
pub const GAP_MS: u32 = 30;
/// The longest the whole tune lasts.
pub const MAX_MS: u32 = 15_000;

/// How a tone sounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timbre {
    /// A figure the source reports (a sine wave).
    Reported,
    /// A computed figure (a triangle wave).
    Computed,
}

/// One tone: the item it stands for (an index in the dataset's order), its pitch, when
/// it starts from the tune's start and how long it sounds (both in milliseconds).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Note {
    pub item: usize,
    pub hz: f64,
    pub start_ms: u32,
    pub ms: u32,
    pub timbre: Timbre,
}

/// The tune of a dataset: how many of its regions play ([`Tune::played`]; fewer than
/// [`Tune::regions`] when a long list is cut: [`MAX_MS`]), at what pace, and the
/// largest figure (the top pitch); its tones come from [`Tune::notes`], one at a time
/// (nothing allocated: the shell hands each to the Web Audio API as it comes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tune {
    pub played: usize,
    pub regions: usize,
    /// Each tone's time, its silence included, in milliseconds.
    pub slot: u32,
    max: u64,
}

impl Tune {
    /// The tones of `data` (the dataset this tune was made from), in the bars' order.
    pub fn notes<'a>(&self, data: &'a Dataset) -> impl Iterator<Item = Note> + 'a {
        let Tune { played, slot, max, .. } = *self;
        data.regions[..played].iter().enumerate().map(move |(item, r)| Note {
            item,
            hz: pitch(r.persons, max),
            start_ms: item as u32 * slot,
            ms: slot - GAP_MS,
            timbre: if r.computed { Timbre::Computed } else { Timbre::Reported },
        })
    }

    /// How long the whole tune lasts, in milliseconds.
    pub fn ms(&self) -> u32 {
        if self.played == 0 { 0 } else { self.played as u32 * self.slot - GAP_MS }
    }
}

/// 2^x for x in [0, 1]: its Taylor series to the 7th degree (Horner), within 2e-6 of
/// the true value, 1 at 0, and increasing on the whole interval (every coefficient is
/// positive), so that a larger figure is always a higher tone.
fn exp2_unit(x: f64) -> f64 {
    // (ln 2)^k / k!
    const C: [f64; 8] = [
        1.0,
        0.693_147_180_559_945_3,
        0.240_226_506_959_100_7,
        0.055_504_108_664_821_6,
        0.009_618_129_107_628_477,
        0.001_333_355_814_642_844_3,
        0.000_154_035_303_933_816_1,
        0.000_015_252_733_804_059_84,
    ];
    C.iter().rev().fold(0.0, |acc, c| acc * x + c)
}

/// The pitch of `persons` in a chart whose largest figure is `max`: [`LOW_HZ`] ×
/// 2^([`OCTAVES`] × persons / max), the largest exactly two octaves up.
pub fn pitch(persons: u64, max: u64) -> f64 {
    if persons >= max {
        return if max == 0 { LOW_HZ } else { LOW_HZ * 4.0 };
    }
    let x = OCTAVES * persons as f64 / max as f64; // 0 to 2 octaves, 2 excluded
    // Below 1, 2^x; from 1, an octave up and 2^(x - 1): each piece rises to just under
    // the next one's start.
    if x < 1.0 { LOW_HZ * exp2_unit(x) } else { LOW_HZ * 2.0 * exp2_unit(x - 1.0) }
}

/// The tune of `data`: its regions in the bars' order.
pub fn tune(data: &Dataset) -> Tune {
    let regions = data.regions.len();
    let max = data.regions.iter().map(|r| r.persons).max().unwrap_or(0);
    let slot = if regions == 0 { NOTE_MS } else { (MAX_MS / regions as u32).clamp(MIN_NOTE_MS, NOTE_MS) };
    Tune { played: regions.min((MAX_MS / slot) as usize), regions, slot, max }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Region;
    use crate::locale::Lang;

    /// The tones of `d`, all of them.
    fn notes(d: &Dataset) -> Vec<Note> {
        tune(d).notes(d).collect()
    }

    fn data(figures: &[(u64, bool)]) -> Dataset {
        let regions = figures.iter().enumerate()
            .map(|(i, &(persons, computed))| Region { name: format!("R{i}"), persons, computed, place: None })
            .collect::<Vec<_>>();
        let total = regions.iter().map(|r| r.persons).sum();
        Dataset { title: "T".into(), subtitle: None, source: "S".into(), total, households: None, increase: None, regions }.sorted()
    }

    #[test]
    fn two_to_the_x_is_close_and_increasing() {
        let mut last = 0.0;
        for i in 0..=10_000 {
            let x = i as f64 / 10_000.0;
            let y = exp2_unit(x);
            let exact = (x * std::f64::consts::LN_2).exp();
            assert!((y - exact).abs() < 2e-6, "2^{x}: {y} against {exact}");
            assert!(y > last, "increasing at {x}");
            last = y;
        }
    }

    #[test]
    fn pitches_rise_with_the_figures_over_two_octaves_evenly_on_a_log_scale() {
        // The article: Tombouctou highest, the others lower, each in the bars' order.
        let d = Dataset::article(Lang::Fr);
        let t = notes(&d);
        assert_eq!(t.iter().map(|n| n.item).collect::<Vec<_>>(), [0, 1, 2, 3], "the bars' order; no total");
        assert_eq!(t[0].hz, LOW_HZ * 4.0, "the largest two octaves up");
        for (a, b) in d.regions.iter().zip(&t).flat_map(|x| d.regions.iter().zip(&t).map(move |y| (x, y))) {
            let ((ra, na), (rb, nb)) = (a, b);
            assert_eq!(ra.persons.cmp(&rb.persons), na.hz.partial_cmp(&nb.hz).unwrap(), "{} and {}", ra.name, rb.name);
        }
        // Even steps: a quarter of the largest figure is half an octave (a ratio of √2).
        let p = |n| pitch(n, 1000);
        assert!((p(250) / p(0) - std::f64::consts::SQRT_2).abs() < 1e-5);
        assert!((p(750) / p(500) - std::f64::consts::SQRT_2).abs() < 1e-5);
        assert!((p(1000) / p(500) - 2.0).abs() < 1e-5, "half the largest figure: an octave below it");
        // Strictly rising, one step at a time, across the whole range.
        let mut last = 0.0;
        for n in (0..=1_000_000).step_by(997) {
            let hz = pitch(n, 1_000_000);
            assert!(hz > last, "{n}");
            last = hz;
        }
    }

    #[test]
    fn equal_figures_equal_pitch_and_the_computed_rest_its_own_timbre() {
        let t = notes(&data(&[(500, false), (500, false), (120, true)]));
        assert_eq!(t[0].hz, t[1].hz);
        assert_eq!(t.iter().map(|n| n.timbre).collect::<Vec<_>>(), [Timbre::Reported, Timbre::Reported, Timbre::Computed]);
        // Equal tones are heard apart: each ends with a silence.
        assert!(t[0].start_ms + t[0].ms < t[1].start_ms);
        let article = notes(&Dataset::article(Lang::En));
        assert_eq!(article[3].timbre, Timbre::Computed, "the other regions");
    }

    #[test]
    fn a_single_region_and_none() {
        let d = data(&[(42, false)]);
        let one = notes(&d);
        assert_eq!(one.len(), 1);
        assert_eq!((one[0].hz, one[0].start_ms, tune(&d).ms()), (LOW_HZ * 4.0, 0, NOTE_MS - GAP_MS));
        let zero = notes(&data(&[(0, false)]));
        assert_eq!(zero[0].hz, LOW_HZ, "a figure of nothing: the lowest tone");
        assert_eq!(notes(&data(&[])), []);
        assert_eq!(tune(&data(&[])).ms(), 0);
    }

    #[test]
    fn long_lists_play_faster_then_only_their_largest_within_fifteen_seconds() {
        for n in [4, 59, 60, 61, 187, 188, 1000, crate::options::MAX_REGIONS] {
            let figures: Vec<(u64, bool)> = (0..n as u64).map(|i| (i * 37 % 1000, false)).collect();
            let d = data(&figures);
            let (all, t) = (tune(&d), notes(&d));
            assert_eq!((all.regions, all.played), (n, t.len()));
            assert_eq!(all.ms(), t.last().map_or(0, |n| n.start_ms + n.ms), "{n} regions: the tune ends with its last tone");
            assert!(all.ms() <= MAX_MS, "{n} regions: {} ms", all.ms());
            let slot = t.get(1).map_or(NOTE_MS, |n| n.start_ms);
            assert!((MIN_NOTE_MS..=NOTE_MS).contains(&slot), "{n} regions: {slot} ms a tone");
            if n * NOTE_MS as usize <= MAX_MS as usize {
                assert_eq!((t.len(), slot), (n, NOTE_MS), "{n}: every region at a quarter second");
            } else if n * MIN_NOTE_MS as usize <= MAX_MS as usize {
                assert_eq!(t.len(), n, "{n}: every region, faster");
            } else {
                // The first (largest) regions, as many as fit at the fastest pace.
                assert_eq!((t.len(), slot), ((MAX_MS / MIN_NOTE_MS) as usize, MIN_NOTE_MS), "{n}");
                assert!(t.iter().enumerate().all(|(i, note)| note.item == i));
            }
        }
    }
}
