//! The map: Mali's regions projected into the chart's CSS pixels, a circle per figure
//! at its main town (area proportional to the persons), Bamako as a reference dot,
//! and region names where they fit. Pure f64 geometry, like the bars': `render` draws
//! these shapes and `hit` tests pointers against the very same ones. Depends on
//! `data` (towns), `geometry` (rectangles, text items) and `text` (measuring); not on
//! `layout`, which places the map among the chart's other parts.
//!
//! The regions are those from before 2016 (Natural Earth; see `shapes.rs`): Ménaka
//! lies inside the Gao polygon, so Ménaka's figure is a circle at its town and the
//! Gao polygon, like every polygon without a figure of its own, reads as counted in
//! the other regions.

pub mod shapes;

use crate::data::{BAMAKO, Dataset, PLACES};
use crate::geometry::{Align, Rect, TextItem, TextRole};
use crate::text::{Font, Measure};
use crate::locale::Lang;

/// The regions' shapes: none in the bars build, which never draws a map (so none of
/// their data is linked there).
#[cfg(feature = "map")]
pub static SHAPES: &[Shape] = &shapes::SHAPES;
#[cfg(not(feature = "map"))]
pub static SHAPES: &[Shape] = &[];

/// One ring of a region: a start point and steps, in hundredths of a degree.
#[derive(Debug)]
pub struct Ring {
    pub start: (i16, i16),
    /// (dx, dy) pairs; the step back to the start is implied.
    pub steps: &'static [i8],
}

impl Ring {
    /// The ring's corners in degrees (longitude, latitude), not closed.
    pub fn points(&self) -> Vec<(f64, f64)> {
        let (mut x, mut y) = (self.start.0 as i32, self.start.1 as i32);
        let mut out = Vec::with_capacity(self.steps.len() / 2 + 1);
        let mut i = 0;
        loop {
            out.push((x as f64 / 100.0, y as f64 / 100.0));
            if i + 1 >= self.steps.len() {
                return out;
            }
            x += self.steps[i] as i32;
            y += self.steps[i + 1] as i32;
            i += 2;
        }
    }
}

/// A first-level unit of Mali (before 2016).
#[derive(Debug)]
pub struct Shape {
    /// ISO 3166-2.
    pub code: &'static str,
    pub name_fr: &'static str,
    pub name_en: &'static str,
    pub rings: &'static [Ring],
}

/// Each of `SHAPES` as a place of `data::PLACES` (every shape is one: a test checks
/// the codes), by which any language names it.
const SHAPE_PLACE: [usize; 9] = [4, 5, 6, 7, 1, 8, 0, 3, 9];

/// How `lang` names `SHAPES[shape]`: French and English from the shape's own names,
/// the others by its place.
pub fn shape_name(shape: usize, lang: Lang) -> &'static str {
    match lang.place_names() {
        Some(names) => names[SHAPE_PLACE[shape]],
        None if lang.own() == Lang::Fr => SHAPES[shape].name_fr,
        None => SHAPES[shape].name_en,
    }
}

/// The extent the projection fits: Mali's, in degrees (west, south, east, north).
pub const EXTENT: (f64, f64, f64, f64) = (-12.3, 10.1, 4.3, 25.0);
/// cos of the extent's middle latitude (17.55°): east-west distances shrink by this
/// much at Mali's latitude, so the outline keeps its proportions (an equirectangular
/// projection with that standard parallel). A constant: `f64::cos` would link a
/// libm routine into the wasm. A test checks it.
pub const COS_MID_LATITUDE: f64 = 0.953_454;

/// Degrees to CSS pixels: east to the right, north up, the same scale both ways at
/// Mali's middle latitude.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// Pixels per degree of latitude.
    pub k: f64,
    pub origin: (f64, f64),
}

