#!/usr/bin/env bash
# Shared by the stack scripts; source it, do not run it.
# Portable to GNU and BSD userlands (macOS bash 3.2: no mapfile, no `sed -i`).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck disable=SC2034 # used by the scripts that source this file
TEMPLATE="$ROOT/cloudformation/api.yaml"
AWS_CLI_INSTALL='https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html'

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

info() {
  printf '%s\n' "$*"
}

# A Node that runs the .ts helpers (type stripping): the project's own Node 24 (the `node`
# devDependency), else a `node` on PATH that strips types too. Never $NODE: npm sets it to the Node
# that runs npm itself, which is often the system's Node 20 and says nothing about what the
# project needs.
node_bin() {
  local candidate
  for candidate in "$ROOT/node_modules/.bin/node" "$(command -v node || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] &&
      "$candidate" -e 'process.exit(process.features.typescript ? 0 : 1)' 2>/dev/null; then
      printf '%s\n' "$candidate"
      return
    fi
  done
  die "no Node.js here runs TypeScript (Node 24 does): run npm ci in $ROOT, which installs the project's Node 24 into node_modules"
}

# Runs a .ts helper with node_bin's Node (its message, not a shell error, when there is none).
run_node() {
  local node
  node="$(node_bin)" || exit 1
  "$node" "$@"
}

helper() {
  run_node "$ROOT/scripts/aws-helper.ts" "$@"
}

# The first non-empty line of a text, with anything shaped like an AWS account id masked: what
# the scripts quote from the AWS CLI's error output.
first_line() {
  local text="$1" line
  while IFS= read -r line; do
    if [ -n "$line" ]; then
      printf '%s\n' "${line//[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]/<account>}"
      return
    fi
  done <<<"$text"
}

# Fails with a clear message when the AWS CLI is missing, is version 1, has no credentials or cannot
# reach AWS. The scripts follow AWS CLI v2's documented behaviour (its return codes: 253 for a
# missing configuration or credentials,
# https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html) and are tested
# against it. The caller identity is discarded so account ids never reach the terminal or CI logs.
require_aws() {
  command -v aws >/dev/null 2>&1 ||
    die "the AWS CLI (aws) is not installed: $AWS_CLI_INSTALL"
  local version
  version="$(aws --version 2>&1)" || true
  case "$version" in
    aws-cli/[2-9].* | aws-cli/[1-9][0-9]*.*) ;;
    aws-cli/1.*)
      die "the AWS CLI on PATH is version 1 ($(first_line "$version")); these scripts need version 2: $AWS_CLI_INSTALL" ;;
    *)
      die "'aws --version' did not name an AWS CLI version ($(first_line "$version")); these scripts need the AWS CLI version 2: $AWS_CLI_INSTALL" ;;
  esac
  local err status=0
  err="$(aws sts get-caller-identity --output text 2>&1 >/dev/null)" || status=$?
  [ "$status" -eq 0 ] && return 0
  case "$err" in
    *'Could not connect to the endpoint URL'* | *'Connect timeout on endpoint URL'* | \
      *'Read timeout on endpoint URL'* | *'Failed to connect to proxy URL'*)
      die "could not reach AWS: check the network connection, a proxy (HTTPS_PROXY) and the region (AWS_REGION) (aws: $(first_line "$err"))" ;;
  esac
  case "$status:$err" in
    253:* | *'Unable to locate credentials'* | *'config profile'*'could not be found'*)
      die "the AWS CLI is not configured: run 'aws configure' or 'aws sso login', or set AWS_PROFILE (aws: $(first_line "$err"))" ;;
  esac
  die "the AWS CLI's credentials did not work: renew them (e.g. 'aws sso login') or check AWS_PROFILE (aws sts get-caller-identity, exit $status: $(first_line "$err"))"
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
