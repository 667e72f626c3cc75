#!/usr/bin/env bash
# Runs the demo app on this machine against a deployed stack: writes public/config.json from the
# stack outputs, checks that the stack's CORS lets http://localhost:4200 in, builds the library the
# demo imports and starts `ng serve demo` (and nothing else: no local stack).
# Usage: npm run start:aws -- <env>   (= scripts/start-aws.sh <env>; parameters file
# cloudformation/parameters/<env>.json, or PARAMETERS_FILE). NG_CLI replaces the Angular CLI.
set -euo pipefail
here="$(dirname "$0")"
# shellcheck source=scripts/lib.sh
. "$here/lib.sh"

origin='http://localhost:4200'
if [ $# -ne 1 ] || [ -z "$1" ]; then
  die "usage: npm run start:aws -- <env>   (reads cloudformation/parameters/<env>.json)"
fi
env_name="$1"
params="$(parameters_file "$env_name")"
# Fails naming each placeholder still in the file: such a stack cannot have been deployed.
helper overrides "$params" >/dev/null
stack="$(stack_name "$params")"

# Checks the CLI and its credentials, reads the outputs and writes the runtime config.
"$here/outputs.sh" "$env_name"

deployed="$(mktemp)"
trap 'rm -f "$deployed"' EXIT
aws cloudformation describe-stacks \
  --stack-name "$stack" \
  --query 'Stacks[0].Parameters' \
  --output json >"$deployed"
allowed="$(helper parameter "$deployed" AllowedOrigins)"
in_file="$(helper parameter "$params" AllowedOrigins)"
case ",$allowed," in
  *",$origin,"*) ;;
  *)
    case ",$in_file," in
      *",$origin,"*)
        die "$origin is in AllowedOrigins in $params, but stack $stack was deployed without it. Redeploy: npm run deploy -- $env_name" ;;
      *)
        die "stack $stack does not allow $origin, so the browser would block every API call (CORS). Add it to the comma-separated AllowedOrigins parameter in $params, then redeploy: npm run deploy -- $env_name" ;;
    esac ;;
esac

if [ -n "${NG_CLI:-}" ]; then
  ng=("$NG_CLI")
else
  node="$(node_bin)" || exit 1
  ng=("$node" "$ROOT/node_modules/@angular/cli/bin/ng.js")
fi
cd "$ROOT"
info "Building the library the demo imports ..."
"${ng[@]}" build ngx-cognito-gateway
info "Serving the demo on $origin against stack $stack (Ctrl-C stops it)"
exec "${ng[@]}" serve demo --port 4200
