// `npm run embed:lambda`: writes the current CommonJS build of the CORS preflight handler into the
// template's inline `ZipFile`, so the stack deploys with no S3 bucket or packaging step. CloudFormation
// writes inline Node.js code to index.js, which Node loads as CommonJS:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-function-code.html
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleHandler } from '../lambda/cors-preflight/build.ts';
import { TEMPLATE_FILE } from '../tools/paths.ts';

/** Inline code may be at most 4 MB; keep far below so the template stays readable. */
export const INLINE_CODE_BUDGET = 4096;

export class EmbedError extends Error {
  override readonly name = 'EmbedError';
}

/** Replaces the body of the single `ZipFile: |` block scalar with `code`. */
export function embedInlineCode(template: string, code: string): string {
  const lines = template.split('\n');
  const start = lines.findIndex((line) => /^\s*ZipFile: \|$/.test(line));
  if (start < 0 || lines.findIndex((l, i) => i > start && /^\s*ZipFile:/.test(l)) >= 0) {
    throw new EmbedError('the template must contain exactly one "ZipFile: |" block');
  }
  const indent = (lines[start]?.match(/^\s*/)?.[0].length ?? 0) + 2;
  let end = start + 1;
  while (end < lines.length) {
    const line = lines[end] ?? '';
    if (line.trim() !== '' && line.length - line.trimStart().length < indent) break;
    end++;
  }
  while (end > start + 1 && (lines[end - 1] ?? '').trim() === '') end--;
  const body = code
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(indent) + line);
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const code = await bundleHandler('cjs');
  if (Buffer.byteLength(code) > INLINE_CODE_BUDGET) {
    throw new EmbedError(
      `inline handler is ${Buffer.byteLength(code)} bytes, over ${INLINE_CODE_BUDGET}`,
    );
  }
  writeFileSync(TEMPLATE_FILE, embedInlineCode(readFileSync(TEMPLATE_FILE, 'utf8'), code));
  console.log(`embedded ${Buffer.byteLength(code)} bytes of handler code in ${TEMPLATE_FILE}`);
}
