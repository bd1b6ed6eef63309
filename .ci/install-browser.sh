#!/bin/sh
# Installs Debian's Chromium for the browser tests (test/browser) and the
# real-VS-Code suite (scripts/e2e), if missing. Idempotent and quiet. Run on
# demand by scripts/test-tools.mjs (npm run test:all, npm run test:tools).
set -eu
if command -v chromium >/dev/null 2>&1; then
  echo "install-browser: $(chromium --version 2>/dev/null | head -n 1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
APT_LOCK="-o DPkg::Lock::Timeout=600"
# shellcheck disable=SC2086
$SUDO apt-get $APT_LOCK update -qq
# shellcheck disable=SC2086
$SUDO apt-get $APT_LOCK install -y -qq --no-install-recommends chromium >/dev/null
chromium --version | head -n 1
