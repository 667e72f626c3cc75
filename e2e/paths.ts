import { join, resolve } from 'node:path';
import { ROOT } from '../tools/paths.ts';

/**
 * Where shot() writes: an ignored folder, so a test run never changes committed files.
 * `npm run screenshots` points it at docs/screenshots to refresh the README's images.
 */
export const screenshots = resolve(
  ROOT,
  process.env['E2E_SCREENSHOTS_DIR'] ?? join('dist', 'e2e-screenshots'),
);
