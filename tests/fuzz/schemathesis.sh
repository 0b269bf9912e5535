#!/usr/bin/env bash
# Fuzzes the bridge's API contract: schemathesis (with every check) against /openapi.json of a
# bridge serving a demo tenant, for a bounded time. Usage: schemathesis.sh BRIDGE_BINARY VENV [SECONDS]
set -euo pipefail
bridge="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
venv="$(cd "$2" && pwd)"
seconds="${3:-120}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bridge" tenant demo --tenant "$work/tenant.db" >/dev/null 2>&1
secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# The secret goes on the bridge's stdin; closing it stops the bridge.
coproc BRIDGE { MSOL_BRIDGE_LOG=warn exec "$bridge" serve --tenant "$work/tenant.db" 2>"$work/bridge.log"; }
echo "$secret" >&"${BRIDGE[1]}"
read -r ready <&"${BRIDGE[0]}"
url="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["Url"])' "$ready")"

status=0
(cd "$work" && "$venv/bin/schemathesis" --config-file "$here/schemathesis.toml" --no-color run "$url/openapi.json" \
    --header "Authorization: Bearer $secret" --checks all --max-time "$seconds" --seed 20261202 \
    ) || status=$?
exec {BRIDGE[1]}>&-
wait "$BRIDGE_PID" || true
if grep -qi "panicked" "$work/bridge.log"; then
    echo "schemathesis: the bridge panicked:" >&2
    cat "$work/bridge.log" >&2
    status=1
fi
exit "$status"
