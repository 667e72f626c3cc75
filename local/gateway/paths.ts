import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_TEMPLATE = join(root, 'cloudformation', 'api.yaml');
export const DEFAULT_PARAMETERS = join(root, 'cloudformation', 'parameters', 'local.json');
export const LAMBDA_FILE = join(root, 'dist', 'cors-preflight', 'index.mjs');
