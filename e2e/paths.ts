import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const appDir = join(root, 'dist', 'demo', 'browser');
/**
 * Where shot() writes: an ignored folder, so a test run never changes committed files.
 * `npm run screenshots` points it at docs/screenshots to refresh the README's images.
 */
export const screenshots = resolve(
  root,
  process.env['E2E_SCREENSHOTS_DIR'] ?? join('dist', 'e2e-screenshots'),
);
