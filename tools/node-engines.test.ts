// `npm ci` on the system's Node 20 warns (EBADENGINE) about every package whose `engines` excludes
// Node 20: npm checks them against the Node that runs npm. The README calls those warnings harmless
// because every `npm run`/`npx` runs the project's own Node (the `node` devDependency), not the
// system's. That holds only while the pinned Node satisfies every package's `engines`; this names
// any package for which it does not, whose warning would then be real.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './paths.ts';

const require = createRequire(import.meta.url);
const semver = require('semver') as { satisfies(version: string, range: string): boolean };

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

test("the project's pinned Node satisfies the engines of every locked package", () => {
  const pinned = pkg.devDependencies['node'];
  assert.match(pinned ?? '', /^\d+\.\d+\.\d+$/, 'the node devDependency is pinned exactly');
  const unmet = Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .map(([path, locked]) => ({
      name: path.replace(/^.*node_modules\//, ''),
      range: Array.isArray(locked.engines) ? undefined : locked.engines?.node,
    }))
    .filter(({ range }) => range !== undefined && !semver.satisfies(pinned!, range))
    .map(({ name, range }) => `${name} (node ${range})`);
  assert.deepEqual(unmet, [], `Node ${pinned} does not meet these packages' engines`);
});
