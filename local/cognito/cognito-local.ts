// Starts cognito-local on 127.0.0.1. It keeps its data in `.cognito/` under its working directory,
// so the working directory is our (gitignored) data dir; its token issuer is
// http://HOST:PORT/<poolId>, which is why the port must be known before it starts.
// launch-cognito-local.ts is cognito-local's own start script plus the actions it lacks (refresh
// with rotation, choice-based sign-in, passkeys).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, type Managed } from '../processes.ts';
import { WEBAUTHN_ORIGINS_ENV } from './internals.ts';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), 'launch-cognito-local.ts');

export interface CognitoLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export async function startCognitoLocal(options: {
  port: number;
  dataDir: string;
  /**
   * Origins the app is served on: passkey ceremonies are accepted from those of them that belong to
   * the pool's relying party (web-authn.ts).
   */
  webAuthnOrigins?: readonly string[];
  echo?: boolean;
  signal?: AbortSignal;
}): Promise<CognitoLocal> {
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port === 0 ? await freePort() : options.port;
  const managed: Managed = await startProcess({
    name: 'cognito-local',
    command: process.execPath,
    args: [MAIN],
    cwd: options.dataDir,
    // Without DEBUG (which `DEBUG=1 npm start` sets to show every process's output) and its dev
    // mode: at debug level cognito-local logs its whole user store on every request, passwords
    // and refresh tokens included, and dev mode logs request bodies. At its info level it logs the
    // codes it "sends", which is what a developer needs from it.
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DEBUG: undefined,
      COGNITO_LOCAL_DEVMODE: undefined,
      [WEBAUTHN_ORIGINS_ENV]: (options.webAuthnOrigins ?? []).join(','),
    },
    ready: /Cognito Local running on http:\/\/127\.0\.0\.1:(\d+)/,
    timeoutMs: 30_000,
    echo: options.echo,
    signal: options.signal,
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    pid: managed.child.pid!,
    stop: managed.stop,
  };
}