impl Projection {
    /// The projection that fits Mali's extent in a box `width` wide, from `origin`.
    pub fn fit(origin: (f64, f64), width: f64) -> Projection {
        Projection { k: width / ((EXTENT.2 - EXTENT.0) * COS_MID_LATITUDE), origin }
    }
    /// The height Mali takes at this scale.
    pub fn height(&self) -> f64 {
        (EXTENT.3 - EXTENT.1) * self.k
    }
    pub fn project(&self, (lon, lat): (f64, f64)) -> (f64, f64) {
        (self.origin.0 + (lon - EXTENT.0) * COS_MID_LATITUDE * self.k, self.origin.1 + (EXTENT.3 - lat) * self.k)
    }
}

/// Width over height of the map: Mali's proportions at its latitude.
pub const ASPECT: f64 = (EXTENT.2 - EXTENT.0) * COS_MID_LATITUDE / (EXTENT.3 - EXTENT.1);

/// A figure's circle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle {
    /// The item (index in the dataset's order) it stands for.
    pub item: usize,
    pub center: (f64, f64),
    pub r: f64,
}

impl Circle {
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        let (dx, dy) = (x - self.center.0, y - self.center.1);
        dx * dx + dy * dy <= self.r * self.r
    }
    /// Whether a rectangle touches the circle.
    pub fn touches(&self, r: &Rect) -> bool {
        let nx = self.center.0.clamp(r.x, r.right());
        let ny = self.center.1.clamp(r.y, r.bottom());
        let (dx, dy) = (nx - self.center.0, ny - self.center.1);
        dx * dx + dy * dy < self.r * self.r
    }
}

/// A point well inside a shape: of a grid over its largest ring's box, the point
/// inside it that lies farthest from every edge (a coarse pole of inaccessibility:
/// a circle there sits in the region, not on a border or in a bay).
pub fn interior_point(rings: &[Vec<(f64, f64)>]) -> (f64, f64) {
    let Some(outer) = rings.iter().max_by_key(|r| r.len()) else {
        return (0.0, 0.0);
    };
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in outer {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    const STEPS: u32 = 24;
    let mut best = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let mut best_d = -1.0;
    for i in 1..STEPS {
        for j in 1..STEPS {
            let p = (x0 + (x1 - x0) * i as f64 / STEPS as f64, y0 + (y1 - y0) * j as f64 / STEPS as f64);
            if !inside(rings, p) {
                continue;
            }
            let d = edge_distance(rings, p);
            if d > best_d {
                (best, best_d) = (p, d);
            }
        }
    }
    best
}

/// The distance from `p` to the nearest edge of any ring.
fn edge_distance(rings: &[Vec<(f64, f64)>], p: (f64, f64)) -> f64 {
    let mut d2 = f64::MAX;
    for ring in rings {
        let mut j = ring.len().wrapping_sub(1);
        for (i, &a) in ring.iter().enumerate() {
            let b = ring[j];
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
            let (ex, ey) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
            d2 = d2.min(ex * ex + ey * ey);
            j = i;
        }
    }
    d2.sqrt()
}

/// Even-odd point-in-polygon over all of a shape's rings (holes included).
pub fn inside(rings: &[Vec<(f64, f64)>], (x, y): (f64, f64)) -> bool {
    let mut odd = false;
    for ring in rings {
        let mut j = ring.len().wrapping_sub(1);
        for (i, &(xi, yi)) in ring.iter().enumerate() {
            let (xj, yj) = ring[j];
            if (yi > y) != (yj > y) && x < xi + (y - yi) / (yj - yi) * (xj - xi) {
                odd = !odd;
            }
            j = i;
        }
    }
    odd
}

/// The map as laid out: every shape in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// Mali's box.
    pub frame: Rect,
    pub projection: Projection,
    /// Each of `SHAPES`, projected: its rings.
    pub regions: Vec<Vec<Vec<(f64, f64)>>>,
    /// The item each region reads: the region's own figure (Tombouctou, Ségou), or
    /// `None` (counted in the other regions, not broken down).
    pub figured: Vec<Option<usize>>,
    /// Largest first (drawn first, so smaller ones stay on top).
    pub circles: Vec<Circle>,
    /// Bamako, the capital, for reference.
    pub capital: (f64, f64),
    /// The lines under the map for the figures that have no place (the article's
    /// computed rest; a newsroom's regions whose names match none), with their items.
    pub unplaced: Vec<(usize, Rect)>,
    /// Leader lines from a circle's edge to its label, where the label could not sit
    /// right beside it (`labels`): from, to.
    pub leaders: Vec<((f64, f64), (f64, f64))>,
}

