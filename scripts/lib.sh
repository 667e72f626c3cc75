#!/usr/bin/env bash
# Shared by the stack scripts; source it, do not run it.
# Portable to GNU and BSD userlands (macOS bash 3.2: no mapfile, no `sed -i`).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck disable=SC2034 # used by the scripts that source this file
TEMPLATE="$ROOT/cloudformation/api.yaml"

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

info() {
  printf '%s\n' "$*"
}

# Node 24 runs the .ts helpers directly; prefer the project's pinned copy.
node_bin() {
  if [ -n "${NODE:-}" ]; then
    printf '%s\n' "$NODE"
  elif [ -x "$ROOT/node_modules/.bin/node" ]; then
    printf '%s\n' "$ROOT/node_modules/.bin/node"
  elif command -v node >/dev/null 2>&1; then
    command -v node
  else
    die "Node.js 24 is required: run npm install in $ROOT"
  fi
}

helper() {
  "$(node_bin)" "$ROOT/scripts/aws-helper.ts" "$@"
}

# Fails with a clear message when the AWS CLI is missing or has no credentials. The caller identity
# is discarded so account ids never reach the terminal or CI logs.
require_aws() {
  command -v aws >/dev/null 2>&1 ||
    die "the AWS CLI (aws) is not installed: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
  aws sts get-caller-identity --output text >/dev/null 2>&1 ||
    die "the AWS CLI is not configured: run 'aws configure' or 'aws sso login', or set AWS_PROFILE"
}

# Parameters file for an environment: PARAMETERS_FILE, else cloudformation/parameters/<env>.json.
parameters_file() {
  local env="$1" file
  file="${PARAMETERS_FILE:-$ROOT/cloudformation/parameters/$env.json}"
  [ -f "$file" ] || die "no parameters file $file (copy cloudformation/parameters/dev.json)"
  printf '%s\n' "$file"
}

stack_name() {
  helper stack-name "$1"
}

config_file() {
  printf '%s\n' "${CONFIG_FILE:-$ROOT/public/config.json}"
}

# Deploys the artifacts bucket's stack (<stack>-artifacts; nothing changes when it is there
# already) and prints the bucket's name.
artifact_bucket() {
  local artifacts="$1-artifacts"
  aws cloudformation deploy \
    --stack-name "$artifacts" \
    --template-file "$ROOT/cloudformation/artifacts.yaml" \
    --no-fail-on-empty-changeset >/dev/null
  aws cloudformation describe-stacks \
    --stack-name "$artifacts" \
    --query "Stacks[0].Outputs[?OutputKey=='BucketName'].OutputValue" \
    --output text
}
