#!/bin/sh
# Installs the editors of the editor tests (test/editors): Neovim, and Emacs with
# eglot for checking the snippets of docs/editors.md. Debian/Ubuntu, as root.
# Idempotent: installs only what is missing, and quietly. Run on demand by
# scripts/test-tools.mjs (npm run test:all, npm run test:tools).
set -eu

missing=""
for package in neovim emacs-nox elpa-eglot; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $package"
  fi
done

if [ -z "$missing" ]; then
  echo "install-editors: neovim, emacs-nox and elpa-eglot are installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
echo "install-editors: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# Wait for a concurrent apt/dpkg (up to 10 minutes) rather than fail on its lock.
APT_LOCK="-o DPkg::Lock::Timeout=600"
# shellcheck disable=SC2086
$SUDO apt-get $APT_LOCK update -qq
# shellcheck disable=SC2086 # one word per package
$SUDO apt-get $APT_LOCK install -y -qq --no-install-recommends $missing >/dev/null
nvim --version | head -n 1
emacs --version | head -n 1