/// Every 30°, as (cos, sin): constants rather than `f64::cos`, whose wasm code would
/// cost 4 KB gzip in the map build (measured).
const DIRECTIONS: [(f64, f64); 12] = {
    const H: f64 = 0.866_025_403_784_438_6; // √3 / 2
    [
        (1.0, 0.0),
        (H, 0.5),
        (0.5, H),
        (0.0, 1.0),
        (-0.5, H),
        (-H, 0.5),
        (-1.0, 0.0),
        (-H, -0.5),
        (-0.5, -H),
        (0.0, -1.0),
        (0.5, -H),
        (H, -0.5),
    ]
};

/// Radius of the largest circle, as a share of the map's width (within bounds).
const CIRCLE_SHARE: f64 = 0.075;
const CAPITAL_R: f64 = 3.0;

impl MapLayout {
    /// The map in a box `width` wide at `origin` (its height follows from Mali's
    /// proportions). Circles only for items with a place; figures are scaled to the
    /// largest placed one.
    /// Plain loops rather than iterator chains: the same work in fewer bytes of wasm.
    pub fn new(data: &Dataset, origin: (f64, f64), width: f64) -> MapLayout {
        let projection = Projection::fit(origin, width);
        let mut regions = Vec::with_capacity(SHAPES.len());
        for s in SHAPES {
            let mut rings = Vec::with_capacity(s.rings.len());
            for r in s.rings {
                let mut points = r.points();
                for p in &mut points {
                    *p = projection.project(*p);
                }
                rings.push(points);
            }
            regions.push(rings);
        }
        let mut figured = vec![None; SHAPES.len()];
        // The dataset is sorted, reported figures largest first: so are the circles.
        let mut circles = Vec::new();
        let r_max = (width * CIRCLE_SHARE).clamp(8.0, 36.0);
        let mut max = 0.0;
        for (item, r) in data.regions.iter().enumerate() {
            let Some(place) = r.place else { continue };
            let place = &PLACES[place];
            let shape = SHAPES.iter().position(|s| Some(s.code) == place.shape);
            if let Some(i) = shape {
                figured[i] = Some(item);
            }
            if max == 0.0 {
                max = r.persons.max(1) as f64;
            }
            // At the region's town where the geography gives one, else well inside
            // its polygon (every place has one or the other).
            let center = match (place.town, shape) {
                (Some(town), _) => projection.project(town),
                (None, Some(i)) => interior_point(&regions[i]),
                (None, None) => continue,
            };
            circles.push(Circle { item, center, r: r_max * (r.persons as f64 / max).sqrt() });
        }
        MapLayout {
            frame: Rect { x: origin.0, y: origin.1, w: width, h: projection.height() },
            projection,
            regions,
            figured,
            circles,
            capital: projection.project(BAMAKO),
            unplaced: Vec::new(),
            leaders: Vec::new(),
        }
    }

    /// The item under a point: the smallest circle holding it, the unplaced line,
    /// then the region (its figure's item, or for a region without one its item past
    /// the dataset's `regions`: see `data::Item`).
    pub fn item_at(&self, at: (f64, f64), regions: usize) -> Option<usize> {
        if let Some(c) = self.circles.iter().rev().find(|c| c.contains(at)) {
            return Some(c.item);
        }
        if let Some((item, _)) = self.unplaced.iter().find(|(_, r)| r.contains(at.0, at.1)) {
            return Some(*item);
        }
        if !self.frame.contains(at.0, at.1) {
            return None;
        }
        let region = self.regions.iter().position(|rings| inside(rings, at))?;
        Some(self.figured[region].unwrap_or(crate::data::Item::Shape(region).number(regions)))
    }

