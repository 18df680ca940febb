#!/usr/bin/env bash
# Sets up everything Vraagbaak needs, idempotently: a virtualenv in .venv with torch 2.13.0 (CPU)
# installed first, then the project with its dependencies and test tools. With --test also
# Debian's chromium and chromium-driver for the browser test (needs root, as in CI).
# A second run skips what is done (a stamp records the hash of pyproject.toml).
# Meant to be sourced by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv" >&2
  "${PYTHON:-python3}" -m venv .venv
fi
stamp=".venv/.setup-stamp"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "==> installing dependencies (the first run takes a few minutes)" >&2
  # pip warns about every package for index folders this machine's pip.conf names but lacks
  pip_install() {
    .venv/bin/python -m pip install -q "$@" 2>&1 | { grep -v "^WARNING: Location" || true; } >&2
  }
  pip_install --upgrade pip
  # torch first and pinned: an unpinned torch would pull gigabytes of CUDA packages
  pip_install "torch==2.13.0"
  pip_install -e ".[st,test]"
  echo "$want" > "$stamp"
fi

if [ "${1:-}" = "--test" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing chromium and chromium-driver for the browser test" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
  else
    echo "note: no chromium and not root: the browser test will be skipped" >&2
  fi
fi
export ANONYMIZED_TELEMETRY=False HF_HUB_OFFLINE=1
