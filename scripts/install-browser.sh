#!/bin/sh
# Install Debian's chromium for the Playwright browser tests (tests/web/browser).
# Playwright's own browser download is never used: it fetches from a CDN at run
# time and pins a build we cannot audit; Debian's package is signed and patched.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "install-browser: $CHROMIUM present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "install-browser: $CHROMIUM is missing; run as root: apt-get update && apt-get install -y chromium" >&2
        exit 1
    fi
else
    SUDO=
fi

echo "install-browser: installing Debian chromium"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
"$CHROMIUM" --version
