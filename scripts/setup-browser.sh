#!/usr/bin/env bash
# Installs the browsers the browser tests drive: Debian's Chromium (with Playwright: the tests, the
# demo and the browser benchmark) and Debian's Firefox ESR (with Puppeteer over WebDriver BiDi: the
# Firefox build's tests). Playwright's and Puppeteer's own browser downloads need hosts this project
# cannot reach, so we use the distribution's builds at /usr/bin/chromium and /usr/bin/firefox-esr.
# Safe to run repeatedly: apt is skipped once both are there.
set -euo pipefail

PACKAGES=()
[ -x /usr/bin/chromium ] || PACKAGES+=(chromium fonts-liberation)
[ -x /usr/bin/firefox-esr ] || PACKAGES+=(firefox-esr)
if [ ${#PACKAGES[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${PACKAGES[@]}"

/usr/bin/chromium --version
/usr/bin/firefox-esr --version
