//! The chart heard (issue 27): the bars as tones, for readers who cannot see their
//! shape. A pure function of the dataset says which items play, in what order, at
//! what pitch, for how long and in which timbre; the web shell only drives the Web
//! Audio API with it (`web/shell.js`), and announces each item as its tone plays.
//! Pure; depends on `data` and `words` (the sentences it leaves time for).
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
//! - Time, in two passes. **The shape**: a quarter of a second per tone ([`NOTE_MS`],
//!   a little silence at its end), nothing said, each item lit as it plays; a long
//!   list plays faster, down to [`MIN_NOTE_MS`] a tone, so that the shape lasts at
//!   most [`MAX_MS`]; beyond what fits at that pace, the first regions play (the
//!   largest) and a sentence says how many of how many before it starts. **Each
//!   region**: after a pause ([`PAUSE_MS`]), the same tones again, each followed by its
//!   name and figure through the live region and a silence long enough for a screen
//!   reader to say them ([`say_ms`]), so that each tone is heard with its own words
//!   (a screen reader tried as a reader would: names said a second late queue behind
//!   quarter-second tones, and no tone could be told to its name); this pass stops
//!   before [`MAX_SAID_MS`] (the arrow keys read on from there).

use crate::data::Dataset;
use crate::locale::Lang;

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
/// The time before the first tone: a screen reader says the key pressed and the
/// button's new state first ("entrée", "pressé": until 1.02 s in a trial with Orca,
/// 1.32 s in English under load, where a lead of 1.2 s left none to spare), which
/// would cover the shape's tones. A long list's sentence ([`Tune::played`] of
/// [`Tune::regions`]) takes [`CUT_LEAD_MS`].
pub const LEAD_MS: u32 = 1_500;
pub const CUT_LEAD_MS: u32 = 2_500;
/// The longest the shape lasts.
pub const MAX_MS: u32 = 15_000;
/// The silence between the shape and the regions one by one.
pub const PAUSE_MS: u32 = 1_000;
/// The longest the regions one by one last (those that fit are said, from the first).
pub const MAX_SAID_MS: u32 = 60_000;
/// A screen reader's pace at its default rate, to leave it time to say a sentence:
/// [`SAY_LEAD_MS`] before it starts, [`SAY_MS_PER_CHAR`] a character. Measured with
/// Orca 43 and espeak-ng at their defaults: 4.8 s for the 57 characters of
/// "Tombouctou : 22 328 personnes déplacées, 37,9 % du total" (84 ms each), 6.1 s for
/// the 53 of "Timbuktu: 22,328 displaced people, 37.9% of the total" (116 ms: English
/// says "twenty-two thousand three hundred twenty-eight"), each starting 0.3 to 0.5 s
/// after the text changed.
pub const SAY_LEAD_MS: u32 = 500;
pub const SAY_MS_PER_CHAR: u32 = 130;

/// The time a region's tone and its sentence take in the second pass: the sentence's
/// time at a screen reader's default pace, at least a tone's.
pub fn say_ms(sentence: &str) -> u32 {
    (SAY_LEAD_MS + sentence.chars().count() as u32 * SAY_MS_PER_CHAR).max(NOTE_MS)
}

/// How a tone sounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timbre {
    /// A figure the source reports (a sine wave).
    Reported,
    /// A computed figure (a triangle wave).
    Computed,
}

/// One tone: the item it stands for (an index in the dataset's order), its pitch, when
/// it starts from the tune's start and how long it sounds (both in milliseconds), and
/// whether the item is said as it plays (the second pass) or only lit (the shape).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Note {
    pub item: usize,
    pub hz: f64,
    pub start_ms: u32,
    pub ms: u32,
    pub timbre: Timbre,
    pub say: bool,
}

/// The tune of a dataset: how many of its regions play ([`Tune::played`]; fewer than
/// [`Tune::regions`] when a long list is cut: [`MAX_MS`]), at what pace, and the
/// largest figure (the top pitch); its tones come from [`Tune::notes`], one at a time
/// (nothing allocated but each sentence measured: the shell hands each tone to the
/// Web Audio API as it comes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tune {
    pub played: usize,
    pub regions: usize,
    /// Each tone's time in the shape, its silence included, in milliseconds.
    pub slot: u32,
    max: u64,
}

impl Tune {
    /// The time before its first tone ([`LEAD_MS`], or [`CUT_LEAD_MS`] when a
    /// sentence says first that a long list is cut).
    pub fn lead_ms(&self) -> u32 {
        if self.played < self.regions { CUT_LEAD_MS } else { LEAD_MS }
    }

