#!/usr/bin/env bash
# Creates or updates the API stack (idempotent: `aws cloudformation deploy` makes a change set and
# succeeds when there is nothing to change). Usage: scripts/deploy-api.sh [env]   (default: dev)
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

env_name="${1:-dev}"
params="$(parameters_file "$env_name")"
stack="$(stack_name "$params")"
overrides_text="$(helper overrides "$params")"
overrides=()
while IFS= read -r line; do
  overrides+=("$line")
done <<<"$overrides_text"
require_aws

info "Deploying stack $stack from $(basename "$params") ..."
aws cloudformation deploy \
  --stack-name "$stack" \
  --template-file "$TEMPLATE" \
  --parameter-overrides "${overrides[@]}" \
  --capabilities CAPABILITY_IAM \
  --no-fail-on-empty-changeset
info "Stack $stack is up to date."
