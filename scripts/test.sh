#!/usr/bin/env bash
# `npm test`: everything, on a fresh machine — unit, integration on PGlite and PostgreSQL, browser e2e.
# Installs Debian's chromium when missing, makes sure PostgreSQL runs, builds the web app, then prints
# "N passed, N failed" as the last line.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "Cài Chromium của Debian cho kiểm thử trình duyệt..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq chromium >/dev/null || { echo "Không cài được chromium"; echo "0 passed, 1 failed"; exit 1; }
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start 2>/dev/null || true
  for _ in $(seq 1 20); do pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break; sleep 0.5; done
fi

NODE_ENV=production ./node_modules/.bin/vite build --config web/vite.config.ts --logLevel warn || { echo "0 passed, 1 failed"; exit 1; }

results=.vitest-results.json
rm -f "$results"
./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@"
status=$?
node scripts/summarize-tests.mjs "$results" "$status"
