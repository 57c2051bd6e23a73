#!/usr/bin/env bash
# Run the official MCP conformance SERVER suite against a running Streamable HTTP endpoint.
#   interop/conformance-server.sh URL [extra args, e.g. --suite all | --scenario ping]
# Prints the suite's summary (or, with --scenario, its "Passed: N/D" line), each failing check,
# and a last line "conformance: N passed, M failed" (WARNING checks count as neither).
# Needs `npm ci` in this folder first (node_modules/ and shim/ are resolved next to this script).
# On Node 20 the suite imports fs.globSync (Node >= 22); shim/register.mjs supplies it.
# CONF_OUT=DIR keeps the per-scenario results (checks.json) in DIR instead of a temp folder.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
URL="${1:?usage: $0 URL [extra args]}"; shift
SUITE="$HERE/node_modules/@modelcontextprotocol/conformance/dist/index.js"
if [ ! -f "$SUITE" ]; then
  echo "conformance suite not installed: run 'npm ci' in $HERE"
  echo "conformance: 0 passed, 1 failed"; exit 1
fi
OUT="${CONF_OUT:-$(mktemp -d)}"
mkdir -p "$OUT"; LOG="$OUT/run.log"
timeout 600 node --import "$HERE/shim/register.mjs" "$SUITE" \
  server --url "$URL" -o "$OUT" "$@" >"$LOG" 2>&1
rc=$?
sed -n '/=== SUMMARY ===/,$p' "$LOG" | grep -v '^Total:' | grep -v '^$'
node -e '
const fs=require("fs"),path=require("path");const out=process.argv[1];
for (const d of fs.readdirSync(out)) { const fp=path.join(out,d,"checks.json"); if(!fs.existsSync(fp)) continue;
  for (const c of JSON.parse(fs.readFileSync(fp,"utf8")))
    if (c.status==="FAILURE") console.log("  FAIL", d.replace(/-\d{4}-\d\d-\d\dT.*$/,""), c.id, "-", (c.errorMessage||"").slice(0,160)); }
' "$OUT"
total=$(grep -E '^Total: ' "$LOG" | tail -1)
single=$(grep -E '^Passed: [0-9]+/[0-9]+, [0-9]+ failed' "$LOG" | tail -1)
if [ -n "$total" ]; then          # suite run: "Total: N passed, M failed"
  passed=$(echo "$total" | sed -E 's/.*Total: ([0-9]+) passed.*/\1/')
  failed=$(echo "$total" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')
elif [ -n "$single" ]; then       # --scenario run: "Passed: N/D, M failed, W warnings"
  echo "$single"
  passed=$(echo "$single" | sed -E 's/^Passed: ([0-9]+)\/.*/\1/')
  failed=$(echo "$single" | sed -E 's/.*, ([0-9]+) failed.*/\1/')
else
  echo "conformance run produced no summary (rc=$rc); log: $LOG"; tail -20 "$LOG"
  echo "conformance: 0 passed, 1 failed"; exit 1
fi
echo "conformance: $passed passed, $failed failed"
exit $rc
