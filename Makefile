# mali-idp-chart: `make serve` and `make test` are all a new user needs; both install
# what is missing first (from the package registries only: see tools/setup.sh).
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8000

# Project-local tools first: the npm binaryen's wasm-opt must win over any older one.
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export NODE_EXTRA_CA_CERTS ?= /etc/ssl/certs/ca-certificates.crt
# Browser tests run headless as root in CI; a slow cold start needs more than 20 s.
export WASM_BINDGEN_TEST_TIMEOUT ?= 90

PKG := www/pkg
WASM := $(PKG)/mali_idp_chart_bg.wasm

.PHONY: all setup build serve test test-native test-tools test-browser test-e2e test-types test-budget fallback package size bench trace mount-floor twiggy fuzz clean

all: build

## Install everything building and testing need (skips what is present).
setup:
	tools/setup.sh all

## Each language's own builds (bars and map: mali_idp_chart_fr*, mali_idp_chart_map_ar*…),
## holding its words alone, which the element and the iframe page load for a chart in
## that language (issue 26); the builds with no suffix speak French and English
## together, for the npm package's mount(). EXTRA: the wires' languages.
EXTRA := es pt de ar
LANGS := fr en $(EXTRA)

## Build the release bundles (wasm + JS glue), from the cdylib-only bundle/ crate so
## LTO covers the whole program (see tools/build.sh): the bars build into www/pkg,
## the map build (bars, map, both) beside it, as mali_idp_chart_map*; the editor page's
## build (the npm command's `picture` build: validation and the static picture) in
## www/pkg/editor (not in any reader's page, so not in the budget).
build:
	tools/setup.sh build
	tools/build.sh $(PKG) bars
	tools/build.sh $(PKG) map
	for lang in $(LANGS); do tools/build.sh $(PKG) bars $$lang && tools/build.sh $(PKG) map $$lang; done
	tools/build.sh $(PKG)/editor node
	node tools/element.mjs
	@$(MAKE) --no-print-directory size

## Build, then serve www/ at http://127.0.0.1:$(PORT)/
serve: build
	node tools/serve.mjs www

## Every test: native, the build tools, then Chrome and Firefox, then the real page in
## Chromium, then the package's TypeScript typings, then the payload against its budget.
test: setup test-native test-tools test-browser test-e2e test-types test-budget

## The build's own tools on fixtures (tools/glue.mjs).
test-tools:
	tools/setup.sh build
	node --test tests/tools/

## The bytes a page fetches per build (bars, map) and per file, against the ceilings
## in budget.json: over fails, and so does a ceiling left too high (a ratchet).
test-budget: build
	node tools/budget.mjs --check

test-native:
	cargo test --locked
	cargo test --locked --no-default-features --lib

test-browser:
	wasm-pack test --headless --chrome --firefox -- --locked --features probes

test-e2e: build package
	node --test tests/e2e/

## TypeScript using the npm package: tests/types/ok.ts compiles, bad.ts fails where marked.
test-types: package
	node tests/types/check.mjs

## The static pictures in the pages (one drawing per artboard, and their stylesheet
## www/mali-idp-chart.css), the SVG fallbacks, all drawn by the same code as the
## canvas, and the PNG social cards made from them.
fallback:
	cargo run --quiet --locked --bin fallback -- --pages www
	for lang in $(LANGS); do \
	  cargo run --quiet --locked --bin fallback -- --lang $$lang --out www/fallback-$$lang.svg; \
	  cargo run --quiet --locked --bin fallback -- --lang $$lang --view map --out www/fallback-map-$$lang.svg; \
	done
	tools/setup.sh node
	node tools/social.mjs

## The npm package in pkg/: wasm + JS glue + types, the custom element, the iframe
## parent helper and the static fallbacks.
package:
	tools/setup.sh build
	rm -rf pkg
	tools/build.sh pkg bars
	tools/build.sh pkg map
	for lang in $(LANGS); do tools/build.sh pkg bars $$lang && tools/build.sh pkg map $$lang; done
	tools/build.sh pkg/node node
	node tools/element.mjs
	cp README.md LICENSE-MIT pkg/
	node tools/package.mjs
	cd pkg && npm pack --dry-run --loglevel=warn

## Side-by-side benchmark against Chart.js and uPlot (headless Chromium); the table is
## printed and written to target/bench.md, with rows from `make trace` (a tap during a
## lazy upgrade, the picture's parse and layout). BENCH_LOADS, BENCH_MOVES,
## BENCH_CYCLES shorten a run; BENCH_TRACE=0 skips the traces.
bench: build
	tools/setup.sh browsers
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	node bench/run.mjs

## The mount against its floor (issue 23): the same elements, words, colours, canvas
## calls and swap made by plain JavaScript, each step's own time against ours, at 1x and
## 4x CPU (bench/floor-mount.mjs). MOUNT_LOADS (default 15), MOUNT_THROTTLE (default 4).
mount-floor: build
	tools/setup.sh node
	node bench/floor-mount.mjs

## The main thread as a phone feels it: Chromium traces of real pages (the article,
## the iframe page, a map page, five charts, a chart far below the fold tapped while it
## upgrades, the picture alone, the page alone) at 412 px, DPR 2, the CPU 4x slower;
## the chart's long tasks and what ran in them, the page's parse and layout, the tap's
## delay. TRACE_LOADS (default 7), TRACE_THROTTLE (default 4); writes target/trace-*.json.
trace: build
	tools/setup.sh browsers
	node bench/trace.mjs

## libFuzzer on the options entry point for FUZZ_SECONDS (default 120); not in CI.
## Needs a nightly toolchain and cargo-fuzz, both installed here if missing.
FUZZ_SECONDS ?= 120
fuzz:
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz --version 0.13.2
	mkdir -p target/fuzz-corpus && cp fuzz/corpus/options/* target/fuzz-corpus/
	cd fuzz && cargo +nightly fuzz run options ../target/fuzz-corpus -- -max_total_time=$(FUZZ_SECONDS)

## What takes the space in the wasm: a shipped build (BUILD=bars, the default, or
## map) before wasm-opt (with its function names), through twiggy.
BUILD ?= bars
twiggy:
	tools/setup.sh build
	tools/build.sh target/twiggy-$(BUILD) $(BUILD)
	command -v twiggy >/dev/null || cargo install --locked twiggy --version 0.8.0
	wasm-bindgen --target web --out-dir target/twiggy --out-name mali_idp_chart \
	  $$(ls target/shipped/wasm32-unknown-unknown/release/mali_idp_chart_bundle.wasm 2>/dev/null || echo target/wasm32-unknown-unknown/release/mali_idp_chart_bundle.wasm)
	twiggy top -n 30 target/twiggy/mali_idp_chart_bg.wasm

## Print the release payload per build and per file, gzip -9 (node's zlib, as the
## budget check and make bench measure it).
size:
	@node tools/budget.mjs

clean:
	cargo clean
	rm -rf $(PKG) pkg
