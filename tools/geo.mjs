// Mali's regions, simplified and quantized for the wasm: reads the Natural Earth
// GeoJSON (see PROVENANCE.md beside it), writes src/map/shapes.rs.
//
//   node tools/geo.mjs [GEOJSON] [TOLERANCE_DEGREES]
//
// 1. Topology first: a border two regions share must simplify the same way in both,
//    or gaps and overlaps open between them. Every vertex where the set of rings
//    passing through it changes (a junction) is kept; each stretch between two
//    junctions is simplified once, by Douglas-Peucker with the tolerance given
//    (a tie in distance goes to the earlier vertex in coordinate order, so a stretch
//    and its reverse keep the same points).
// 2. Quantized to 0.01 degree (about 1 km): each ring is a start point (i16, in
//    hundredths of a degree) and steps of at most ±127 hundredths (i8); a longer
//    straight edge is split into steps.
// The source is not needed to build: the output is committed, with its provenance.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.argv[2] || join(root, '..', 'shared', 'geo', 'mali-regions-ne10m.geojson'));
const tolerance = Number(process.argv[3] || 0.03);
const out = join(root, 'src', 'map', 'shapes.rs');

const geo = JSON.parse(readFileSync(source, 'utf8'));
// Bamako first: it sits in Koulikoro's hole, and a pointer test takes the first hit.
const ORDER = ['ML-BKO', 'ML-1', 'ML-2', 'ML-3', 'ML-4', 'ML-5', 'ML-6', 'ML-7', 'ML-8'];
const features = ORDER.map((code) => {
  const f = geo.features.find((f) => f.properties.iso_3166_2 === code);
  if (!f) throw new Error(`${source}: no feature with iso_3166_2 ${code}`);
  return f;
});

const key = ([x, y]) => `${x},${y}`;
// Every ring, closing point dropped.
const rings = [];
features.forEach((f, region) => {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys) for (const ring of poly) rings.push({ region, pts: ring.slice(0, -1) });
});
// Which rings each vertex lies on.
const on = new Map();
rings.forEach((r, i) => r.pts.forEach((p) => {
  const k = key(p);
  if (!on.has(k)) on.set(k, new Set());
  on.get(k).add(i);
}));
const members = (p) => [...on.get(key(p))].sort().join(' ');

function distance(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dx * (a[1] - p[1]) - dy * (a[0] - p[0])) / len;
}
const before = (p, q) => p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]);

// Douglas-Peucker on pts[i..=j], both ends kept; marks kept vertices in `keep`.
function simplify(pts, i, j, keep) {
  let best = -1, at = -1;
  for (let k = i + 1; k < j; k++) {
    const d = distance(pts[k], pts[i], pts[j]);
    if (d > best || (d === best && before(pts[k], pts[at]))) [best, at] = [d, k];
  }
  if (at >= 0 && best > tolerance) {
    keep[at] = true;
    simplify(pts, i, at, keep);
    simplify(pts, at, j, keep);
  }
}

const kept = rings.map((r) => {
  const n = r.pts.length;
  const keep = r.pts.map((p, i) => members(p) !== members(r.pts[(i + n - 1) % n]) || members(p) !== members(r.pts[(i + 1) % n]) || on.get(key(p)).size > 2);
  // A ring with no junction (Bamako, and the hole it fills): its first vertex and the
  // one farthest from it, the same two in both rings.
  if (!keep.some(Boolean)) {
    keep[0] = true;
    let far = 0;
    r.pts.forEach((p, i) => { if (Math.hypot(p[0] - r.pts[0][0], p[1] - r.pts[0][1]) > Math.hypot(r.pts[far][0] - r.pts[0][0], r.pts[far][1] - r.pts[0][1])) far = i; });
    keep[far] = true;
  }
  const fixed = keep.flatMap((k, i) => (k ? [i] : []));
  for (let f = 0; f < fixed.length; f++) {
    const a = fixed[f], b = f + 1 < fixed.length ? fixed[f + 1] : fixed[0] + n;
    const stretch = [];
    for (let i = a; i <= b; i++) stretch.push(r.pts[i % n]);
    const mark = stretch.map(() => false);
    simplify(stretch, 0, stretch.length - 1, mark);
    mark.forEach((m, i) => { if (m) keep[(a + i) % n] = true; });
  }
  let pts = r.pts.filter((_, i) => keep[i]);
  // A ring needs three corners to have an inside.
  if (pts.length < 3) throw new Error(`ring of ${ORDER[r.region]} simplified to ${pts.length} points: lower the tolerance`);
  const q = pts.map(([x, y]) => [Math.round(x * 100), Math.round(y * 100)]);
  return { region: r.region, q: q.filter((p, i) => i === 0 || key(p) !== key(q[i - 1])) };
});

// Steps of at most ±127 hundredths each.
function encode(q) {
  const steps = [];
  const all = [...q, q[0]];
  for (let i = 1; i < all.length; i++) {
    let [dx, dy] = [all[i][0] - all[i - 1][0], all[i][1] - all[i - 1][1]];
    const parts = Math.max(1, Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) / 127));
    let [x, y] = [0, 0];
    for (let s = 1; s <= parts; s++) {
      const [nx, ny] = [Math.round((dx * s) / parts), Math.round((dy * s) / parts)];
      steps.push(nx - x, ny - y);
      [x, y] = [nx, ny];
    }
  }
  // The closing step back to the start is implied.
  const last = steps.splice(-2);
  if (last[0] === 0 && last[1] === 0) throw new Error('empty closing step');
  return steps;
}

let points = 0;
const regions = features.map((f, region) => {
  const rs = kept.filter((r) => r.region === region).map((r) => {
    const steps = encode(r.q);
    points += 1 + steps.length / 2;
    return `Ring { start: (${r.q[0][0]}, ${r.q[0][1]}), steps: &[${steps.join(', ')}] }`;
  });
  const p = f.properties;
  return `    Shape {\n        code: "${p.iso_3166_2}",\n        name_fr: "${p.name_fr}",\n        name_en: "${p.name_en}",\n        rings: &[\n            ${rs.join(',\n            ')},\n        ],\n    },`;
});

const sourcePoints = rings.reduce((n, r) => n + r.pts.length, 0);
writeFileSync(out, `//! Mali's regions as the map draws them. Written by \`node tools/geo.mjs\`: do not edit.
//!
//! Source: Natural Earth 1:10m "Admin 1 - States, Provinces" (public domain), the
//! nine first-level units of Mali as they were before 2016 (Ménaka inside Gao,
//! Taoudénit inside Tombouctou), from \`mali-regions-ne10m.geojson\` (see its
//! PROVENANCE.md). Simplified along shared borders with a tolerance of ${tolerance}
//! degree (${sourcePoints} vertices in, ${points} out), quantized to 0.01 degree.
//! Coordinates are hundredths of a degree: (longitude, latitude).

use super::{Ring, Shape};

/// Bamako first (it fills Koulikoro's hole), then ML-1 to ML-8.
pub const SHAPES: [Shape; ${features.length}] = [
${regions.join('\n')}
];
`);
console.log(`[geo] ${sourcePoints} vertices -> ${points} at tolerance ${tolerance}; wrote ${out}`);
