//! Artboards: the fixed widths the chart is laid out at. A container of any width
//! shows the widest artboard that fits, scaled up to its width (at most 1.25×), as
//! news graphics do (ai2html). The static picture in the page holds one drawing per
//! artboard, made by the same code at build time, so the live chart that replaces it
//! has the very same height at every width: the page does not move. Pure; depends
//! on nothing.

/// From the narrowest phones (a 240 px column inside a 280 px screen) to wide
/// screens: below 480 px the narrow type and padding apply. Neighbours are at most
/// 1.2× apart, so text is never scaled up by more than that (1.25× past the widest).
pub const ARTBOARDS: [f64; 15] =
    [200.0, 240.0, 280.0, 320.0, 360.0, 400.0, 440.0, 480.0, 560.0, 640.0, 720.0, 800.0, 960.0, 1120.0, 1280.0];

/// The artboard a container `width` shows: the widest that is not wider than it (the
/// narrowest, scaled down, for a container below 200 px; any non-finite or missing
/// width gets the 640 px one).
pub fn artboard(width: f64) -> f64 {
    if !(width.is_finite() && width > 0.0) {
        return 640.0;
    }
    ARTBOARDS.iter().copied().rev().find(|a| *a <= width).unwrap_or(ARTBOARDS[0])
}

/// The container widths an artboard is shown at: `[from, to)`, `to` infinite for
/// the widest (the static picture's CSS selects each drawing with these).
pub fn range(i: usize) -> (f64, f64) {
    let from = if i == 0 { 0.0 } else { ARTBOARDS[i] };
    (from, ARTBOARDS.get(i + 1).copied().unwrap_or(f64::INFINITY))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_width_gets_the_widest_artboard_that_fits() {
        assert_eq!(artboard(280.0), 280.0);
        assert_eq!(artboard(399.9), 360.0);
        assert_eq!(artboard(400.0), 400.0);
        assert_eq!(artboard(1600.0), 1280.0);
        assert_eq!(artboard(250.0), 240.0);
        assert_eq!(artboard(150.0), 200.0, "narrower than any: the narrowest, scaled down");
        assert_eq!(artboard(f64::NAN), 640.0);
        assert_eq!(artboard(0.0), 640.0);
    }

    #[test]
    fn text_is_never_scaled_up_much_and_ranges_tile_every_width() {
        let mut w = 200.0;
        while w <= 1600.0 {
            let scale = w / artboard(w);
            assert!((1.0..=1.25).contains(&scale), "{w} px shows {} at {scale}", artboard(w));
            let i = ARTBOARDS.iter().position(|a| *a == artboard(w)).unwrap();
            let (from, to) = range(i);
            assert!(from <= w && w < to, "{w} px in the range of the artboard it shows");
            w += 0.5;
        }
        for i in 1..ARTBOARDS.len() {
            assert_eq!(range(i - 1).1, range(i).0, "contiguous");
            assert!(ARTBOARDS[i] / ARTBOARDS[i - 1] <= 1.2);
        }
    }
}

/// The chart's natural width, as an image has one: its largest artboard. A
/// shrink-to-fit container gives the chart the width available up to this (the
/// static picture and the live chart each carry a zero-high canvas this wide).
pub fn natural_width() -> u32 {
    ARTBOARDS[ARTBOARDS.len() - 1] as u32
}
