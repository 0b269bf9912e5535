#!/usr/bin/env bash
# Microsoft's own Python libraries (msal, msgraph-sdk, msgraph-beta-sdk; pinned in
# requirements.txt) against the Graph simulator. Usage: run.sh BRIDGE_BINARY VENV
set -euo pipefail
bridge="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
venv="$(cd "$2" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
exec "$venv/bin/python" -W ignore "$here/outside_clients.py" "$bridge"
