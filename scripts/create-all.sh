#!/usr/bin/env bash
# Everything the demo needs on AWS: the API stack, then the app's runtime config from its outputs.
# Usage: scripts/create-all.sh [env]
set -euo pipefail
here="$(dirname "$0")"
"$here/deploy-api.sh" "$@"
"$here/outputs.sh" "$@"
