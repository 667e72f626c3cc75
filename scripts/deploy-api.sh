#!/usr/bin/env bash
# Creates or updates the API stack (idempotent: `aws cloudformation deploy` makes a change set and
# succeeds when there is nothing to change). Usage: scripts/deploy-api.sh [env]   (default: dev)
# The Timer Lambda's bundle is too big for inline code, so it is built, then uploaded by
# `aws cloudformation package` to the artifacts bucket (created first, idempotently, by its own
# small stack, cloudformation/artifacts.yaml), and the packaged template is deployed.
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

info "Artifacts bucket (stack $stack-artifacts) ..."
bucket="$(artifact_bucket "$stack")"

info "Building the Timer Lambda ..."
run_node "$ROOT/lambda/timer-api/build.ts" >/dev/null

packaged="$(mktemp)"
trap 'rm -f "$packaged"' EXIT
aws cloudformation package \
  --template-file "$TEMPLATE" \
  --s3-bucket "$bucket" \
  --output-template-file "$packaged" >/dev/null

info "Deploying stack $stack from $(basename "$params") ..."
# CAPABILITY_AUTO_EXPAND: the template uses the AWS::LanguageExtensions transform.
aws cloudformation deploy \
  --stack-name "$stack" \
  --template-file "$packaged" \
  --s3-bucket "$bucket" \
  --parameter-overrides "${overrides[@]}" \
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND \
  --no-fail-on-empty-changeset
info "Stack $stack is up to date."
