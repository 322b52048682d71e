#!/usr/bin/env bash
# Installs what the end-to-end tests need, offline but for npm and Debian: Debian chromium, and
# code-server (a real VS Code) in the git-ignored .vscode-test/. Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly CODE_SERVER_VERSION=4.100.3
readonly CODE_SERVER_DIR="$PWD/.vscode-test/code-server-$CODE_SERVER_VERSION"
readonly CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/.bin/code-server"
# Written only after a complete install, so an interrupted one is redone from scratch.
readonly CODE_SERVER_STAMP="$CODE_SERVER_DIR/.install-complete"
readonly CODE_SERVER_LOG="$PWD/.vscode-test/code-server-$CODE_SERVER_VERSION-install.log"
# chromium: the browser Playwright drives; libkrb5-dev: to build VS Code's `kerberos` module;
# ripgrep: stands in for the ripgrep download @vscode/ripgrep would fetch from GitHub.
# neovim: a second real LSP client, for the test that no VS Code is needed.
# python3-sklearn: the independent Cohen's kappa that test/agreement.sklearn.test.ts checks ours against.
# python3-nltk: NLTK's ConllCorpusReader, the consumer test/formats/conll.test.ts reads our CoNLL export with.
# `--code-server-only` (npm start) skips the browser, neovim, scikit-learn and NLTK: the user brings their own editor.
if [ "${1:-}" = "--code-server-only" ]; then
  readonly DEBIAN_PACKAGES=(libkrb5-dev ripgrep)
else
  readonly DEBIAN_PACKAGES=(chromium libkrb5-dev ripgrep neovim python3-sklearn python3-nltk)
fi
# Label Studio's own frontend, which test/labelStudioFrontend.e2e.ts loads our export into in Chromium.
# 1.4.0: 1.8.0's npm package has no build/ folder and a postinstall that fails. Never a project
# dependency (its install scripts would break `npm install`): installed aside, without its scripts.
readonly LABEL_STUDIO_VERSION=1.4.0
readonly LABEL_STUDIO_DIR="$PWD/.vscode-test/label-studio-$LABEL_STUDIO_VERSION"
readonly LABEL_STUDIO_MAIN="$LABEL_STUDIO_DIR/node_modules/@heartexlabs/label-studio/build/static/js/main.js"
# @vscode/ripgrep 1.15.11 (VS Code 1.100's) looks for this archive before downloading it.
readonly RIPGREP_ASSET="vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

step() { echo "setup-test-deps: $*"; }

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_debian_packages() {
  local missing=() package
  for package in "${DEBIAN_PACKAGES[@]}"; do
    is_installed "$package" || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    step "Debian packages present (${DEBIAN_PACKAGES[*]})"
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "setup-test-deps: missing Debian packages: ${missing[*]}" >&2
    echo "setup-test-deps: install them as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  step "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

seed_ripgrep_cache() {
  # Same directory @vscode/ripgrep computes: os.tmpdir() honours TMPDIR, TMP and TEMP.
  local archive staging
  archive="$(node -p 'require("os").tmpdir()')/$RIPGREP_ASSET"
  if [ -s "$archive" ]; then
    step "ripgrep cache present ($archive)"
    return
  fi
  step "seeding ripgrep cache with Debian's rg ($archive)"
  mkdir -p "$(dirname "$archive")"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  # The postinstall runs `tar xvf` into its bin/ and expects `rg` at the archive's root.
  tar czf "$archive.partial" -C "$staging" rg
  mv "$archive.partial" "$archive"
  rm -rf "$staging"
}

code_server_works() {
  [ -f "$CODE_SERVER_STAMP" ] || return 1
  local output
  # Even --version writes a config.yaml (and logs a line saying so the first time); keep that in
  # the cache rather than the home directory.
  output="$(XDG_CONFIG_HOME="$CODE_SERVER_DIR/.config" XDG_DATA_HOME="$CODE_SERVER_DIR/.data" \
    "$CODE_SERVER_BIN" --version 2>/dev/null)" || return 1
  grep -q "^$CODE_SERVER_VERSION " <<<"$output"
}

install_code_server() {
  if code_server_works; then
    step "code-server $CODE_SERVER_VERSION present ($CODE_SERVER_DIR)"
    return
  fi
  step "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (about a minute; log: $CODE_SERVER_LOG)"
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  # npm 11's allowScripts policy warns about (and is documented to skip) unapproved dependency
  # install scripts. code-server's postinstall runs nested `npm install`s in lib/vscode (native
  # modules, ripgrep) whose scripts must run too; only environment settings reach those, and
  # --allow-scripts is refused in project-scoped installs. npm 11 no longer knows unsafe-perm,
  # but code-server's postinstall refuses to run as root without it.
  # Native modules build from source (their prebuilt downloads are unreachable); node-gyp must
  # use the installed Node headers instead of downloading them.
  local node_headers
  node_headers="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [ ! -f "$node_headers/include/node/node.h" ]; then
    echo "setup-test-deps: no Node headers at $node_headers/include/node; native modules cannot build offline" >&2
    exit 1
  fi
  if ! env npm_config_dangerously_allow_all_scripts=true npm_config_ignore_scripts=false \
      npm_config_yes=true npm_config_fund=false npm_config_audit=false \
      npm_config_unsafe_perm=true npm_config_nodedir="$node_headers" \
      npm install --prefix "$CODE_SERVER_DIR" --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
      >"$CODE_SERVER_LOG" 2>&1; then
    tail -n 40 "$CODE_SERVER_LOG" >&2
    echo "setup-test-deps: code-server install failed; full log: $CODE_SERVER_LOG" >&2
    exit 1
  fi
  # A skipped postinstall still leaves a code-server that starts, then fails in the workbench.
  local vscode_dir="$CODE_SERVER_DIR/node_modules/code-server/lib/vscode"
  if [ ! -x "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg" ] || [ ! -d "$vscode_dir/extensions/node_modules" ]; then
    echo "setup-test-deps: code-server's postinstall did not complete; log: $CODE_SERVER_LOG" >&2
    exit 1
  fi
  touch "$CODE_SERVER_STAMP"
  if ! code_server_works; then
    echo "setup-test-deps: code-server installed but \`$CODE_SERVER_BIN --version\` fails" >&2
    exit 1
  fi
  step "code-server $CODE_SERVER_VERSION installed"
}

install_label_studio() {
  if [ -f "$LABEL_STUDIO_MAIN" ]; then
    step "Label Studio frontend $LABEL_STUDIO_VERSION present ($LABEL_STUDIO_DIR)"
    return
  fi
  step "installing the Label Studio frontend $LABEL_STUDIO_VERSION into $LABEL_STUDIO_DIR"
  npm install --ignore-scripts --no-audit --no-fund --prefix "$LABEL_STUDIO_DIR" "@heartexlabs/label-studio@$LABEL_STUDIO_VERSION" >/dev/null
  if [ ! -f "$LABEL_STUDIO_MAIN" ]; then
    echo "setup-test-deps: the Label Studio package installed without $LABEL_STUDIO_MAIN" >&2
    exit 1
  fi
}

install_debian_packages
seed_ripgrep_cache
install_code_server
if [ "${1:-}" != "--code-server-only" ]; then install_label_studio; fi
