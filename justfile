# Acumen's recipes. Run them through ./dev, which installs what they need.
set shell := ["bash", "-euo", "pipefail", "-c"]

chromedriver := "/usr/bin/chromedriver"

# List the recipes.
default:
    @just --list

# Build the package and the page, then serve the calculator on localhost
# (compressed, as a static host serves it).
serve port="8080": site
    node scripts/serve.mjs --dir target/site --port {{port}} --compress

# The npm package (wasm + JS + types) in pkg/dist.
pkg:
    node scripts/build-pkg.mjs

# The static page with the package, in target/site.
site: pkg
    node scripts/build-site.mjs

# The CLI, optimised.
cli:
    cargo build --release --locked -p acumen-cli
    @echo "built target/release/acumen"

# Regenerate the TypeScript types from the Rust types (after changing them).
types:
    node scripts/gen-types.mjs

# Regenerate the price catalog from crates/acumen/data/aurora-prices.json.
catalog:
    node scripts/gen-catalog.mjs

# Each price gets its SKU and the offer's publication date; hand-sourced rows
# stay only where the offers lack the item (scripts/catalog-from-offers.mjs).
# Rebuild the catalog from a folder of AmazonRDS offer files (any regions).
catalog-from-offers dir:
    cargo build --quiet --locked -p acumen-cli
    node scripts/catalog-from-offers.mjs "{{dir}}" --acumen target/debug/acumen
    node scripts/gen-catalog.mjs

# Needs the network; downloads are cached in .cache/price-list and
# revalidated by ETag on the next run.
# Rebuild the catalog from every region's current AWS Price List (AmazonRDS).
catalog-refresh:
    cargo build --quiet --locked -p acumen-cli
    target/debug/acumen prices fetch --all --cache-dir .cache/price-list -o .cache/price-list-book.json
    just catalog-from-offers .cache/price-list

# Format the code.
fmt:
    cargo fmt --all

# The whole suite: lints, every test layer, the no_std proof.
test: lint test-rust nostd test-wasm test-js test-browser test-iac fuzz-smoke
    @echo "all test layers passed"

