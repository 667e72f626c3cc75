// The JSON work behind scripts/hosting.sh (no jq needed). Files are AWS CLI answers:
//   app-plan <stack.json> <list-apps.json> <name> <repository>
//       prints "create", or "<same|update|update-repository> <appId> <defaultDomain>"
//   app-files <stack.json> <dir>    writes the app's custom-rules.json and custom-headers.yml
//                                   there, for `--custom-rules file://…` and `--custom-headers file://…`
//   token-option <repository>       --access-token (GitHub) or --oauth-token (others)
//   app-id-domain <create-or-update-answer.json>   prints "<appId> <defaultDomain>"
//   branch-environment <stack.json>                the branch's variables as one JSON line
//   branch-plan <get-branch.json> <stack.json>     prints "same" or "update"
//   origin <stack.json> <params.json> <origin>
//       adds origin to AllowedOrigins in the parameters file if missing; prints "deploy" when the
//       deployed stack lacks it, else "deployed"
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appDifferences,
  branchEnvironment,
  checkBranch,
  checkRepository,
  desiredApp,
  sameEnvironment,
  tokenField,
  withOrigin,
  type AppSettings,
  type StackDescription,
} from './hosting.ts';
import { exitOnError } from './exit-on-error.ts';

interface App extends Partial<AppSettings> {
  appId: string;
  defaultDomain: string;
}

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const out = (line: string) => process.stdout.write(`${line}\n`);
const parameter = (list: StackDescription['Parameters'], key: string) =>
  list?.find((p) => p.ParameterKey === key)?.ParameterValue ?? '';

const [command, ...args] = process.argv.slice(2);
exitOnError(() => {
  switch (command) {
    case 'app-plan': {
      const [stack, apps, name, repository] = args as [string, string, string, string];
      const desired = desiredApp(name, repository, read(stack));
      const matches = read<{ apps: App[] }>(apps).apps.filter((app) => app.name === name);
      if (matches.length > 1) throw new Error(`more than one Amplify app is named ${name}`);
      const app = matches[0];
      if (!app) {
        out('create');
        break;
      }
      const differences = appDifferences(app, desired);
      const action = differences.includes('repository')
        ? 'update-repository'
        : differences.length > 0
          ? 'update'
          : 'same';
      out(`${action} ${app.appId} ${app.defaultDomain}`);
      break;
    }
    case 'app-files': {
      const [stack, dir] = args as [string, string];
      const desired = desiredApp('', 'https://example.com', read(stack));
      writeFileSync(join(dir, 'custom-rules.json'), JSON.stringify(desired.customRules));
      writeFileSync(join(dir, 'custom-headers.yml'), desired.customHeaders);
      break;
    }
    case 'token-option':
      out(
        tokenField(checkRepository(args[0]!)) === 'accessToken'
          ? '--access-token'
          : '--oauth-token',
      );
      break;
    case 'app-id-domain': {
      const { app } = read<{ app: App }>(args[0]!);
      out(`${app.appId} ${app.defaultDomain}`);
      break;
    }
    case 'branch-environment':
      out(JSON.stringify(branchEnvironment(read(args[0]!))));
      break;
    case 'branch-plan': {
      const { branch } = read<{
        branch: { environmentVariables?: Record<string, string>; enableAutoBuild?: boolean };
      }>(args[0]!);
      const same =
        branch.enableAutoBuild === true &&
        sameEnvironment(branch.environmentVariables, branchEnvironment(read(args[1]!)));
      out(same ? 'same' : 'update');
      break;
    }
    case 'check-branch':
      checkBranch(args[0]!);
      break;
    case 'origin': {
      const [stack, paramsFile, origin] = args as [string, string, string];
      const deployed = parameter(read<StackDescription>(stack).Parameters, 'AllowedOrigins');
      const params = read<NonNullable<StackDescription['Parameters']>>(paramsFile);
      const entry = params.find((p) => p.ParameterKey === 'AllowedOrigins');
      if (!entry) throw new Error(`${paramsFile} has no AllowedOrigins parameter`);
      const updated = withOrigin(entry.ParameterValue, origin);
      if (updated !== entry.ParameterValue) {
        entry.ParameterValue = updated;
        writeFileSync(paramsFile, `${JSON.stringify(params, null, 2)}\n`);
        process.stderr.write(`Added ${origin} to AllowedOrigins in ${paramsFile}\n`);
      }
      out(withOrigin(deployed, origin) === deployed ? 'deployed' : 'deploy');
      break;
    }
    default:
      throw new Error(`unknown command "${command}"`);
  }
});
