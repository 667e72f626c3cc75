// A stand-in `aws` for tests: placed first on PATH, it records each call's argv and replays
// canned answers, so the scripts run for real without reaching AWS. What must persist between
// calls (the stack's parameters, Amplify apps and branches) lives in fake-aws-model.ts.
// `aws --version` answers as AWS CLI v2 does (FAKE_AWS_CLI_VERSION changes the version) and is not
// recorded: it asks the CLI, not AWS. Failures of `sts get-caller-identity` follow the CLI's
// return codes (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html):
// FAKE_AWS_NO_CREDENTIALS, 253 (configuration or credentials missing); FAKE_AWS_NO_NETWORK, 255
// with botocore's "Could not connect to the endpoint URL" message.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../tools/paths.ts';
import type { FakeAwsState } from './fake-aws-model.ts';

export const FAKE_ACCOUNT_ID = '123456789012';

const FAKE_AWS = `#!/bin/sh
if [ "$1" = --version ]; then
  echo "aws-cli/\${FAKE_AWS_CLI_VERSION:-2.27.50} Python/3.13.4 Linux/6.1.0 exe/x86_64.debian.12"
  exit 0
fi
{ printf '%s\\n' '--- call'; for arg in "$@"; do printf '%s\\n' "$arg"; done; } >>"$FAKE_AWS_LOG"
case "$1 $2" in
  "sts get-caller-identity")
    if [ -n "\${FAKE_AWS_NO_CREDENTIALS:-}" ]; then
      echo 'Unable to locate credentials. You can configure credentials by running "aws configure".' >&2
      exit 253
    fi
    if [ -n "\${FAKE_AWS_NO_NETWORK:-}" ]; then
      printf '\\nCould not connect to the endpoint URL: "https://sts.eu-west-1.amazonaws.com/"\\n' >&2
      exit 255
    fi
    printf '%s\\t%s\\t%s\\n' ${FAKE_ACCOUNT_ID} 'arn:aws:iam::${FAKE_ACCOUNT_ID}:user/dev' AIDAEXAMPLE ;;
  "cloudformation describe-stacks")
    if [ -n "\${FAKE_AWS_NO_STACK:-}" ]; then
      echo 'An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id x does not exist' >&2
      exit 254
    fi
    case " $* " in
      *" Stacks[0].Outputs "*) cat "$FAKE_AWS_OUTPUTS" ;;
      *) exec "$FAKE_AWS_NODE" "$FAKE_AWS_MODEL" "$@" ;;
    esac ;;
  "cloudformation deploy")
    "$FAKE_AWS_NODE" "$FAKE_AWS_MODEL" "$@" || exit
    printf '\\nWaiting for changeset to be created..\\nSuccessfully created/updated stack\\n' ;;
  "cloudformation package")
    exec "$FAKE_AWS_NODE" "$FAKE_AWS_MODEL" "$@" ;;
  "amplify "*)
    exec "$FAKE_AWS_NODE" "$FAKE_AWS_MODEL" "$@" ;;
esac
`;

export interface Sandbox {
  dir: string;
  bin: string;
  log: string;
  outputs: string;
  parameters: string;
  config: string;
  state: string;
  env: Record<string, string>;
  calls(): Promise<string[][]>;
  /** The fake's model of what exists on AWS now. */
  model(): Promise<FakeAwsState>;
  cleanup(): Promise<void>;
}

export const PARAMETERS = [
  { ParameterKey: 'App', ParameterValue: 'demo' },
  { ParameterKey: 'Env', ParameterValue: 'test' },
  { ParameterKey: 'Name', ParameterValue: 'timer' },
  { ParameterKey: 'UserPoolID', ParameterValue: 'eu-west-1_AbC123' },
  { ParameterKey: 'AppClientID', ParameterValue: 'client123' },
  {
    ParameterKey: 'AllowedOrigins',
    ParameterValue: 'https://app.example.com,http://localhost:4200',
  },
  { ParameterKey: 'BackendUrl', ParameterValue: 'https://timer.example.com' },
];

