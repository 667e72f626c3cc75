// Benchmark 3: the CORS preflight Lambda (built artifact) vs the same handler on the `cors` package.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Bench } from 'tinybench';
import { CORS_LAMBDA_FILE } from '../tools/paths.ts';
import { median, nsPerOp, row, type BenchRow } from './lib/result.ts';

export const ARTIFACT = CORS_LAMBDA_FILE;
const BASELINE = fileURLToPath(new URL('./cors/cors-package-handler.mjs', import.meta.url));
const ENV = {
  ALLOWED_ORIGINS: 'http://localhost:4200,https://app.example.com',
  ALLOWED_METHODS: 'GET,HEAD,POST,PUT,PATCH,DELETE',
  ALLOWED_HEADERS: 'Authorization,Content-Type',
  MAX_AGE: '7200',
};
type Handler = (event: unknown) => Promise<{ statusCode: number; headers: object }>;

const preflight = {
  version: '2.0',
  routeKey: 'OPTIONS /{proxy+}',
  rawPath: '/tasks',
  headers: {
    origin: 'https://app.example.com',
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization,content-type',
  },
  requestContext: { http: { method: 'OPTIONS', path: '/tasks' } },
};

/** Milliseconds to import `file` in a fresh Node process (module load + config parse). */
function importTime(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...ENV },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return Number(out.trim());
}

async function bundledSize(file: string): Promise<number> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.contents.length ?? 0;
}

export async function corsBenchmarks(time: number): Promise<BenchRow[]> {
  if (!existsSync(ARTIFACT)) {
    console.warn(`skip CORS benchmarks: ${ARTIFACT} missing (npm run build:lambda)`);
    return [];
  }
  Object.assign(process.env, ENV);
  const ours = ((await import(pathToFileURL(ARTIFACT).href)) as { handler: Handler }).handler;
  const theirs = ((await import(pathToFileURL(BASELINE).href)) as { handler: Handler }).handler;
  for (const [who, handler] of [
    ['ours', ours],
    ['cors', theirs],
  ] as const) {
    const answer = await handler(preflight);
    if (answer.statusCode !== 204) throw new Error(`${who} handler refused the preflight`);
  }
  const bench = new Bench({ time, warmup: true });
  bench.add('ours', () => ours(preflight));
  bench.add('cors', () => theirs(preflight));
  await bench.run();
  const ns = (name: string) => nsPerOp(bench.getTask(name) ?? { name, result: {} });

  const oursImport: number[] = [];
  const corsImport: number[] = [];
  for (let i = 0; i < 15; i++) {
    oursImport.push(importTime(ARTIFACT));
    corsImport.push(importTime(BASELINE));
  }
  return [
    row('CORS preflight: handler vs cors-package handler', 'ns/preflight', ns('ours'), ns('cors')),
    row(
      'CORS preflight: artifact size vs cors-package bundle (min)',
      'bytes',
      statSync(ARTIFACT).size,
      await bundledSize(BASELINE),
    ),
    row(
      'CORS preflight: fresh-process import vs cors-package handler (median of 15)',
      'ms',
      median(oursImport),
      median(corsImport),
    ),
  ];
}
