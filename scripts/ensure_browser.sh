#!/usr/bin/env bash
# Install Debian's chromium for the end-to-end browser tests when it is missing.
# Playwright drives this browser (no browser download at test time).
set -u
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure_browser: installing Debian's chromium (no recommended packages)" >&2
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 || true
fi
command -v chromium >/dev/null 2>&1 || echo "ensure_browser: chromium is not installed" >&2
exit 0
