#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests, the demo and the browser benchmark.
# Playwright's own browser downloads need hosts this project cannot reach, so we use the
# distribution's build at /usr/bin/chromium. Safe to run repeatedly: apt is skipped once it is there.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-liberation

/usr/bin/chromium --version
