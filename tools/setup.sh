#!/usr/bin/env bash
# Installs what building and testing need, from the package registries only
# (crates.io, Debian, npm, rustup). Each step is skipped when its tool is already
# there at the pinned version, so a second run takes seconds.
# Usage: tools/setup.sh [all|build|browsers|node]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export PATH="$HOME/.cargo/bin:$PATH"
# npm behind a TLS-intercepting proxy needs the system CA bundle; CI may lack it.
export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"

# Pinned versions. WASM_BINDGEN must equal the wasm-bindgen version in Cargo.lock,
# or wasm-pack ignores the CLI on PATH and tries to download one.
WASM_PACK=0.15.1
WASM_BINDGEN=${WASM_BINDGEN:-$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' "$here/../Cargo.lock")}
GECKODRIVER=0.37.1

say() { printf '[setup] %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The toolchain pinned in rust-toolchain.toml, with its wasm target and rust-src.
TOOLCHAIN=$(sed -n 's/^channel = "\(.*\)"$/\1/p' "$here/../rust-toolchain.toml")

install_toolchain() {
  if rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1; then return; fi
  say "installing the Rust toolchain $TOOLCHAIN (rust-toolchain.toml)"
  rustup toolchain install "$TOOLCHAIN" --profile minimal --component rust-src --target wasm32-unknown-unknown
}

install_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

install_rust_src() {
  # The shipped build rebuilds the standard library for the wasm (tools/build.sh).
  if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then return; fi
  say "adding the rust-src component"
  rustup component add rust-src
}

install_apt_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  # A font with Arabic letters, for the browser tests of the Arabic chart (issue 26):
  # DejaVu Sans has them (Debian's fonts-dejavu-core, which a desktop usually has and a
  # bare container may not); fontconfig says whether any installed font does.
  if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=ar family)" ]; then missing+=(fontconfig fonts-dejavu-core); fi
  ((${#missing[@]})) || return 0
  say "installing from Debian: ${missing[*]}"
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_wasm_pack() {
  have_version wasm-pack "$WASM_PACK" && return
  say "installing wasm-pack $WASM_PACK"
  cargo install --locked wasm-pack --version "$WASM_PACK"
}

install_wasm_bindgen_cli() {
  have_version wasm-bindgen "$WASM_BINDGEN" && return
  say "installing wasm-bindgen-cli $WASM_BINDGEN"
  # Its lockfile pins a webpki-roots release the registry does not serve: unpack the
  # crate, move that one dependency back a patch release, then install locked.
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && cargo init -q --name fetch_wbg && cargo add -q "wasm-bindgen-cli@=$WASM_BINDGEN" && cargo fetch -q) || true
  local crate; crate=$(ls "$HOME"/.cargo/registry/cache/*/wasm-bindgen-cli-"$WASM_BINDGEN".crate 2>/dev/null | head -1)
  if [ -n "$crate" ]; then
    tar -xzf "$crate" -C "$tmp"
    local src="$tmp/wasm-bindgen-cli-$WASM_BINDGEN"
    if (cd "$src" && cargo update -q -p webpki-roots --precise 1.0.10 2>/dev/null); then :; fi
    cargo install --locked --path "$src" && { rm -rf "$tmp"; return; }
  fi
  say "locked install failed; installing wasm-bindgen-cli unlocked"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN"
  rm -rf "$tmp"
}

install_geckodriver() {
  have_version geckodriver "$GECKODRIVER" && return
  say "installing geckodriver $GECKODRIVER"
  cargo install --locked geckodriver --version "$GECKODRIVER"
}

install_node_tools() {
  # binaryen (a wasm-opt recent enough for rustc's output), playwright-core, esbuild,
  # TypeScript (the package's typings are type-checked), axe-core (accessibility
  # audits) and pdf.js (printed pages read back), pinned by tools/package-lock.json.
  # Never `playwright install`: browsers come from Debian.
  if [ -x "$here/node_modules/.bin/wasm-opt" ] && [ -d "$here/node_modules/playwright-core" ] && [ -x "$here/node_modules/.bin/esbuild" ] \
     && [ -x "$here/node_modules/.bin/tsc" ] && [ -f "$here/node_modules/axe-core/axe.min.js" ] \
     && [ -f "$here/node_modules/pdfjs-dist/legacy/build/pdf.mjs" ] \
     && [ "$here/node_modules/.package-lock.json" -nt "$here/package-lock.json" ]; then return; fi
  say "installing node tools (binaryen, playwright-core, esbuild, typescript, axe-core, pdfjs-dist)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
}

# Functions are named install_* so none shadows the command it installs.
case "${1:-all}" in
  build) install_toolchain; install_wasm_target; install_rust_src; install_wasm_pack; install_wasm_bindgen_cli; install_node_tools ;;
  browsers) install_apt_packages; install_geckodriver ;;
  node) install_node_tools ;;
  all) install_toolchain; install_wasm_target; install_rust_src; install_apt_packages; install_wasm_pack; install_wasm_bindgen_cli; install_geckodriver; install_node_tools ;;
  *) echo "usage: $0 [all|build|browsers|node]" >&2; exit 2 ;;
esac