export const OUTPUTS = [
  { OutputKey: 'ApiId', OutputValue: 'a1b2c3d4e5', ExportName: 'demo-test-timerID' },
  {
    OutputKey: 'ApiEndpoint',
    OutputValue: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
    ExportName: 'demo-test-timerEndpoint',
  },
  { OutputKey: 'Region', OutputValue: 'eu-west-1' },
  { OutputKey: 'UserPoolID', OutputValue: 'eu-west-1_AbC123' },
  { OutputKey: 'AppClientID', OutputValue: 'client123' },
  // A given pool (the parameters above name one): the stack has not set up choice-based sign-in.
  { OutputKey: 'ChoiceBasedSignIn', OutputValue: 'false' },
];

/** Tools the scripts may use; a PATH of only these proves they need nothing else. */
const TOOLS = ['bash', 'sh', 'dirname', 'basename', 'mktemp', 'rm', 'cat'];

async function which(tool: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('sh', ['-c', `command -v ${tool}`], (error, stdout) =>
      error ? reject(error) : resolve(stdout.trim()),
    ),
  );
}

export async function sandbox(options: { withAws?: boolean } = {}): Promise<Sandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'stack-scripts-'));
  const bin = join(dir, 'bin');
  await mkdir(bin);
  for (const tool of TOOLS) await symlink(await which(tool), join(bin, tool));
  if (options.withAws ?? true) {
    await writeFile(join(bin, 'aws'), FAKE_AWS);
    await chmod(join(bin, 'aws'), 0o755);
  }
  const box = {
    dir,
    bin,
    log: join(dir, 'aws-calls.log'),
    outputs: join(dir, 'outputs.json'),
    parameters: join(dir, 'parameters.json'),
    config: join(dir, 'public', 'config.json'),
    state: join(dir, 'aws-state.json'),
  };
  const initial: FakeAwsState = {
    parameters: PARAMETERS,
    apps: [],
    branches: [],
    jobs: [],
    stacks: {},
    objects: [],
  };
  await writeFile(box.state, JSON.stringify(initial));
  await writeFile(box.log, '');
  await writeFile(box.outputs, JSON.stringify(OUTPUTS, null, 2));
  await writeFile(box.parameters, JSON.stringify(PARAMETERS));
  return {
    ...box,
    env: {
      PATH: bin,
      HOME: dir,
      FAKE_AWS_NODE: process.execPath,
      FAKE_AWS_LOG: box.log,
      FAKE_AWS_OUTPUTS: box.outputs,
      PARAMETERS_FILE: box.parameters,
      CONFIG_FILE: box.config,
      FAKE_AWS_MODEL: join(ROOT, 'scripts', 'fake-aws-model.ts'),
      FAKE_AWS_STATE: box.state,
    },
    async calls() {
      const text = await readFile(box.log, 'utf8');
      return text
        .split('--- call\n')
        .filter((chunk) => chunk !== '')
        .map((chunk) => chunk.replace(/\n$/, '').split('\n'));
    },
    model: async () => JSON.parse(await readFile(box.state, 'utf8')) as FakeAwsState,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A parameters file whose UserPoolID and AppClientID are still the example's placeholders. */
export async function placeholderParameters(dir: string): Promise<string> {
  const file = join(dir, 'placeholders.json');
  const placeholders: Record<string, string> = {
    UserPoolID: 'us-east-1_CHANGEME',
    AppClientID: 'CHANGEME',
  };
  await writeFile(
    file,
    JSON.stringify(
      PARAMETERS.map((p) => ({
        ...p,
        ParameterValue: placeholders[p.ParameterKey] ?? p.ParameterValue,
      })),
    ),
  );
  return file;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      join(ROOT, script),
      args,
      { env, cwd: ROOT, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    // A script that exits without reading its input closes the pipe first (EPIPE): what it did is
    // in its exit code and output, which the caller asserts.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}
