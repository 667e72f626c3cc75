// Builds the handler into one dependency-free file. `dist/cors-preflight/index.mjs` (ESM) is the
// artifact the local gateway imports; the CommonJS form is what `npm run embed:lambda` puts in the
// template, since CloudFormation's inline `ZipFile` needs it, because AWS writes inline Node.js code to `index.js`
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-function-code.html).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORS_LAMBDA_FILE } from '../../tools/paths.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const handlerEntry = join(here, 'handler.ts');
/** The Lambda runtime the template declares; esbuild targets the same Node major. */
export const LAMBDA_RUNTIME = 'nodejs24.x';

export async function bundleHandler(format: 'esm' | 'cjs'): Promise<string> {
  const result = await build({
    entryPoints: [handlerEntry],
    bundle: true,
    platform: 'node',
    target: `node${LAMBDA_RUNTIME.replace(/^nodejs(\d+)\.x$/, '$1')}`,
    format,
    minify: true,
    legalComments: 'none',
    write: false,
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const code = await bundleHandler('esm');
  mkdirSync(dirname(CORS_LAMBDA_FILE), { recursive: true });
  writeFileSync(CORS_LAMBDA_FILE, code);
  console.log(`wrote ${CORS_LAMBDA_FILE} (${Buffer.byteLength(code)} bytes)`);
}
