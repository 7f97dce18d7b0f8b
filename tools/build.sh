#!/usr/bin/env bash
# Builds the shipped bundle (wasm + JS glue + types) into the folder given (default
# www/pkg), smallest first:
#   1. the cdylib-only bundle/ crate, release profile (opt-level z, LTO), with the
#      standard library rebuilt for it and `panic = immediate-abort`: a panic traps
#      at once instead of formatting a message, so no panic message, location or
#      formatting code is linked (measured: -8 KB gzip). This needs the `rust-src`
#      component and unstable cargo flags, enabled on the stable toolchain through
#      RUSTC_BOOTSTRAP for this one command. SHIP_STD=0 builds without it (the stock
#      standard library, panic = abort).
#   2. wasm-bindgen for `--target web`.
#   3. wasm-opt (-Oz and the passes below).
#   4. tools/glue.mjs: shortens the import names in the wasm and the glue alike
#      (wasm-bindgen's hashed names take ~2 KB gzip in each file) and minifies the
#      glue with esbuild.
#   5. tools/types.mjs finishes the typings.
# Usage: tools/build.sh [OUT_DIR] [bars|map|node] [fr|en|es|pt|de|ar]   (map: the build with the map view,
# the bundle's `map` feature, named mali_idp_chart_map*; bars, the default, leaves the
# map out; node: the npm package's `picture` command, run by Node, never fetched by a
# page). Each build's files have names of their own, so both web builds sit in one
# folder and a bundler user copying the wasm files beside a bundle gets no clash.
# KEEP_NAMES=1 keeps the functions' names in the wasm (for a profiler; not shipped).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-www/pkg}
build=${2:-bars}
lang=${3:-}
case "$build" in
  bars) features=(); name=mali_idp_chart ;;
  map) features=(--features map); name=mali_idp_chart_map ;;
  node) features=(--features picture); name=mali_idp_chart ;;
  *) echo "usage: $0 [OUT_DIR] [bars|map|node] [fr|en|es|pt|de|ar]" >&2; exit 2 ;;
esac
# One language alone (issue 26): its own build, named after it (mali_idp_chart_ar*,
# mali_idp_chart_map_ar*), which the element and the iframe page load for a chart in
# that language, with no other language's words; without one, French and English
# together (the npm package's mount()).
case "$lang" in
  '') ;;
  fr|en|es|pt|de|ar) features+=(--features "$lang"); name="${name}_$lang" ;;
  *) echo "usage: $0 [OUT_DIR] [bars|map|node] [fr|en|es|pt|de|ar]" >&2; exit 2 ;;
esac
[ "$build" = map ] && [ -n "$lang" ] && features=(--features "map,$lang")
target=wasm32-unknown-unknown
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

ship_std=${SHIP_STD:-1}
if [ "$ship_std" = 1 ] && ! [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  echo "[build] the rust-src component is missing (tools/setup.sh build adds it); building with the stock standard library" >&2
  ship_std=0
fi
if [ "$ship_std" = 1 ]; then
  # Its own target folder: these flags would otherwise invalidate every other build.
  dir=target/shipped
  # Reference types and multivalue off (both on by default for this target since
  # Rust 1.82): wasm-bindgen then keeps JS values in a table in the glue rather than
  # in an externref table with a shim per import and export. Measured on the bars
  # build: wasm -1,071 B, glue +291 B gzip. The standard library's own
  # `optimize_for_size` (its smaller algorithms: sorting, formatting): -202 B.
  # Unstable flags: a compiler other than the pinned one (rust-toolchain.toml) may
  # reject them. Then the build says so and falls back to the stock standard library
  # (larger: the budget check will say by how much) rather than failing.
  if ! RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Ctarget-feature=-reference-types,-multivalue" \
    cargo build --locked --release --target $target -p mali-idp-chart-bundle "${features[@]}" \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir $dir; then
    echo "[build] the shipped build's unstable flags failed on $(rustc --version); building with the stock standard library instead (the pinned toolchain is in rust-toolchain.toml)" >&2
    ship_std=0
  fi
fi
if [ "$ship_std" != 1 ]; then
  dir=target
  cargo build --locked --release --target $target -p mali-idp-chart-bundle "${features[@]}" --target-dir $dir
fi
wasm="$dir/$target/release/mali_idp_chart_bundle.wasm"

mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --out-dir "$tmp" --out-name "$name" "$wasm"
# Passes measured on the bars build (gzip -9 of the wasm, against plain -Oz): --converge
# -60 B; --low-memory-unused --zero-filled-memory -181 B (the module's own memory starts
# zeroed, and its first KB is never addressed: the stack grows down from 1 MB);
# --flatten --rereloop then -Oz twice -183 B; together -281 B. Tried, no gain: --gufa,
# -iit, -Os, a third -Oz; -tnh (-120 B) left out: it would let a bug run on instead of
# trapping.
wasm-opt --low-memory-unused --zero-filled-memory --flatten --rereloop -Oz -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --strip-producers ${KEEP_NAMES:+-g} \
  -o "$tmp/${name}_opt.wasm" "$tmp/${name}_bg.wasm"
node tools/glue.mjs "$tmp/$name.js" "$tmp/${name}_opt.wasm" "$out/$name.js" "$out/${name}_bg.wasm"
cp "$tmp/$name.d.ts" "$tmp/${name}_bg.wasm.d.ts" "$out/"
node tools/types.mjs "$out/$name.d.ts"
# The snippets are bundled into the glue (tools/glue.mjs): no snippets/ folder ships.
rm -rf "$out/snippets"
