#!/usr/bin/env bash
# Runs the whole test suite of Participe:
#   formatting, lints, unit tests, HTTP tests on SQLite and PostgreSQL,
#   and the browser tests (headless Chromium, axe-core accessibility audit).
# It installs what it needs where it can (Debian packages with apt-get when
# run as root, npm packages for the browser tests) and says clearly what it
# skips. With CI=true nothing may be skipped: a missing PostgreSQL or browser
# is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says how long the run has taken so far (CI must stay under 25 min).
say() { printf '\n==> [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }
warn() { printf '\n!!! %s\n' "$*" >&2; }
ci() { [ "${CI:-}" = "true" ]; }

# --- Debian packages (browser tests, PostgreSQL client) -----------------------
apt_packages=()
command -v chromium >/dev/null || apt_packages+=(chromium)
command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
command -v psql >/dev/null || apt_packages+=(postgresql-client)
command -v node >/dev/null || apt_packages+=(nodejs)
command -v npm >/dev/null || apt_packages+=(npm)
# The browser tests choose a built-in font (domain/fonts.rs) from this package.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || apt_packages+=(fonts-dejavu-core)
# The jury draw is checked against scripts/jury_draw.py.
command -v python3 >/dev/null || apt_packages+=(python3)
# SAML (the `saml` Cargo feature: samael binds libxmlsec1 and libxml2 with
# bindgen, which needs libclang).
saml_libs() { pkg-config --exists xmlsec1-openssl libxml-2.0 2>/dev/null && ls /usr/lib/llvm-*/lib/libclang.so* >/dev/null 2>&1; }
command -v pkg-config >/dev/null || apt_packages+=(pkg-config)
saml_libs || apt_packages+=(libxmlsec1-dev libxml2-dev libssl-dev libclang-dev)
if [ ${#apt_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Debian packages: ${apt_packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
  else
    warn "Missing Debian packages: ${apt_packages[*]} (run as root, or install them: sudo apt-get install ${apt_packages[*]})"
  fi
fi

# --- PostgreSQL -----------------------------------------------------------------
pg_db=""
if [ -z "${TEST_PG_URL:-}" ]; then
  base="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}"
  if command -v psql >/dev/null && psql "$base" -qtAc 'SELECT 1' >/dev/null 2>&1; then
    pg_db="participe_test_$$"
    psql "$base" -qc "CREATE DATABASE $pg_db" >/dev/null
    export TEST_PG_URL="${base%/*}/$pg_db"
    trap 'psql "$base" -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
    say "PostgreSQL tests use a fresh database: $TEST_PG_URL"
  elif ci; then
    warn "CI=true and no PostgreSQL answers at $base (set TEST_PG_URL): failing instead of skipping."
    exit 1
  else
    warn "SKIPPING PostgreSQL: nothing answers at $base. Set TEST_PG_URL=postgres://USER@HOST:PORT/DB to run the PostgreSQL half of the suite."
  fi
fi

# --- npm packages: the browser tests' tools and the identity providers -----------
# The single sign-on tests (crates/participe/tests/sso.rs, saml.rs) start the
# oidc-provider and samlify packages with node, so the packages come before
# cargo test.
e2e_packages() {
  (cd e2e && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; })
}
if command -v npm >/dev/null; then
  say "npm packages (e2e/): browser tools and the identity providers (OpenID Connect, SAML)"
  e2e_packages
elif ci; then
  warn "CI=true but npm is missing: failing instead of skipping the single sign-on and browser tests."
  exit 1
else
  warn "SKIPPING single sign-on tests: npm is missing (install Debian's npm and nodejs)."
fi

# --- Rust ----------------------------------------------------------------------
# The suite runs with SAML built in (the `saml` feature); the default build,
# without it, is linted too.
features=()
if saml_libs; then
  features=(--features participe/saml)
elif ci; then
  warn "CI=true but libxmlsec1/libxml2/libclang are missing: failing instead of skipping the SAML tests."
  exit 1
else
  warn "SKIPPING SAML: its libraries are missing (sudo apt-get install libxmlsec1-dev libxml2-dev libssl-dev libclang-dev pkg-config)."
fi
say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy --all-targets -- -D warnings${features:+ (with SAML; then the library without it)}"
cargo clippy --workspace --all-targets --quiet "${features[@]}" -- -D warnings
if [ ${#features[@]} -gt 0 ]; then
  # Without the feature only services/saml/unavailable.rs differs.
  cargo clippy -p participe --lib --quiet -- -D warnings
fi
say "cargo test (unit, HTTP and CLI tests; SQLite${TEST_PG_URL:+ and PostgreSQL}${features:+; SAML})"
cargo test --workspace --quiet "${features[@]}"

# --- Browser tests -----------------------------------------------------------------
if [ -f e2e/package.json ]; then
  if command -v chromium >/dev/null && command -v npm >/dev/null; then
    say "Browser tests (headless Chromium, axe-core)"
    cargo build --quiet --bin participe "${features[@]}"
    bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/debug/participe"
    shots="$(pwd)/e2e/screenshots"
    (cd e2e && node ../scripts/icons.mjs --check \
      && SCREENSHOT_DIR="$shots" PARTICIPE_BIN="$bin" node --test --test-concurrency=2)
    say "Screenshots of the main pages at 360, 768 and 1280 px: $shots"
  elif ci; then
    warn "CI=true but Chromium or npm is missing: failing instead of skipping the browser tests."
    exit 1
  else
    warn "SKIPPING browser tests: install Debian's chromium and npm (see above)."
  fi
fi
say "All tests passed."
