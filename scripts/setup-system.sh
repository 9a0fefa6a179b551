#!/usr/bin/env bash
# Brings up what the test suite needs beyond npm: Debian's Chromium (browser tests),
# LibreOffice Calc (recalculates and prints converted workbooks), poppler's pdfinfo and
# pdftotext (read the printed pages), xmllint, and the local PostgreSQL.
# Quick when all is there; run by `npm test` (pretest) so a fresh machine needs nothing by hand.
set -uo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
      echo "setup: apt-get install ${missing[*]} failed" >&2; exit 1; }
  else
    echo "setup: missing ${missing[*]}; install them (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# PostgreSQL for the store tests against a real server (skipped when SAMSYN_TEST_PG=off).
if [ "${SAMSYN_TEST_PG:-on}" != "off" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    echo "setup: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
fi
exit 0
