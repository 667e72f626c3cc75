import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bundleHandler } from '../lambda/cors-preflight/build.ts';
import { parseTemplate } from '../cfn-lib/cfn-yaml.ts';
import { EmbedError, INLINE_CODE_BUDGET, embedInlineCode } from './embed-lambda.ts';
import { TEMPLATE_FILE } from '../tools/paths.ts';
import { inlineFunction } from './template-fixture.ts';

test('the inline ZipFile is exactly the current CommonJS build of the handler', async () => {
  const [, fn] = inlineFunction();
  const inline = (fn.Properties!['Code'] as { ZipFile: string }).ZipFile;
  const built = await bundleHandler('cjs');
  assert.equal(
    inline.trimEnd(),
    built.trimEnd(),
    'api.yaml is stale: run `npm run embed:lambda` and commit cloudformation/api.yaml',
  );
  assert.ok(Buffer.byteLength(built) <= INLINE_CODE_BUDGET);
});

test('embedding replaces only the ZipFile block and is idempotent', () => {
  const original = readFileSync(TEMPLATE_FILE, 'utf8');
  const code = 'exports.handler = async () => ({ statusCode: 204 });\n';
  const once = embedInlineCode(original, code);
  assert.equal(embedInlineCode(once, code), once);
  const parsed = parseTemplate(once);
  const fn = parsed.Resources['PreflightFunction']!;
  assert.equal((fn.Properties!['Code'] as { ZipFile: string }).ZipFile, code);
  // Everything but the code is unchanged.
  const [, current] = inlineFunction();
  const withoutCode = (value: Record<string, unknown>) => ({ ...value, Code: undefined });
  assert.deepEqual(withoutCode(fn.Properties!), withoutCode(current.Properties!));
  assert.equal(once.split('\n').length, original.split('\n').length);
});

test('a template without exactly one ZipFile block is refused', () => {
  assert.throws(() => embedInlineCode('Resources: {}\n', 'x'), EmbedError);
  assert.throws(
    () => embedInlineCode('a:\n  ZipFile: |\n    x\nb:\n  ZipFile: |\n    y\n', 'z'),
    EmbedError,
  );
});
