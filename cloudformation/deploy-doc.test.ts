// docs/deploy.md's parameter and output tables against the template, so the reference a deployer
// reads cannot drift from what the stack takes and gives: every parameter and output is listed,
// nothing the template lacks is, and each default is the template's. A failure names the entries.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../tools/paths.ts';
import { template } from './template-fixture.ts';

const DOC = 'docs/deploy.md';
const doc = readFileSync(join(ROOT, DOC), 'utf8');

/** The body rows of the first table after `heading`, as cells (backticks kept). */
function tableAfter(heading: string): string[][] {
  const start = doc.indexOf(`\n${heading}\n`);
  assert.notEqual(start, -1, `${DOC} has no heading "${heading}"`);
  const lines = doc.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const table: string[] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    table.push(line);
  }
  // Header and separator first.
  return table.slice(2).map((row) =>
    row
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim()),
  );
}

/** `A`, `B` → ['A', 'B']. */
function names(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** The names on each side that the other lacks, in one message a reader can act on. */
function assertSameNames(what: string, documented: string[], inTemplate: string[]): void {
  const missing = inTemplate.filter((n) => !documented.includes(n));
  const extra = documented.filter((n) => !inTemplate.includes(n));
  const twice = documented.filter((n, i) => documented.indexOf(n) !== i);
  assert.deepEqual(
    { missing, extra, twice },
    { missing: [], extra: [], twice: [] },
    `${DOC}'s ${what} table is out of step with cloudformation/api.yaml: ` +
      `not documented: ${missing.join(', ') || 'none'}; not in the template: ` +
      `${extra.join(', ') || 'none'}; listed twice: ${twice.join(', ') || 'none'}`,
  );
}

/** How the table writes a template default: required (none), empty (''), else the value. */
function documentedDefault(parameter: Record<string, unknown>): string {
  if (!('Default' in parameter)) return 'required';
  const value = String(parameter['Default']);
  return value === '' ? 'empty' : `\`${value}\``;
}

const parameters = tableAfter('#### Stack parameters (`cloudformation/api.yaml`)');
const outputs = tableAfter('#### Stack outputs');

test('the parameter table lists exactly the parameters of the template', () => {
  assertSameNames(
    'parameter',
    parameters.flatMap(([cell]) => names(cell!)),
    Object.keys(template.Parameters ?? {}),
  );
});

test("each documented default is the template's", () => {
  const wrong = parameters.flatMap(([cell, given]) =>
    names(cell!)
      .filter((name) => template.Parameters?.[name])
      .map((name) => ({ name, given, expected: documentedDefault(template.Parameters![name]!) }))
      .filter(({ given, expected }) => given !== expected),
  );
  assert.deepEqual(wrong, [], `${DOC}: defaults that differ from cloudformation/api.yaml`);
});

test('the outputs table lists exactly the outputs, and which of them are exported', () => {
  assertSameNames(
    'output',
    outputs.map(([cell]) => names(cell!)[0]!),
    Object.keys(template.Outputs ?? {}),
  );
  const exportedHere = outputs
    .filter(([, exported]) => exported !== '—')
    .map(([c]) => names(c!)[0]);
  const exported = Object.entries(template.Outputs ?? {})
    .filter(([, output]) => output['Export'] !== undefined)
    .map(([name]) => name);
  assert.deepEqual(exportedHere, exported, `${DOC}: the outputs marked as exported`);
});
