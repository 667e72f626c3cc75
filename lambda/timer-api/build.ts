// Builds the Timer Lambda into dist/timer-api/index.mjs: one ES module with the core, ajv and the
// contract inside, and the AWS SDK v3 left out, because the Node.js runtime provides it
// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html#nodejs-sdk-included). Too big
// for CloudFormation's inline ZipFile (4 KB), it is uploaded by `aws cloudformation package`
// (scripts/deploy-api.sh), which zips this folder: the template's Code points here.
import { build, type Plugin } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../openapi/spec.ts';
import { LAMBDA_RUNTIME } from '../cors-preflight/build.ts';
import { TIMER_LAMBDA_DIR, TIMER_LAMBDA_FILE } from '../../tools/paths.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const handlerEntry = join(here, 'handler.ts');

/** The contract, parsed now, in place of the module that reads it from disk at run time. */
const inlineSpec: Plugin = {
  name: 'inline-spec',
  setup(setup) {
    setup.onLoad({ filter: /[\\/]lambda[\\/]timer-api[\\/]spec-document\.ts$/ }, () => ({
      contents: `export function specDocument() { return ${JSON.stringify(loadSpec())}; }`,
      loader: 'js',
    }));
  },
};

export async function bundleTimerHandler(): Promise<string> {
  const result = await build({
    entryPoints: [handlerEntry],
    bundle: true,
    platform: 'node',
    target: `node${LAMBDA_RUNTIME.replace(/^nodejs(\d+)\.x$/, '$1')}`,
    format: 'esm',
    external: ['@aws-sdk/*'],
    plugins: [inlineSpec],
    // ajv-formats and the yaml reader are CommonJS: give the ES module a require to call.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    minify: true,
    legalComments: 'none',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const code = await bundleTimerHandler();
  // The folder is the artifact: nothing else may end up in the zip.
  rmSync(TIMER_LAMBDA_DIR, { recursive: true, force: true });
  mkdirSync(TIMER_LAMBDA_DIR, { recursive: true });
  writeFileSync(TIMER_LAMBDA_FILE, code);
  console.log(`wrote ${TIMER_LAMBDA_FILE} (${Buffer.byteLength(code)} bytes)`);
}
