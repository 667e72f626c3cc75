// The local stack: cognito-local, the reference Timer server, the local gateway (from the
// template) and the demo app, all on 127.0.0.1. `npm start` (local/main.ts) and the e2e suite
// both start it through startLocalStack().
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startCognitoLocal } from './cognito/cognito-local.ts';
import { seedCognito, type Seeded, type TokenLifetimes } from './cognito/seed.ts';
import { loadParameters } from '../cfn-lib/cfn-yaml.ts';
import { offlineConfig, serializeConfig, type RuntimeConfig } from '../scripts/runtime-config.ts';
import { assertPortFree, freePort, startProcess, type Managed } from './processes.ts';
import {
  dynaliteRecipe,
  gatewayRecipe,
  listeningUrl,
  timerServerRecipe,
} from './server-recipes.ts';
import { CORS_LAMBDA_FILE, LOCAL_PARAMETERS_FILE, ROOT } from '../tools/paths.ts';

export interface StackPorts {
  cognito: number;
  timer: number;
  gateway: number;
  app: number;
}

export const DEFAULT_PORTS: StackPorts = { cognito: 9229, timer: 3100, gateway: 3000, app: 4200 };

export interface LocalStackOptions {
  ports?: Partial<StackPorts>;
  cognitoDataDir?: string;
  /** Timer store: default the server's own file, `local/data/timer.sqlite` (gitignored), so timers survive restarts. */
  timerDb?: string;
  /** Start `ng serve demo` (default: when src/main.ts exists). */
  app?: boolean;
  tokenLifetimes?: TokenLifetimes;
  /** Where to write the demo app's runtime config (default public/config.json; false = none). */
  configFile?: string | false;
  /**
   * Extra allowed origins (the app's own origin is always allowed): the gateway's CORS origins, and
   * the origins the local Cognito accepts passkeys from (those on localhost, its relying party).
   */
  allowedOrigins?: string[];
  /**
   * 'reference' (default): the Timer server behind the gateway's HTTP integration. 'lambda': the
   * template's built-in backend, the Timer Lambda run by the gateway on a dynalite table (in
   * memory), dynalite listening on the `timer` port.
   */
  backend?: 'reference' | 'lambda';
  /** The gateway's access log: one JSON line per request appended to this file (default none). */
  gatewayAccessLog?: string;
  /** Echo every child's output (default: only our own servers' stderr, where they log). */
  echo?: boolean;
  /** Aborting stops whatever has started so far and rejects. */
  signal?: AbortSignal;
}