    pub fn circle(&self, item: usize) -> Option<&Circle> {
        self.circles.iter().find(|c| c.item == item)
    }

    /// The map's labels: every circle's name and figure (beside it, or joined to it
    /// by a leader line: `figure_label`), then Bamako beside its dot and the other
    /// regions' names inside their outline where they fit. A label overlaps no label
    /// kept before it, no circle and no leader line, and stays in `bounds`.
    pub fn labels(&mut self, data: &Dataset, lang: Lang, bounds: Rect, measure: &dyn Measure) -> Vec<TextItem> {
        // The circles' labels, largest circle first; if one finds no place, again
        // with that one first (a cramped map: the first placed take the best room).
        let mut order: Vec<usize> = (0..self.circles.len()).collect();
        let mut kept: Vec<TextItem> = Vec::new();
        for _ in 0..=order.len() {
            kept.clear();
            self.leaders.clear();
            let mut missing = None;
            for &i in &order {
                let c = self.circles[i];
                let r = &data.regions[c.item];
                let text = [r.name.as_str(), " ", &crate::format::int(r.persons, lang)].concat();
                if !self.figure_label(
                    &mut kept,
                    label(text, TextRole::MapFigure, self.label_size(), measure),
                    &c,
                    &bounds,
                ) && missing.is_none()
                {
                    missing = Some(i);
                }
            }
            let Some(i) = missing else { break };
            order.retain(|&j| j != i);
            order.insert(0, i);
        }
        self.beside(
            &mut kept,
            label(shape_name(0, lang).into(), TextRole::MapName, self.label_size(), measure),
            self.capital,
            CAPITAL_R + 3.0,
            &bounds,
        );
        for (i, rings) in self.regions.iter().enumerate().skip(1) {
            let mut t = label(shape_name(i, lang).into(), TextRole::MapName, self.label_size(), measure);
            let (cx, cy) = centroid(&rings[0]);
            (t.x, t.y) = (cx - t.width / 2.0, cy);
            let b = t.bounds();
            let corners = [(b.x, b.y), (b.right(), b.y), (b.x, b.bottom()), (b.right(), b.bottom())];
            if corners.iter().all(|&p| inside(rings, p)) && self.free(&b, &bounds, &kept) {
                kept.push(t);
            }
        }
        kept
    }

    /// The labels' type size: smaller on a small map, where room is short.
    fn label_size(&self) -> f64 {
        if self.frame.w < 280.0 { 10.0 } else { 12.0 }
    }

    /// Keeps a circle's label where it reads as that circle's: beside it (right,
    /// left, above, below) if it fits there, else the nearest free place around it,
    /// joined to it by a leader line; never nearer another circle than its own.
    fn figure_label(&mut self, kept: &mut Vec<TextItem>, mut t: TextItem, c: &Circle, bounds: &Rect) -> bool {
        let gap = c.r + 4.0;
        let h = t.font.size * 0.6 + gap;
        let (x, y) = c.center;
        let mid = x - t.width / 2.0;
        let mut places = vec![(x + gap, y), (x - gap - t.width, y), (mid, y - h), (mid, y + h)];
        const BESIDE: usize = 4;
        // Then rings of places farther out, every 30°, the label's near side facing
        // the circle. (Plain loops: iterator chains cost more wasm here.)
        for step in 1..=24 {
            let d = gap + 6.0 * step as f64;
            for &(cos, sin) in &DIRECTIONS {
                let (px, py) = (x + d * cos, y + d * sin);
                let left = if cos > 0.3 {
                    px
                } else if cos < -0.3 {
                    px - t.width
                } else {
                    px - t.width / 2.0
                };
                places.push((left, py));
            }
        }
        // Where no place is nearer this circle than any other (a small map, circles
        // close together), the nearest free place farther out: its leader line says
        // whose it is.
        for pass in 0..2 {
            for n in (if pass == 0 { 0 } else { BESIDE })..places.len() {
                let (tx, ty) = places[n];
                // Moved sideways into the map's column where it would leave it.
                (t.x, t.y) = (tx.min(bounds.right() - t.width).max(bounds.x), ty);
                let b = t.bounds();
                if !self.free(&b, bounds, kept) || (pass == 0 && !self.nearest_is(&b, c)) {
                    continue;
                }
                if n >= BESIDE {
                    // From the circle's edge towards the label's nearest point.
                    let to = (x.clamp(b.x, b.right()), y.clamp(b.y, b.bottom()));
                    let (dx, dy) = (to.0 - x, to.1 - y);
                    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
                    self.leaders.push(((x + dx / len * c.r, y + dy / len * c.r), to));
                }
                kept.push(t);
                return true;
            }
        }
        false
    }

