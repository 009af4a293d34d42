#!/usr/bin/env bash
# Browser tests need a real Chromium. Debian's package is the one known to work here (Playwright's
# own browser download is blocked): install it when running as root, else say what to install.
set -euo pipefail
for candidate in /usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/chromium-browser; do
  [ -x "$candidate" ] && exit 0
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium not found: installing Debian's chromium for the browser tests…"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] && exit 0
fi
echo "Browser tests need Chromium: install it with 'sudo apt-get install chromium' (or set up /usr/bin/chromium), then run npm test again." >&2
exit 1
