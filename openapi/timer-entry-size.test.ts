// Keeps the timer entry within its budget: ≤ 2 KiB minified + gzipped, Angular/RxJS excluded,
// measured as an app's production build sees it (partial declarations linked, ngDevMode false).
// Needs the built library (npm test builds it first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { transformAsync } from '@babel/core'; // the Angular CLI's own linker runs on Babel
import linker from '@angular/compiler-cli/linker/babel';
import { build } from 'esbuild';

const BUDGET = 2048;
const BUNDLE = fileURLToPath(
  new URL('../dist/ngx-cognito-gateway/fesm2022/ngx-cognito-gateway-timer.mjs', import.meta.url),
);

async function timerEntrySize(): Promise<{ minified: number; gzipped: number }> {
  const linked = await transformAsync(readFileSync(BUNDLE, 'utf8'), {
    filename: BUNDLE,
    plugins: [linker],
    configFile: false,
    babelrc: false,
  });
  const result = await build({
    stdin: {
      contents: linked?.code ?? '',
      loader: 'js',
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['@angular/*', 'rxjs', 'rxjs/*', 'tslib'],
    define: { ngDevMode: 'false', ngJitMode: 'false' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

describe(
  'ngx-cognito-gateway/timer bundle size',
  { skip: !existsSync(BUNDLE) && 'run npm run build:lib first' },
  () => {
    it(`stays within ${BUDGET} bytes minified + gzipped`, async () => {
      const { minified, gzipped } = await timerEntrySize();
      assert.ok(minified > 1000, `suspiciously small (${minified} bytes): did the build change?`);
      assert.ok(
        gzipped <= BUDGET,
        `timer entry is ${gzipped} bytes min+gzip, over the ${BUDGET} budget`,
      );
    });
  },
);
