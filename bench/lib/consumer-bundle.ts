// Bundles code the way an application's production build sees the library: partial declarations
// (ɵɵngDeclare*) linked by the Angular linker on Babel, as the Angular CLI does, ngDevMode off.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformAsync } from '@babel/core';
import linker from '@angular/compiler-cli/linker/babel';
import { build, type Metafile, type Plugin } from 'esbuild';
import { LIBRARY_DIST } from '../../tools/paths.ts';

export const ENTRY_FILES: Record<string, string> = {
  'ngx-cognito-gateway': join(LIBRARY_DIST, 'fesm2022', 'ngx-cognito-gateway.mjs'),
  'ngx-cognito-gateway/timer': join(LIBRARY_DIST, 'fesm2022', 'ngx-cognito-gateway-timer.mjs'),
  'ngx-cognito-gateway/testing': join(LIBRARY_DIST, 'fesm2022', 'ngx-cognito-gateway-testing.mjs'),
};

/** Resolves the package to dist/ and runs the Angular linker on every partially compiled file. */
export function angularLinkerPlugin(): Plugin {
  return {
    name: 'angular-linker',
    setup(b) {
      b.onResolve({ filter: /^ngx-cognito-gateway(\/(timer|testing))?$/ }, (args) => ({
        path: ENTRY_FILES[args.path] ?? '',
      }));
      b.onLoad({ filter: /\.m?js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('ɵɵngDeclare')) return { contents: source, loader: 'js' };
        const linked = await transformAsync(source, {
          filename: args.path,
          plugins: [linker],
          configFile: false,
          babelrc: false,
          compact: false,
          sourceMaps: false,
        });
        return { contents: linked?.code ?? source, loader: 'js' };
      });
    },
  };
}

export interface ConsumerBundle {
  readonly code: string;
  readonly metafile: Metafile;
}

/** What a consumer ships for `contents` (an ES module importing the library), minified. */
export async function bundleConsumer(
  contents: string,
  options: { external?: string[]; minify?: boolean; platform?: 'browser' | 'node' } = {},
): Promise<ConsumerBundle> {
  const result = await build({
    stdin: { contents, loader: 'js', resolveDir: fileURLToPath(new URL('..', import.meta.url)) },
    bundle: true,
    minify: options.minify ?? true,
    format: 'esm',
    platform: options.platform ?? 'browser',
    write: false,
    metafile: true,
    external: options.external ?? [],
    define: { ngDevMode: 'false', ngJitMode: 'false' },
    plugins: [angularLinkerPlugin()],
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.text ?? '', metafile: result.metafile };
}

/** Library-only externals: the peer dependencies an app already pays for. */
export const PEER_EXTERNALS = [
  '@angular/*',
  'rxjs',
  'rxjs/*',
  'aws-amplify',
  'aws-amplify/*',
  'tslib',
];
