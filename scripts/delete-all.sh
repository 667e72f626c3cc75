#!/usr/bin/env bash
# Removes what create-all.sh made: the API stack and the runtime config written from it.
# Usage: scripts/delete-all.sh [env] [--yes]
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
"$ROOT/scripts/delete-api.sh" "$@"
rm -f "$(config_file)"
info "Removed $(config_file)"
