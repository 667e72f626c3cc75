import { gzipSync } from 'node:zlib';
import { bundleConsumer, PEER_EXTERNALS } from './consumer-bundle.ts';

export interface EntrySize {
  readonly minified: number;
  readonly gzipped: number;
  readonly code: string;
  /** Minified-input bytes per source file, largest first (esbuild metafile). */
  readonly contributors: Array<[string, number]>;
}

/** Min+gzip of everything an app gets by importing every export of `specifier`, peers excluded. */
export async function entrySize(specifier: string): Promise<EntrySize> {
  const { code, metafile } = await bundleConsumer(`export * from '${specifier}';`, {
    external: PEER_EXTERNALS,
  });
  const output = Object.values(metafile.outputs)[0];
  const contributors = Object.entries(output?.inputs ?? {})
    .map(([file, info]): [string, number] => [file, info.bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    code,
    contributors,
  };
}