/** The seeded pool, app client and users (Seeded), and what runs. */
export interface LocalStack extends Seeded {
  /** `timer`: the Timer server, or in Lambda mode dynalite, the Timer Lambda's table. */
  urls: { cognito: string; timer: string; gateway: string; app?: string };
  backend: 'reference' | 'lambda';
  issuer: string;
  /** The demo app's runtime config for this stack (what `configFile` holds). */
  config: RuntimeConfig;
  /** cognito-local's data dir: its `.cognito/db/<poolId>.json` holds the codes it "sends". */
  cognitoDataDir: string;
  /** Process group ids of the children, by name as in `urls` (each child leads its own group). */
  pids: { cognito: number; timer: number; gateway: number; app?: number };
  /** Settles with a message when a child of ours exits on its own after start-up. */
  crashed: Promise<string>;
  /**
   * Stops the Timer server, runs `during`, then starts it again on the same port with the same
   * flags, even when `during` throws, so the stack stays usable (a `:memory:` store starts empty).
   * The e2e suite shows the app with the API's backend down this way.
   */
  withTimerDown(during: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

const node = process.execPath;

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const withApp = options.app ?? existsSync(join(ROOT, 'src', 'main.ts'));
  for (const [what, port] of Object.entries(ports) as [keyof StackPorts, number][]) {
    if (port !== 0 && (what !== 'app' || withApp)) await assertPortFree(port, what);
  }
  if (!existsSync(CORS_LAMBDA_FILE))
    throw new Error(`${CORS_LAMBDA_FILE} is missing: run npm run build:lambda`);

  const running: { stop(): Promise<void> }[] = [];
  // Filled in as each child starts; withTimerDown updates `timer` in place for the returned stack.
  const pids: LocalStack['pids'] = { cognito: 0, timer: 0, gateway: 0 };
  const crashes: Promise<string>[] = [];
  const stop = async () => {
    // Reverse start order: the app and gateway go before what they call.
    for (const r of running.reverse()) await r.stop();
    running.length = 0;
  };
  try {
    const parameters = loadParameters(LOCAL_PARAMETERS_FILE);
    const parameter = (key: string) =>
      parameters.find((p) => p.ParameterKey === key)?.ParameterValue ?? '';
    // The template's local parameters allow the default app port; another app port is allowed
    // instead, so the gateway never allows an origin nothing serves.
    if (withApp && ports.app === 0) ports.app = await freePort();
    const templateOrigins = parameter('AllowedOrigins').split(',').filter(Boolean);
    const appOrigins =
      withApp && ports.app !== DEFAULT_PORTS.app
        ? [`http://localhost:${ports.app}`, `http://127.0.0.1:${ports.app}`]
        : templateOrigins;
    const allowedOrigins = [...appOrigins, ...(options.allowedOrigins ?? [])];

    const cognitoDataDir = options.cognitoDataDir ?? join(ROOT, 'local', 'data', 'cognito');
    const cognito = await startCognitoLocal({
      port: ports.cognito,
      dataDir: cognitoDataDir,
      // Passkeys are accepted from the origins the app is served on (those on localhost: browsers
      // refuse WebAuthn on an IP address).
      webAuthnOrigins: allowedOrigins,
      echo: options.echo,
      signal: options.signal,
    });
    running.push(cognito);
    pids.cognito = cognito.pid;
    options.signal?.throwIfAborted();
    const seeded = await seedCognito(cognito.endpoint, { tokenLifetimes: options.tokenLifetimes });
    options.signal?.throwIfAborted();
    const issuer = `${cognito.endpoint}/${seeded.userPoolId}`;

    // The second fence: the Timer server checks the same tokens as the gateway's authorizer
    // (issuer, app client, the route's scopes from the template's parameters).
    const scopes = parameter('AuthorizationScopes');
    const backend = options.backend ?? 'reference';
    const accepted = { issuer, audience: seeded.userPoolClientId };
    const ours = { echo: options.echo || 'stderr', signal: options.signal } as const;
    // Lambda mode: the gateway runs the Timer Lambda itself; its table lives in dynalite.
    const timerRecipe = (port: number) =>
      backend === 'lambda'
        ? dynaliteRecipe({ port }, ours)
        : timerServerRecipe({ port, db: options.timerDb, auth: { ...accepted, scopes } }, ours);
    let timer: Managed = await startProcess(timerRecipe(ports.timer));
    // Whichever Timer server runs at stop time (withTimerDown replaces it); crashed watches the first.
    running.push({ stop: () => timer.stop() });
    pids.timer = timer.child.pid!;
    crashes.push(timer.crashed);
    const timerUrl = listeningUrl(timer);
    const withTimerDown = async (during: () => Promise<void>) => {
      await timer.stop();
      try {
        await during();
      } finally {
        timer = await startProcess(timerRecipe(Number(new URL(timerUrl).port)));
        pids.timer = timer.child.pid!;
      }
    };

    const gateway = await startProcess(
      gatewayRecipe(
        {
          port: ports.gateway,
          auth: accepted,
          allowedOrigins,
          backend: backend === 'lambda' ? { lambdaTable: timerUrl } : { upstream: timerUrl },
          accessLog: options.gatewayAccessLog,
        },
        ours,
      ),
    );
    running.push(gateway);
    pids.gateway = gateway.child.pid!;
    crashes.push(gateway.crashed);
    const gatewayUrl = listeningUrl(gateway);

    const config = offlineConfig({
      apiUrl: gatewayUrl,
      userPoolId: seeded.userPoolId,
      userPoolClientId: seeded.userPoolClientId,
      cognitoEndpoint: cognito.endpoint,
    });
    const configFile = options.configFile ?? join(ROOT, 'public', 'config.json');
    if (configFile !== false) {
      mkdirSync(dirname(configFile), { recursive: true });
      writeFileSync(configFile, serializeConfig(config));
    }

    let appUrl: string | undefined;
    if (withApp) {
      const app = await startProcess({
        name: 'demo-app',
        command: node,
        args: [
          join(ROOT, 'node_modules', '@angular', 'cli', 'bin', 'ng.js'),
          'serve',
          'demo',
          '--host',
          '127.0.0.1',
          '--port',
          String(ports.app),
        ],
        cwd: ROOT,
        ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/,
        timeoutMs: 240_000,
        echo: options.echo,
        signal: options.signal,
        env: { NG_CLI_ANALYTICS: 'false' },
      });
      running.push(app);
      pids.app = app.child.pid!;
      crashes.push(app.crashed);
      appUrl = app.ready[1].replace(/\/$/, '');
    }

    return {
      urls: { cognito: cognito.endpoint, timer: timerUrl, gateway: gatewayUrl, app: appUrl },
      backend,
      issuer,
      ...seeded,
      config,
      cognitoDataDir,
      pids,
      crashed: Promise.race(crashes),
      withTimerDown,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function formatTable(stack: LocalStack): string {
  // Browsers refuse passkeys on an IP address; the local relying party is localhost.
  const passkeyUrl = stack.urls.app?.replace('//127.0.0.1:', '//localhost:');
  const passkeyRows: [string, string][] = passkeyUrl ? [['  with passkeys', passkeyUrl]] : [];
  const rows: [string, string][] = [
    ['demo app', stack.urls.app ?? '(not started: no src/main.ts)'],
    ...passkeyRows,
    ['API (local gateway)', stack.urls.gateway],
    stack.backend === 'lambda'
      ? ['Timer Lambda table (dynalite)', stack.urls.timer]
      : ['Timer server (upstream)', stack.urls.timer],
    ['cognito-local', stack.urls.cognito],
    ['issuer', stack.issuer],
    ['user pool id', stack.userPoolId],
    ['app client id', stack.userPoolClientId],
    ['demo username', stack.credentials.username],
    ['demo password', stack.credentials.password],
    ['second username', stack.otherCredentials.username],
    ['second password', stack.otherCredentials.password],
    ['new-password username', stack.newPasswordCredentials.username],
    ['temporary password', stack.newPasswordCredentials.temporaryPassword],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}