# The CloudFormation and Terraform exports of a few scenarios, checked by
# cfn-lint and parsed with python-hcl2 (pinned in tests/iac/requirements.txt).
test-iac:
    #!/usr/bin/env bash
    set -euo pipefail
    venv=.cache/iac-venv
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/python" tests/iac/validate.py --check-requirements tests/iac/requirements.txt \
        || "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/iac/requirements.txt
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
    cargo run --quiet --locked -p acumen --example export -- "$out"
    shopt -s nullglob
    templates=("$out"/*.yaml)
    [ ${#templates[@]} -ge 2 ] || { echo "test-iac: the export example wrote no templates" >&2; exit 1; }
    for yaml in "${templates[@]}"; do
        name=${yaml%.yaml}
        "$venv/bin/python" tests/iac/validate.py "$yaml" "$name.tf" --expect "$name.expect.json"
    done
    echo "test-iac: ${#templates[@]} CloudFormation templates and Terraform files valid"

# Formatting and clippy with warnings as errors; generated types and catalog
# up to date; dependency licences, bans and sources (`deny`).
lint: deny
    cargo fmt --all --check
    cargo clippy --locked --workspace --all-targets -- -D warnings
    cargo clippy --locked -p acumen --all-targets --all-features -- -D warnings
    cargo clippy --locked -p acumen-wasm --target wasm32-unknown-unknown --no-default-features --features console_error_panic_hook -- -D warnings
    node scripts/gen-types.mjs --check
    node scripts/gen-catalog.mjs --check
    RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p acumen --all-features
    cargo fmt --manifest-path scripts/size-floor/Cargo.toml --check
    cargo clippy --locked --manifest-path scripts/size-floor/Cargo.toml --target-dir target/size-floor --target wasm32-unknown-unknown --all-features -- -D warnings

# Dependency licences, duplicate versions and sources (crates.io only), with
# cargo-deny, offline: the workspace (deny.toml) and the fuzz targets
# (fuzz/deny.toml). The locked crates are fetched first (a no-op once they
# are in the cargo cache): an offline check cannot resolve what a fresh
# machine has never downloaded.
deny: fetch
    cargo deny --offline --locked check licenses bans sources
    cargo deny --offline --locked --manifest-path fuzz/Cargo.toml --config fuzz/deny.toml check licenses bans sources

# Download every crate the lock files name (workspace and fuzz targets), so
# offline steps work on a machine whose cargo cache is empty.
fetch:
    cargo fetch --locked
    cargo fetch --locked --manifest-path fuzz/Cargo.toml

# Known vulnerabilities (needs the network, so not part of `test`): the
# RustSec advisory database for every Cargo.lock, and npm's audit of the
# dev dependencies (the published package in pkg/ has no dependencies).
audit: deny
    cargo deny --locked check advisories
    cargo deny --locked --manifest-path fuzz/Cargo.toml --config fuzz/deny.toml check advisories
    npm audit --omit=dev
    npm audit

# Core unit, property, golden and doc tests; CLI tests.
test-rust:
    cargo test --locked --workspace --all-features

# The core builds for a target without std (default features off).
nostd:
    cargo build --locked -p acumen --no-default-features --target thumbv7em-none-eabihf
    cargo build --locked -p acumen --no-default-features --features serde --target thumbv7em-none-eabihf

# The bindings' own tests, in Node and in headless Chromium.
test-wasm:
    cargo test --locked -p acumen-wasm --target wasm32-unknown-unknown
    WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER={{chromedriver}} cargo test --locked -p acumen-wasm --target wasm32-unknown-unknown --test api

# The built package from Node (ESM, CommonJS, web init, every export and error),
# packed and installed into a fresh project (TypeScript, esbuild + Chromium).
test-js: pkg
    node --test tests/node/
    tsc -p tests/types

# The page's first monthly total, cold, in Chromium: on localhost and
# throttled to slow 4G with a 4× CPU slowdown, plain and compressed (prints
# medians; not part of `test`).
first-result: site
    node scripts/first-result.mjs

# Benchmarks of the built package in Node: medians per call and the wasm's size (not part of `test`).
bench-wasm: pkg
    node scripts/bench-wasm.mjs

# The smallest the wasm could be: the core alone, without bindings, for the
# first call and for the whole API (not part of `test`).
size-floor:
    node scripts/size-floor.mjs

# The page's scripts type-checked (JSDoc types, the package's generated types; web/tsconfig.json).
typecheck-web: pkg
    node_modules/.bin/tsc -p web --noEmit

# The page in headless Chromium, checked against the CLI (after the type check of its scripts).
test-browser: site typecheck-web
    cargo build --locked -p acumen-cli
    node --test tests/browser/

# Fuzz each target for `seconds` (default 60) with cargo-fuzz on nightly;
# new inputs go to fuzz/work/, crashes to fuzz/artifacts/ (see fuzz/README.md).
fuzz seconds="60":
    #!/usr/bin/env bash
    set -euo pipefail
    for target in scenario_json scenario_toml simulator cloudwatch_csv cloudwatch_json migrate_inventory pricelist_import; do
        # The simulator target is pure safe Rust: no sanitizer, twice the runs.
        sanitizer=address
        [ "$target" = simulator ] && sanitizer=none
        mkdir -p "fuzz/work/$target"
        echo "fuzz: $target for {{seconds}} s"
        cargo +nightly fuzz run --debug-assertions --sanitizer "$sanitizer" "$target" \
            "fuzz/work/$target" "fuzz/corpus/$target" -- \
            -max_total_time={{seconds}} -timeout=30 -print_final_stats=1 2>&1 \
            | grep -Ev '^(#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)|INFO: )'
    done

# Every fuzz target for about 20 s; fails on any crash, panic or timeout.
fuzz-smoke: (fuzz "20")

# The scaling model against every published measurement: prints the table,
# rewrites it in docs/calibration.md and redraws docs/calibration.svg.
calibrate:
    cargo build --quiet --locked -p acumen-cli
    target/debug/acumen calibrate
    target/debug/acumen calibrate --format json | node scripts/calibration-chart.mjs docs/calibration.svg
    node scripts/calibration-doc.mjs docs/calibration.md target/debug/acumen
