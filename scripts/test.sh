#!/usr/bin/env bash
# The test command: installs what is missing (PostgreSQL, Chromium, fonts, NuGet packages),
# starts a throw-away PostgreSQL on loopback, runs every test in Platform.sln, stops the server,
# and exits non-zero if anything failed. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
source scripts/lib/postgres.sh

platform_setup test
start_test_postgres
trap stop_test_postgres EXIT

export PLATFORM_TEST_CHROMIUM=${PLATFORM_TEST_CHROMIUM:-/usr/bin/chromium}
# Release: the tests exercise optimised code, as users run it (the OCR engine and the record pipeline run a third faster than in Debug).
step "building every project in Release (first run about 3 min, then 1–2 min)"
dotnet build Platform.sln -c Release --no-restore --verbosity quiet
step_done
echo "test: running unit, integration (SQLite and PostgreSQL) and browser tests (about 25 min on 2 cores)"
log=$(mktemp /tmp/platform-test.XXXXXX.log)
status=0
dotnet test Platform.sln -c Release --no-build --verbosity quiet --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
count() { grep -E "^[[:space:]]+$1: +[0-9]+" "$log" | awk '{sum += $2} END {print sum + 0}'; }
echo
echo "$(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
# The failures again at the end, with the start of their messages, so a log's tail names them.
if grep -qE "^[[:space:]]+Failed Platform[.][A-Za-z]" "$log"; then
  echo "Failed tests:"
  # The message, and of the stack only our own frames (they name the line that failed).
  grep -E -A30 "^[[:space:]]+Failed Platform[.][A-Za-z]" "$log" | grep -v -E "^[[:space:]]+at (System|Microsoft|Xunit)[.]|^[[:space:]]+--- End of stack" | head -160
fi
rm -f "$log"
if [ "$status" -ne 0 ]; then echo "Some tests FAILED (exit $status)." >&2; fi
exit "$status"
