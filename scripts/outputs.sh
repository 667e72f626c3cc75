#!/usr/bin/env bash
# Shows the API stack's outputs and writes the demo app's runtime config from them.
# Usage: scripts/outputs.sh [env]   (default: dev; CONFIG_FILE overrides public/config.json)
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

env_name="${1:-dev}"
params="$(parameters_file "$env_name")"
stack="$(stack_name "$params")"
require_aws

outputs="$(mktemp)"
trap 'rm -f "$outputs"' EXIT
aws cloudformation describe-stacks \
  --stack-name "$stack" \
  --query 'Stacks[0].Outputs' \
  --output json >"$outputs" ||
  die "could not read stack $stack (was it created? run scripts/deploy-api.sh $env_name)"
config="$(config_file)"
helper config-from-outputs "$outputs" "$config"
info "Wrote $config"