    /// Whether box `b` is nearer circle `c`'s edge than any other circle's.
    fn nearest_is(&self, b: &Rect, c: &Circle) -> bool {
        let gap = |o: &Circle| {
            let (dx, dy) =
                (o.center.0.clamp(b.x, b.right()) - o.center.0, o.center.1.clamp(b.y, b.bottom()) - o.center.1);
            (dx * dx + dy * dy).sqrt() - o.r
        };
        let own = gap(c);
        self.circles.iter().filter(|o| o.item != c.item).all(|o| gap(o) > own)
    }

    /// Keeps `t` at the first place around `(x, y)` where it fits: right, left,
    /// above, below (the last two centred, or as near as `bounds` allow).
    #[inline(never)]
    fn beside(&self, kept: &mut Vec<TextItem>, mut t: TextItem, (x, y): (f64, f64), gap: f64, bounds: &Rect) {
        let h = t.font.size * 0.6 + gap;
        let mid = (x - t.width / 2.0).min(bounds.right() - t.width).max(bounds.x);
        for (tx, ty) in [(x + gap, y), (x - gap - t.width, y), (mid, y - h), (mid, y + h)] {
            (t.x, t.y) = (tx, ty);
            if self.free(&t.bounds(), bounds, kept) {
                kept.push(t);
                return;
            }
        }
    }

    /// Whether a label's box stays in `bounds` and clear of every kept label, every
    /// circle and the capital's dot.
    #[inline(never)]
    fn free(&self, b: &Rect, bounds: &Rect, kept: &[TextItem]) -> bool {
        b.x >= bounds.x
            && b.right() <= bounds.right()
            && b.y >= bounds.y
            && b.bottom() <= bounds.bottom()
            && !kept.iter().any(|k| overlaps(&k.bounds(), b))
            && !self.circles.iter().any(|c| c.touches(b))
            && !Circle { item: 0, center: self.capital, r: CAPITAL_R + 1.0 }.touches(b)
            && !self.leaders.iter().any(|&((x0, y0), (x1, y1))| {
                (1..10).any(|i| {
                    let t = i as f64 / 10.0;
                    b.contains(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
                })
            })
    }
}

/// A label, measured, not yet placed: figures bold, names not.
fn label(text: String, role: TextRole, size: f64, measure: &dyn Measure) -> TextItem {
    let font = Font { size, bold: role == TextRole::MapFigure };
    TextItem { width: measure.width(&text, font), text, role, x: 0.0, y: 0.0, font, align: Align::Left }
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// The area-weighted centroid of a ring (its vertices' mean if it has no area).
pub fn centroid(ring: &[(f64, f64)]) -> (f64, f64) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    let n = ring.len();
    for i in 0..n {
        let (x0, y0) = ring[i];
        let (x1, y1) = ring[(i + 1) % n];
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < 1e-9 {
        let k = n.max(1) as f64;
        return (ring.iter().map(|p| p.0).sum::<f64>() / k, ring.iter().map(|p| p.1).sum::<f64>() / k);
    }
    (cx / (3.0 * a), cy / (3.0 * a))
}

#[cfg(test)]
#[cfg(feature = "map")]
mod tests;
