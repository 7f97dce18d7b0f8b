//! Artboards: the fixed widths the chart is laid out at. A container of any width
//! shows the widest artboard that fits, scaled up to its width (at most 1.25×), as
//! news graphics do (ai2html). The static picture in the page holds one drawing per
//! artboard, made by the same code at build time, so the live chart that replaces it
//! has the very same height at every width: the page does not move. Pure; depends
//! on nothing.

/// As few as keep what a reader notices small: within its band of container widths
/// an artboard is shown scaled by 0.85 to 1.15 (text at most 15 % off its size), as
/// ai2html's few artboards are; below 480 px the narrow type and padding apply, so
/// that width is a band's edge. A 280 px column (a phone's) gets its own, unscaled.
/// Eight drawings, where there were fifteen scaled up only: the static picture, one
/// drawing per artboard, costs the page half the parsing and half the bytes.
pub const ARTBOARDS: [f64; 8] = [240.0, 280.0, 340.0, 420.0, 560.0, 740.0, 980.0, 1280.0];

/// Where each artboard's band begins (it ends where the next begins; the last has no
/// end, and is scaled up past 1,472 px by up to 1.25 at 1,600 px).
const FROM: [f64; 8] = [0.0, 260.0, 310.0, 380.0, 480.0, 644.0, 851.0, 1113.0];

/// The artboard a container `width` shows: the one whose band holds it (the
/// narrowest, scaled down, below 260 px; any non-finite or missing width gets the
/// 560 px one).
pub fn artboard(width: f64) -> f64 {
    if !(width.is_finite() && width > 0.0) {
        return 560.0;
    }
    ARTBOARDS[FROM.iter().rposition(|f| *f <= width).unwrap_or(0)]
}

/// The container widths an artboard is shown at: `[from, to)`, `to` infinite for
/// the widest (the static picture's CSS selects each drawing with these).
pub fn range(i: usize) -> (f64, f64) {
    (FROM[i], FROM.get(i + 1).copied().unwrap_or(f64::INFINITY))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_width_gets_the_artboard_of_its_band() {
        assert_eq!(artboard(280.0), 280.0, "a phone's column, unscaled");
        assert_eq!(artboard(309.9), 280.0);
        assert_eq!(artboard(310.0), 340.0);
        assert_eq!(artboard(479.0), 420.0, "narrow type below 480 px");
        assert_eq!(artboard(480.0), 560.0);
        assert_eq!(artboard(1600.0), 1280.0);
        assert_eq!(artboard(150.0), 240.0, "narrower than any: the narrowest, scaled down");
        assert_eq!(artboard(f64::NAN), 560.0);
        assert_eq!(artboard(0.0), 560.0);
    }

    #[test]
    fn text_is_never_scaled_by_more_than_15_percent_and_ranges_tile_every_width() {
        let mut w = 200.0;
        while w <= 1600.0 {
            let a = artboard(w);
            let scale = w / a;
            // The chart's own ends: below 208 px the narrowest, past 1,472 px the widest.
            let (lo, hi) = if w < 240.0 * 0.87 { (0.8, 1.0) } else if w >= 1280.0 * 1.15 { (1.0, 1.25) } else { (0.85, 1.15) };
            assert!((lo..=hi).contains(&scale), "{w} px shows {a} at {scale}");
            assert_eq!(a < 480.0, w < 480.0, "{w} px: the narrow type exactly below 480 px");
            let i = ARTBOARDS.iter().position(|x| *x == a).unwrap();
            let (from, to) = range(i);
            assert!(from <= w && w < to, "{w} px in the range of the artboard it shows");
            w += 0.5;
        }
        for i in 1..ARTBOARDS.len() {
            assert_eq!(range(i - 1).1, range(i).0, "contiguous");
            assert!(ARTBOARDS[i] > ARTBOARDS[i - 1]);
        }
    }
}

/// The chart's natural width, as an image has one: its largest artboard. A
/// shrink-to-fit container gives the chart the width available up to this (the
/// static picture and the live chart each carry a zero-high canvas this wide).
pub fn natural_width() -> u32 {
    ARTBOARDS[ARTBOARDS.len() - 1] as u32
}
