#!/usr/bin/env bash
# Interactive menu over scripts/: create/update, outputs, delete, all, Amplify Hosting, the demo
# on this machine against the stack. ENV selects the parameters file
# cloudformation/parameters/$ENV.json (default dev).
set -euo pipefail
cd "$(dirname "$0")"
env_name="${ENV:-dev}"

menu() {
  cat <<MENU

ngx-cognito-gateway on AWS (environment: $env_name)
  1) Create or update the API stack
  2) Show outputs and write public/config.json
  3) Delete the API stack
  4) Create all
  5) Delete all
  6) Change environment
  7) Host the demo app on Amplify Hosting (scripts/hosting.sh)
  8) Run the demo app here against the stack (npm run start:aws)
  q) Quit
MENU
}

run() {
  if ! "$@"; then
    printf 'failed: %s\n' "$*" >&2
  fi
}

while true; do
  menu
  printf 'Choice: '
  read -r choice || exit 0
  case "$choice" in
    1) run scripts/deploy-api.sh "$env_name" ;;
    2) run scripts/outputs.sh "$env_name" ;;
    3) run scripts/delete-api.sh "$env_name" ;;
    4) run scripts/create-all.sh "$env_name" ;;
    5) run scripts/delete-all.sh "$env_name" ;;
    6)
      printf 'Environment (parameters file name): '
      read -r env_name || exit 0
      ;;
    7)
      repository="${AMPLIFY_REPOSITORY:-}"
      if [ -z "$repository" ]; then
        printf 'Git repository URL (https://github.com/<owner>/<repo>): '
        read -r repository || exit 0
      fi
      run scripts/hosting.sh "$env_name" --repository "$repository"
      ;;
    8) run scripts/start-aws.sh "$env_name" ;;
    q | Q) exit 0 ;;
    *) printf 'Unknown choice: %s\n' "$choice" ;;
  esac
done
