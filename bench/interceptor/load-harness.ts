// Builds harness.ts into a temporary ES module (linked, AOT, ngDevMode off) and imports it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { angularLinkerPlugin } from '../lib/consumer-bundle.ts';

export interface Harness {
  createCases(): {
    direct: Record<'floor' | 'ours' | 'angularJwt', () => void>;
    httpClient: Record<'floor' | 'ours' | 'angularJwt', () => void>;
    tokenFetches(): number;
  };
  warm(cases: ReturnType<Harness['createCases']>): Promise<void>;
  storm(
    count: number,
    expired: boolean,
  ): Promise<{ refreshes: number; sends: number; retries: number; failures: number }>;
}

export async function loadHarness(): Promise<Harness> {
  const result = await build({
    entryPoints: [new URL('./harness.angular.mts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    // Packages resolved as an app's production build resolves them: the `es2015` builds (RxJS's
    // ESM, not the CommonJS build that the `node` condition picks, whose re-export getters would
    // add a call to every RxJS import use). Nothing here needs a Node built-in module.
    platform: 'neutral',
    mainFields: ['es2015', 'module', 'main'],
    conditions: ['es2015', 'module'],
    write: false,
    define: process.env['BENCH_NG_DEV'] ? {} : { ngDevMode: 'false', ngJitMode: 'false' },
    plugins: [amplifyStub(), angularLinkerPlugin()],
    logLevel: 'silent',
  });
  const dir = await mkdtemp(join(tmpdir(), 'bench-interceptor-'));
  try {
    const file = join(dir, 'harness.mjs');
    await writeFile(file, result.outputFiles?.[0]?.text ?? '');
    return (await import(pathToFileURL(file).href)) as Harness;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The benchmarks replace the token source, so Amplify itself is never called; stub it out. The stub
 * names every export the library imports from Amplify (the bundle fails on a missing one, which
 * `bench/interceptor/load-harness.test.ts` catches in `npm test`).
 */
function amplifyStub(): Plugin {
  return {
    name: 'amplify-stub',
    setup(b) {
      b.onResolve({ filter: /^aws-amplify(\/|$)/ }, (args) => ({
        path: args.path,
        namespace: 'stub',
      }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
        contents: `export const fetchAuthSession = async () => ({});
          export const Hub = { listen: () => () => undefined };
          export const AUTH_KEY_PREFIX = 'CognitoIdentityServiceProvider';
          export const cognitoUserPoolsTokenProvider = { tokenOrchestrator: {} };`,
        loader: 'js',
      }));
    },
  };
}
