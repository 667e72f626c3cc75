// Loads the Timer client's Angular-free sources under Node 24 type stripping. Library sources use
// extension-less relative imports (Angular's compiler wants them), so resolve those to `.ts` and
// mark them as ES modules (the library's package.json has no "type").
import { registerHooks } from 'node:module';

const CLIENT_SRC = new URL('../projects/ngx-cognito-gateway/timer/src/', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const inClient =
      (context.parentURL ?? '').startsWith(CLIENT_SRC) || specifier.startsWith(CLIENT_SRC);
    if (!inClient) return nextResolve(specifier, context);
    const withExtension =
      specifier.startsWith('.') && !specifier.endsWith('.ts') ? `${specifier}.ts` : specifier;
    return { ...nextResolve(withExtension, context), format: 'module-typescript' };
  },
});

export async function importClientSource<T>(file: string): Promise<T> {
  return (await import(new URL(file, CLIENT_SRC).href)) as T;
}
