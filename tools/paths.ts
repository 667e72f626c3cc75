// Where things are in this repository, for every Node-side part: local/, bench/, e2e/, scripts/,
// the Lambda builds and the template helpers. Only node: imports, so any of them may import it.
// (tools/test-all.mjs runs before TypeScript and computes its root itself.)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (no trailing slash). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Build output; ignored by git. */
export const DIST = join(ROOT, 'dist');
/** The built library (ng-packagr). */
export const LIBRARY_DIST = join(DIST, 'ngx-cognito-gateway');
/** The built demo app. */
export const APP_DIST = join(DIST, 'demo', 'browser');
/** The CORS preflight Lambda as built by `npm run build:lambda`: what the gateway imports. */
export const CORS_LAMBDA_FILE = join(DIST, 'cors-preflight', 'index.mjs');
/** The Timer Lambda's folder, which the template's `Code` points at and `aws cloudformation package` zips. */
export const TIMER_LAMBDA_DIR = join(DIST, 'timer-api');
export const TIMER_LAMBDA_FILE = join(TIMER_LAMBDA_DIR, 'index.mjs');

/** The stack's template and its parameter files. */
export const TEMPLATE_FILE = join(ROOT, 'cloudformation', 'api.yaml');
export const PARAMETERS_DIR = join(ROOT, 'cloudformation', 'parameters');
/** Parameters of the local stack with the reference Timer server as the backend. */
export const LOCAL_PARAMETERS_FILE = join(PARAMETERS_DIR, 'local.json');
/** Parameters of the local stack with the Timer Lambda (on dynalite) as the backend. */
export const LOCAL_LAMBDA_PARAMETERS_FILE = join(PARAMETERS_DIR, 'local-lambda.json');
