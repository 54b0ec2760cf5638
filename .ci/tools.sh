# Shared by ./run and ./test (source it): installs whatever the build and the tests need and
# is missing, and explains each step. Everything installed here comes from crates.io, npm or
# Debian's packages; nothing downloads a prebuilt binary from elsewhere.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
CARGO_LEPTOS_VERSION="0.3.10"
BINARYEN_VERSION="132.0.0"
export PATH="$HOME/.cargo/bin:$TOOLS/node/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

apt_updated=""
apt_install() {
  if [[ -z $apt_updated ]]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_rust() {
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
}

# The exact wasm-bindgen version in Cargo.lock: the CLI must match the library byte for byte.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_build_tools() {
  ensure_rust
  if [[ "$(cargo leptos --version 2>/dev/null)" != *"$CARGO_LEPTOS_VERSION"* ]]; then
    step "Installing cargo-leptos $CARGO_LEPTOS_VERSION (compiles from source: about 20 minutes, once per machine)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
  local wbg
  wbg="$(wasm_bindgen_version)"
  if [[ "$(wasm-bindgen --version 2>/dev/null)" != *"$wbg"* ]]; then
    step "Installing wasm-bindgen-cli $wbg (matches Cargo.lock; a few minutes, once per machine)"
    cargo install wasm-bindgen-cli --version "$wbg" --force
  fi
  if [[ "$(wasm-opt --version 2>/dev/null)" != *"version ${BINARYEN_VERSION%%.*}"* ]]; then
    step "Installing wasm-opt from the npm package binaryen@$BINARYEN_VERSION"
    command -v npm >/dev/null || apt_install nodejs npm
    mkdir -p "$TOOLS/node"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" "binaryen@$BINARYEN_VERSION"
  fi
}

ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "Installing Chromium and ChromeDriver from Debian's packages"
    apt_install chromium chromium-driver
  fi
}

ensure_brotli() {
  command -v brotli >/dev/null || apt_install brotli
}

# pdftotext reads the printed executive report back in the browser tests.
ensure_pdftotext() {
  command -v pdftotext >/dev/null || apt_install poppler-utils
}

# The security tests put the server behind a local TLS terminator (socat, with a certificate
# made by openssl) and sign in through it with curl.
ensure_tls_terminator() {
  local missing=()
  command -v socat >/dev/null || missing+=(socat)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  if [[ ${#missing[@]} -gt 0 ]]; then
    step "Installing ${missing[*]} from Debian's packages (TLS for the cookie tests)"
    apt_install "${missing[@]}"
  fi
}

# Sets TEST_POSTGRES_URL: the given one, else a server on 127.0.0.1:5432, else a throwaway
# cluster (removed by stop_throwaway_postgres).
PG_TMP=""
ensure_postgres() {
  if [[ -n ${TEST_POSTGRES_URL:-} ]]; then
    note "PostgreSQL: using TEST_POSTGRES_URL"
    return
  fi
  if command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 \
    && psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:5432/postgres"
    note "PostgreSQL: using the server on 127.0.0.1:5432"
    return
  fi
  step "Starting a throwaway PostgreSQL cluster"
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -z $bin || ! -x $bin/initdb ]]; then
    apt_install postgresql
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  PG_TMP="$(mktemp -d)"
  local port=55432 run_as=()
  if [[ $(id -u) -eq 0 ]]; then
    # PostgreSQL refuses to run as root: use the postgres system user.
    id postgres >/dev/null 2>&1 || as_root useradd --system --no-create-home postgres
    chown -R postgres "$PG_TMP"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w \
    -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  note "PostgreSQL: throwaway cluster on port $port"
}

stop_throwaway_postgres() {
  if [[ -n $PG_TMP ]]; then
    local bin run_as=()
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    [[ $(id -u) -eq 0 ]] && run_as=(runuser -u postgres --)
    "${run_as[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}

# The reference for the Krippendorff's alpha cross-check (app/src/domain/agreement.rs runs
# tests/reference/krippendorff_reference.py): the PyPI package krippendorff, in a venv under
# .tools. Sets REVALIGN_PYTHON, the interpreter that test uses.
KRIPPENDORFF_VERSION="0.9.0"
ensure_python_reference() {
  local py="$TOOLS/py/bin/python"
  if ! "$py" -c 'import krippendorff' >/dev/null 2>&1; then
    step "Installing the Python package krippendorff $KRIPPENDORFF_VERSION into .tools/py (reference for the alpha test)"
    # --clear: a venv left half-made by an earlier failure is laid anew.
    if ! python3 -m venv --clear "$TOOLS/py" >/dev/null 2>&1; then
      note "python3 -m venv failed: installing Debian's python3-venv"
      apt_install python3-venv
      python3 -m venv --clear "$TOOLS/py"
    fi
    "$py" -m pip install --quiet --disable-pip-version-check "krippendorff==$KRIPPENDORFF_VERSION"
  fi
  export REVALIGN_PYTHON="$py"
  note "Python reference: krippendorff $("$py" -c 'import importlib.metadata as m; print(m.version("krippendorff"))')"
}

# The API fuzzer of the schemathesis test (tests/security/schemathesis.rs): the PyPI package
# schemathesis, pinned, in the venv that ensure_python_reference makes (call that first).
# Sets REVALIGN_SCHEMATHESIS, the CLI that test runs.
SCHEMATHESIS_VERSION="4.32.5"
ensure_schemathesis() {
  local cli="$TOOLS/py/bin/schemathesis"
  if [[ "$("$cli" --version 2>/dev/null)" != *"version $SCHEMATHESIS_VERSION" ]]; then
    step "Installing the Python package schemathesis $SCHEMATHESIS_VERSION into .tools/py (fuzzes the JSON API against its OpenAPI document)"
    "$TOOLS/py/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
  export REVALIGN_SCHEMATHESIS="$cli"
  note "API fuzzer: $("$cli" --version)"
}

# The quality checks of the browser tests (tests/browser/quality.rs): axe-core, the
# accessibility rules injected into each page the browser tests reach, and Lighthouse, run
# against the release server in Debian's Chromium. npm packages, pinned, under .tools/node.
# Sets REVALIGN_AXE (the axe.min.js file) and REVALIGN_LIGHTHOUSE (the CLI).
AXE_CORE_VERSION="4.14.1"
LIGHTHOUSE_VERSION="12.8.2"
ensure_quality_tools() {
  local node="$TOOLS/node/node_modules"
  local axe="$node/axe-core/axe.min.js" lighthouse="$node/.bin/lighthouse"
  command -v npm >/dev/null || apt_install nodejs npm
  if [[ "$(node -p "require('$node/axe-core/package.json').version" 2>/dev/null)" != "$AXE_CORE_VERSION" ]]; then
    step "Installing the npm package axe-core@$AXE_CORE_VERSION into .tools/node (accessibility rules for the browser tests)"
    mkdir -p "$TOOLS/node"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" "axe-core@$AXE_CORE_VERSION"
  fi
  if [[ "$("$lighthouse" --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]]; then
    step "Installing the npm package lighthouse@$LIGHTHOUSE_VERSION into .tools/node (page speed, accessibility and best-practice scores)"
    mkdir -p "$TOOLS/node"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" "lighthouse@$LIGHTHOUSE_VERSION"
  fi
  export REVALIGN_AXE="$axe"
  export REVALIGN_LIGHTHOUSE="$lighthouse"
  export CHROME_PATH="${CHROME_PATH:-$(command -v chromium)}"
  note "axe-core $AXE_CORE_VERSION, Lighthouse $("$lighthouse" --version)"
}
