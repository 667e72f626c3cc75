#!/usr/bin/env bash
# Deletes the API stack and waits until it is gone.
# Usage: scripts/delete-api.sh [env] [--yes]   (asks for the stack name unless --yes)
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

env_name="dev"
assume_yes=false
for arg in "$@"; do
  case "$arg" in
    --yes) assume_yes=true ;;
    -*) die "unknown option $arg" ;;
    *) env_name="$arg" ;;
  esac
done
params="$(parameters_file "$env_name")"
stack="$(stack_name "$params")"
require_aws

if [ "$assume_yes" != true ]; then
  printf 'Type the stack name (%s) to delete it: ' "$stack"
  read -r answer || answer=""
  [ "$answer" = "$stack" ] || die "not deleting $stack"
fi
info "Deleting stack $stack ..."
aws cloudformation delete-stack --stack-name "$stack"
aws cloudformation wait stack-delete-complete --stack-name "$stack"
info "Stack $stack is deleted."
