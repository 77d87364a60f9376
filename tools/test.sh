#!/usr/bin/env bash
# Runs every test project of Talkover.sln and ends with one line: "N passed, N failed, N skipped".
# Exits non-zero when a test fails, the build fails, or no test ran. Extra arguments go to dotnet test.
set -uo pipefail
cd "$(dirname "$0")/.."

# The 1,500-writer test opens about 3,000 sockets between the test and the service it starts.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# The generated-client test runs the repository's pinned NSwag (dotnet-tools.json).
dotnet tool restore > /dev/null

results_dir="${TEST_RESULTS_DIR:-TestResults}"
rm -rf "$results_dir"
# The browser tests keep their screenshots in $TEST_RESULTS_DIR/screenshots/, beside the results.
mkdir -p "$results_dir"
export TEST_RESULTS_DIR="$(cd "$results_dir" && pwd)"

# Plain "trx" (no LogFileName) writes one uniquely named file per test project.
dotnet test Talkover.sln --logger trx --results-directory "$results_dir" "$@"
rc=$?

shopt -s nullglob
trx_files=("$results_dir"/*.trx)
if ((${#trx_files[@]} == 0)); then
  echo "no test results were written (did the build fail?)" >&2
  echo "0 passed, 0 failed, 0 skipped"
  exit $(( rc == 0 ? 1 : rc ))
fi

# Count each test's outcome; VSTest's <Counters> does not count NUnit's ignored tests as skipped.
summary=$(awk '
  /<UnitTestResult / && match($0, /outcome="[A-Za-z]+"/) {
    o = substr($0, RSTART + 9, RLENGTH - 10)
    if (o == "Passed") p++
    else if (o == "NotExecuted" || o == "Inconclusive" || o == "Pending" || o == "Warning") s++
    else f++
  }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "${trx_files[@]}")

# Say why the skipped tests were skipped (e.g. the live SQL Server suite without TALKOVER_TEST_SQLSERVER).
grep -h -o -e 'TALKOVER_TEST_SQLSERVER is not set[^<]*' -e 'Redocly CLI [0-9.]* is not installed[^<]*' -e 'mounting needs[^<]*' \
  -e 'Chromium is not installed[^<]*' "${trx_files[@]}" 2>/dev/null | sort -u | sed 's/^/note: /'

echo "$summary"
passed=${summary%% passed*}
failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) failed.*/\1/')
if (( rc == 0 && passed == 0 )); then
  echo "no test ran" >&2
  exit 1
fi
if (( rc == 0 && failed > 0 )); then
  exit 1
fi
exit $rc