    /// The tones of `data` (the dataset this tune was made from), the shape then each
    /// region with its sentence (`words::announcement` in `lang`), measured.
    pub fn notes<'a>(&self, data: &'a Dataset, lang: Lang) -> impl Iterator<Item = Note> + 'a {
        let Tune { played, slot, max, .. } = *self;
        let note = move |item: usize, start_ms, say| {
            let r = &data.regions[item];
            let timbre = if r.computed { Timbre::Computed } else { Timbre::Reported };
            Note { item, hz: pitch(r.persons, max), start_ms, ms: slot - GAP_MS, timbre, say }
        };
        let shape = (0..played).map(move |item| note(item, item as u32 * slot, false));
        let from = played as u32 * slot + PAUSE_MS;
        let each = (0..played).scan(from, move |at, item| {
            let start = *at;
            *at += say_ms(&crate::words::announcement(data, item, lang));
            (*at <= from + MAX_SAID_MS).then(|| note(item, start, true))
        });
        shape.chain(each)
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

    fn data(figures: &[(u64, bool)]) -> Dataset {
        let regions = figures.iter().enumerate()
            .map(|(i, &(persons, computed))| Region { name: format!("R{i}"), persons, computed, place: None })
            .collect::<Vec<_>>();
        let total = regions.iter().map(|r| r.persons).sum();
        Dataset { title: "T".into(), subtitle: None, source: "S".into(), total, households: None, increase: None, regions }.sorted()
    }

    /// The tones of `d` in English: the shape's, then those said.
    fn notes(d: &Dataset) -> (Vec<Note>, Vec<Note>) {
        tune(d).notes(d, Lang::En).partition(|n| !n.say)
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
        let all: Vec<Note> = tune(&d).notes(&d, Lang::Fr).collect();
        assert_eq!(all.iter().map(|n| (n.item, n.say)).collect::<Vec<_>>(),
            [(0, false), (1, false), (2, false), (3, false), (0, true), (1, true), (2, true), (3, true)],
            "the bars' order, the shape then each region said; no total");
        let (t, said) = notes(&d);
        assert_eq!(t[0].hz, LOW_HZ * 4.0, "the largest two octaves up");
        assert!(t.iter().zip(&said).all(|(a, b)| (a.hz, a.timbre) == (b.hz, b.timbre)), "the same tones twice");
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
        let (t, _) = notes(&data(&[(500, false), (500, false), (120, true)]));
        assert_eq!(t[0].hz, t[1].hz);
        assert_eq!(t.iter().map(|n| n.timbre).collect::<Vec<_>>(), [Timbre::Reported, Timbre::Reported, Timbre::Computed]);
        // Equal tones are heard apart: each ends with a silence.
        assert!(t[0].start_ms + t[0].ms < t[1].start_ms);
        let (article, _) = notes(&Dataset::article(Lang::En));
        assert_eq!(article[3].timbre, Timbre::Computed, "the other regions");
    }

    #[test]
    fn each_region_is_said_after_the_shape_with_the_time_a_screen_reader_takes() {
        // Measured with Orca 43 and espeak-ng at their default rate (the second trial,
        // on the article page and the English iframe page): from each region's tone to
        // the end of its sentence, in the bars' order. A second more is left, for a
        // slower voice (the first trial's English left half a second).
        const FRENCH: [u32; 4] = [4_950, 4_950, 4_620, 5_630];
        const ENGLISH: [u32; 4] = [6_340, 5_500, 5_670, 6_750];
        for (lang, spoken) in [(Lang::Fr, FRENCH), (Lang::En, ENGLISH)] {
            let d = Dataset::article(lang);
            let (shape, said) = tune(&d).notes(&d, lang).partition::<Vec<_>, _>(|n| !n.say);
            let end = shape.last().map(|n| n.start_ms + n.ms).unwrap();
            assert!(end < 1_000, "{lang:?}: the shape in a second");
            assert_eq!(said[0].start_ms, 4 * NOTE_MS + PAUSE_MS, "{lang:?}: a pause, then the regions one by one");
            for (i, n) in said.iter().enumerate() {
                let time = say_ms(&crate::words::announcement(&d, i, lang));
                assert!(time >= spoken[i] + 1_000, "{lang:?} {i}: {time} ms for a sentence said in {}", spoken[i]);
                if let Some(next) = said.get(i + 1) {
                    assert_eq!(next.start_ms - n.start_ms, time, "{lang:?} {i}: the next tone once this sentence is said");
                }
            }
        }
    }

    #[test]
    fn a_single_region_and_none() {
        let d = data(&[(42, false)]);
        let (one, said) = notes(&d);
        assert_eq!((one.len(), said.len()), (1, 1));
        assert_eq!((one[0].hz, one[0].start_ms, one[0].ms), (LOW_HZ * 4.0, 0, NOTE_MS - GAP_MS));
        assert_eq!((said[0].item, said[0].start_ms), (0, NOTE_MS + PAUSE_MS));
        assert_eq!(tune(&d).lead_ms(), LEAD_MS, "time for the screen reader to say the button pressed");
        let (zero, _) = notes(&data(&[(0, false)]));
        assert_eq!(zero[0].hz, LOW_HZ, "a figure of nothing: the lowest tone");
        assert_eq!(tune(&data(&[])).notes(&data(&[]), Lang::Fr).count(), 0);
    }

    #[test]
    fn long_lists_play_faster_then_only_their_largest_within_bounded_times() {
        for n in [4, 59, 60, 61, 187, 188, 1000, crate::options::MAX_REGIONS] {
            let figures: Vec<(u64, bool)> = (0..n as u64).map(|i| (i * 37 % 1000, false)).collect();
            let d = data(&figures);
            let all = tune(&d);
            let (t, said) = notes(&d);
            assert_eq!((all.regions, all.played), (n, t.len()));
            assert_eq!(all.lead_ms(), if t.len() < n { CUT_LEAD_MS } else { LEAD_MS }, "{n}: time to say first that it is cut");
            let end = t.last().map_or(0, |n| n.start_ms + n.ms);
            assert!(end <= MAX_MS, "{n} regions: the shape in {end} ms");
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
            // Then the first regions said, one after the other, within a minute.
            assert!(said.iter().enumerate().all(|(i, note)| note.item == i), "{n}: from the first, in order");
            let last = said.last().unwrap();
            let done = last.start_ms + say_ms(&crate::words::announcement(&d, last.item, Lang::En));
            assert!(said[0].start_ms == all.played as u32 * slot + PAUSE_MS && done - said[0].start_ms <= MAX_SAID_MS, "{n}: said in {} ms", done - said[0].start_ms);
            assert!(said.len() == n || done + say_ms(&crate::words::announcement(&d, said.len(), Lang::En)) - said[0].start_ms > MAX_SAID_MS,
                "{n}: as many as fit in a minute ({})", said.len());
        }
    }
}
