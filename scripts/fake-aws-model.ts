// The stateful part of the test stand-in `aws` (scripts/fake-aws.ts): the deployed stack's
// parameters and the Amplify apps, branches and jobs, kept in $FAKE_AWS_STATE between calls so a
// script run twice sees what its first run did. Shapes and errors follow AWS's documentation:
//   CloudFormation deploy: https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cloudformation/deploy.html
//     ("If you don't specify a parameter, the command uses the stack's existing value")
//   Amplify App/Branch/Job: https://docs.aws.amazon.com/amplify/latest/APIReference/API_App.html,
//     API_Branch.html, API_CreateApp.html, API_UpdateApp.html, API_CreateBranch.html,
//     API_UpdateBranch.html, API_GetBranch.html, API_StartJob.html
//   errors: "An error occurred (Code) when calling the Op operation: …" on stderr, exit 254
//     (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html)
//   a parameter value `file://path` is the content of that file, taken as is
//     (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-file.html)
//   CloudFormation package: local paths of packageable properties are uploaded to --s3-bucket
//     under the MD5 of their content and replaced with S3Bucket/S3Key; a missing path or bucket
//     fails (https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cloudformation/package.html)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadTemplate } from '../cfn-lib/cfn-yaml.ts';

interface StackParameter {
  ParameterKey: string;
  ParameterValue: string;
}
interface App {
  appId: string;
  name: string;
  repository: string;
  platform: string;
  defaultDomain: string;
  customRules: unknown[];
  customHeaders: string;
  /** Amplify never returns a token; the fake keeps only its hash, for tests to check it arrived. */
  tokenSha256?: string;
}
interface Branch {
  appId: string;
  branchName: string;
  enableAutoBuild: boolean;
  environmentVariables: Record<string, string>;
}
export interface FakeAwsState {
  parameters: StackParameter[];
  apps: App[];
  branches: Branch[];
  jobs: { appId: string; branchName: string; jobType: string }[];
  /** Stacks other than the API's (the artifacts bucket's), by name: their bucket. */
  stacks?: Record<string, { bucket: string }>;
  /** What `package` uploaded: bucket, key, and the files zipped. */
  objects?: { bucket: string; key: string; files: string[] }[];
}

const statePath = process.env['FAKE_AWS_STATE']!;
const state = JSON.parse(readFileSync(statePath, 'utf8')) as FakeAwsState;
const [service, command, ...rest] = process.argv.slice(2);

function option(name: string): string | undefined {
  const at = rest.indexOf(name);
  return at < 0 ? undefined : rest[at + 1];
}

function fail(code: string, operation: string, message: string): never {
  process.stderr.write(
    `\nAn error occurred (${code}) when calling the ${operation} operation: ${message}\n`,
  );
  process.exit(254);
}

/** A parameter's value; `file:///dev/stdin` reads the pipe, which is how a secret stays out of argv. */
function value(name: string): string | undefined {
  const raw = option(name);
  if (!raw?.startsWith('file://')) return raw;
  const path = raw.slice('file://'.length);
  return readFileSync(path === '/dev/stdin' ? 0 : path, 'utf8');
}

function publicApp({ tokenSha256: _, ...app }: App) {
  return { ...app, appArn: `arn:aws:amplify:eu-west-1:123456789012:apps/${app.appId}` };
}

function appFromArgs(app: Partial<App>): App {
  const next = { ...app } as App;
  const rules = value('--custom-rules');
  if (rules !== undefined) next.customRules = JSON.parse(rules) as unknown[];
  for (const [key, flag] of [
    ['name', '--name'],
    ['repository', '--repository'],
    ['platform', '--platform'],
    ['customHeaders', '--custom-headers'],
  ] as const) {
    const given = value(flag);
    if (given !== undefined) next[key] = given;
  }
  const token = value('--access-token') ?? value('--oauth-token');
  if (token) next.tokenSha256 = createHash('sha256').update(token).digest('hex');
  return next;
}

function findApp(operation: string): App {
  const app = state.apps.find((a) => a.appId === option('--app-id'));
  return app ?? fail('NotFoundException', operation, `App ${option('--app-id')} not found.`);
}

/** The app's branch named by --branch-name, or the NotFoundException Amplify answers. */
function findBranch(operation: string): Branch {
  const app = findApp(operation);
  const branch = state.branches.find(
    (b) => b.appId === app.appId && b.branchName === option('--branch-name'),
  );
  return branch ?? fail('NotFoundException', operation, 'Branch not found.');
}

function branchFromArgs(branch: Branch): Branch {
  const env = option('--environment-variables');
  if (env !== undefined) branch.environmentVariables = JSON.parse(env) as Record<string, string>;
  if (rest.includes('--enable-auto-build')) branch.enableAutoBuild = true;
  if (rest.includes('--no-enable-auto-build')) branch.enableAutoBuild = false;
  return branch;
}

const publicBranch = ({ appId: _, ...branch }: Branch) => ({ ...branch, stage: 'PRODUCTION' });

/** Files under a path, sorted: what `package` zips. */
function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

