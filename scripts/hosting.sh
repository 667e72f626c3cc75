#!/usr/bin/env bash
# Hosts the demo app on Amplify Hosting, connected to your Git repository so a push deploys:
# creates or updates the Amplify app (SPA rewrite, security headers from hosting/custom-headers.yml
# filled with this stack's API and Cognito origins) and its branch (environment variables from the
# stack outputs), adds https://<branch>.<app id>.amplifyapp.com to AllowedOrigins and redeploys the
# stack if needed, and starts a build when the app or branch changed. A second run changes nothing.
#
# Usage: scripts/hosting.sh <env> [--repository URL] [--branch NAME] [--access-token TOKEN]
#   or set AMPLIFY_REPOSITORY, AMPLIFY_BRANCH (default main), AMPLIFY_ACCESS_TOKEN.
# The token (GitHub: a personal access token; GitLab/Bitbucket: an OAuth token) is needed only to
# create the app or change its repository. Prefer the variable, or let the script ask for it: a
# flag is visible to other local users in the process list. The token reaches aws only through a
# pipe (`--access-token file:///dev/stdin`, the CLI's file:// parameter values:
# https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-file.html), so it is never
# printed, never in a file, never in aws's argv. (The CLI reads --cli-input-json twice, so that one
# cannot come from a pipe: https://github.com/aws/aws-cli/issues/5982.)
set -euo pipefail
here="$(dirname "$0")"
# shellcheck source=scripts/lib.sh
. "$here/lib.sh"

usage="usage: scripts/hosting.sh <env> [--repository URL] [--branch NAME] [--access-token TOKEN]"
hosting() {
  run_node "$ROOT/scripts/hosting-helper.ts" "$@"
}

env_name=''
repository="${AMPLIFY_REPOSITORY:-}"
branch="${AMPLIFY_BRANCH:-main}"
token="${AMPLIFY_ACCESS_TOKEN:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --repository | --branch | --access-token)
      [ $# -ge 2 ] || die "$1 needs a value"
      case "$1" in
        --repository) repository="$2" ;;
        --branch) branch="$2" ;;
        --access-token) token="$2" ;;
      esac
      shift 2
      ;;
    -*) die "unknown option $1; $usage" ;;
    *)
      [ -z "$env_name" ] || die "$usage"
      env_name="$1"
      shift
      ;;
  esac
done
[ -n "$env_name" ] || die "$usage"
[ -n "$repository" ] || die "set the Git repository to deploy from: --repository https://github.com/<owner>/<repo> (or AMPLIFY_REPOSITORY)"
hosting check-branch "$branch"
params="$(parameters_file "$env_name")"
helper overrides "$params" >/dev/null
stack="$(stack_name "$params")"
require_aws

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
aws cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0]' --output json \
  >"$work/stack.json" ||
  die "could not read stack $stack (was it created? run scripts/deploy-api.sh $env_name)"

# The app: found by name (the stack's name), created or brought up to date.
aws amplify list-apps --output json >"$work/apps.json"
plan="$(hosting app-plan "$work/stack.json" "$work/apps.json" "$stack" "$repository")"
read -r action app_id domain <<<"$plan"
if [ "$action" = create ] || [ "$action" = update-repository ]; then
  if [ -z "$token" ] && [ -t 0 ]; then
    read -rsp "Access token for $repository (not shown): " token
    printf '\n'
  fi
  [ -n "$token" ] || die "connecting $repository needs an access token: set AMPLIFY_ACCESS_TOKEN (GitHub: a personal access token)"
fi
hosting app-files "$work/stack.json" "$work"
app_settings=(--platform WEB --custom-rules "file://$work/custom-rules.json"
  --custom-headers "file://$work/custom-headers.yml")
token_args=()
if [ "$action" = create ] || [ "$action" = update-repository ]; then
  token_args=("$(hosting token-option "$repository")" file:///dev/stdin)
fi
changed=''
case "$action" in
  create)
    info "Creating Amplify app $stack for $repository ..."
    printf '%s' "$token" |
      aws amplify create-app --name "$stack" --repository "$repository" "${app_settings[@]}" \
        "${token_args[@]}" --output json >"$work/app.json"
    created="$(hosting app-id-domain "$work/app.json")"
    read -r app_id domain <<<"$created"
    changed=1
    ;;
  update | update-repository)
    info "Updating Amplify app $stack ($app_id) ..."
    printf '%s' "$token" |
      aws amplify update-app --app-id "$app_id" --name "$stack" --repository "$repository" \
        "${app_settings[@]}" ${token_args[@]+"${token_args[@]}"} --output json >/dev/null
    changed=1
    ;;
  *) info "Amplify app $stack ($app_id) is up to date." ;;
esac
token=''

# The branch: auto-build on push, with the variables amplify.yml turns into public/config.json.
variables="$(hosting branch-environment "$work/stack.json")"
if aws amplify get-branch --app-id "$app_id" --branch-name "$branch" --output json \
  >"$work/branch.json" 2>"$work/branch.err"; then
  branch_action="$(hosting branch-plan "$work/branch.json" "$work/stack.json")"
else
  case "$(cat "$work/branch.err")" in
    *NotFoundException*) branch_action=create ;;
    *) cat "$work/branch.err" >&2 && die "could not read branch $branch of app $app_id" ;;
  esac
fi
case "$branch_action" in
  create | update)
    info "Setting up branch $branch ($branch_action) ..."
    aws amplify "$branch_action-branch" --app-id "$app_id" --branch-name "$branch" \
      --enable-auto-build --environment-variables "$variables" --output json >/dev/null
    changed=1
    ;;
  *) info "Branch $branch is up to date." ;;
esac

# CORS: the stack must allow the branch's origin; the parameters file keeps it for later deploys.
site="https://$branch.$domain"
origin_state="$(hosting origin "$work/stack.json" "$params" "$site")"
if [ "$origin_state" = deploy ]; then
  info "Allowing $site in stack $stack ..."
  "$here/deploy-api.sh" "$env_name"
fi

if [ -n "$changed" ]; then
  aws amplify start-job --app-id "$app_id" --branch-name "$branch" --job-type RELEASE \
    --output json >/dev/null
  info "Started a build of $branch. Later pushes to $branch deploy by themselves."
else
  info "Nothing to change."
fi
info "The app: $site"
