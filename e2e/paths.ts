import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const appDir = join(root, 'dist', 'demo', 'browser');
export const screenshots = join(root, 'e2e', 'screenshots');