function packageTemplate(): void {
  const templateFile = option('--template-file')!;
  const bucket = option('--s3-bucket')!;
  const known = Object.values(state.stacks ?? {}).some((s) => s.bucket === bucket);
  if (!known) fail('NoSuchBucket', 'PutObject', 'The specified bucket does not exist');
  const template = loadTemplate(templateFile);
  for (const [id, resource] of Object.entries(template.Resources)) {
    const code = resource.Properties?.['Code'];
    if (resource.Type !== 'AWS::Lambda::Function' || typeof code !== 'string') continue;
    const path = resolve(dirname(templateFile), code);
    let files: string[];
    try {
      files = filesOf(path);
    } catch {
      process.stderr.write(
        `\nUnable to upload artifact ${code} referenced by Code parameter of ${id} resource.\nParameter Code of resource ${id} refers to a file or folder that does not exist ${path}\n`,
      );
      process.exit(255);
    }
    const md5 = createHash('md5');
    for (const file of files) md5.update(readFileSync(file));
    const key = md5.digest('hex');
    state.objects = [...(state.objects ?? []), { bucket, key, files }];
    resource.Properties!['Code'] = { S3Bucket: bucket, S3Key: key };
  }
  writeFileSync(option('--output-template-file')!, JSON.stringify(template, null, 2));
}

/** Deploy refuses what package should have replaced: Code given as a path. */
function assertPackaged(templateFile: string): void {
  const template = loadTemplate(templateFile);
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (
      resource.Type === 'AWS::Lambda::Function' &&
      typeof resource.Properties?.['Code'] === 'string'
    ) {
      fail(
        'ValidationError',
        'CreateChangeSet',
        `Template format error: Properties validation failed for resource ${id} with message: #/Code: expected type: JSONObject, found: String`,
      );
    }
  }
}

let answer: unknown;
switch (`${service} ${command}`) {
  case 'cloudformation package':
    packageTemplate();
    break;
  case 'cloudformation deploy': {
    const name = option('--stack-name')!;
    if (name.endsWith('-artifacts')) {
      state.stacks = { ...state.stacks, [name]: { bucket: `${name}-artifactbucket-1a2b3c4d5e6f` } };
      break;
    }
    assertPackaged(option('--template-file')!);
    const start = rest.indexOf('--parameter-overrides') + 1;
    const end = rest.findIndex((arg, i) => i >= start && arg.startsWith('--'));
    for (const pair of rest.slice(start, end < 0 ? undefined : end)) {
      const [key, ...value] = pair.split('=');
      const existing = state.parameters.find((p) => p.ParameterKey === key);
      if (existing) existing.ParameterValue = value.join('=');
      else state.parameters.push({ ParameterKey: key!, ParameterValue: value.join('=') });
    }
    break;
  }
  case 'cloudformation describe-stacks': {
    const name = option('--stack-name')!;
    if (name.endsWith('-artifacts')) {
      const bucket = state.stacks?.[name]?.bucket;
      if (!bucket)
        fail('ValidationError', 'DescribeStacks', `Stack with id ${name} does not exist`);
      process.stdout.write(`${bucket}\n`);
      break;
    }
    const outputs = JSON.parse(readFileSync(process.env['FAKE_AWS_OUTPUTS']!, 'utf8')) as unknown;
    const stack = {
      StackName: option('--stack-name'),
      Parameters: state.parameters,
      Outputs: outputs,
    };
    const query = option('--query');
    answer =
      query === 'Stacks[0].Parameters'
        ? state.parameters
        : query === 'Stacks[0]'
          ? stack
          : { Stacks: [stack] };
    break;
  }
  case 'amplify list-apps':
    answer = { apps: state.apps.map(publicApp) };
    break;
  case 'amplify create-app': {
    const appId = `d${String(state.apps.length + 1).padStart(13, '0')}`;
    const app = appFromArgs({
      appId,
      defaultDomain: `${appId}.amplifyapp.com`,
      customRules: [],
      customHeaders: '',
      platform: 'WEB',
    });
    state.apps.push(app);
    answer = { app: publicApp(app) };
    break;
  }
  case 'amplify update-app': {
    const app = findApp('UpdateApp');
    Object.assign(app, appFromArgs(app));
    answer = { app: publicApp(app) };
    break;
  }
  case 'amplify get-branch':
    answer = { branch: publicBranch(findBranch('GetBranch')) };
    break;
  case 'amplify create-branch': {
    const app = findApp('CreateBranch');
    const branchName = option('--branch-name')!;
    if (state.branches.some((b) => b.appId === app.appId && b.branchName === branchName)) {
      fail('BadRequestException', 'CreateBranch', `Branch ${branchName} already exists.`);
    }
    const branch = branchFromArgs({
      appId: app.appId,
      branchName,
      enableAutoBuild: false,
      environmentVariables: {},
    });
    state.branches.push(branch);
    answer = { branch: publicBranch(branch) };
    break;
  }
  case 'amplify update-branch':
    answer = { branch: publicBranch(branchFromArgs(findBranch('UpdateBranch'))) };
    break;
  case 'amplify start-job': {
    const app = findApp('StartJob');
    const job = {
      appId: app.appId,
      branchName: option('--branch-name')!,
      jobType: option('--job-type')!,
    };
    state.jobs.push(job);
    answer = {
      jobSummary: { jobId: String(state.jobs.length), status: 'PENDING', jobType: job.jobType },
    };
    break;
  }
  default:
    fail('InvalidCommand', `${service} ${command}`, 'the fake does not model this call');
}
writeFileSync(statePath, JSON.stringify(state, null, 2));
if (answer !== undefined) process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
