import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TemplateParseError, loadParameters, parseTemplate } from './cfn-yaml.ts';

test('short-form intrinsic tags become their long forms, nested in any shape', () => {
  const parsed = parseTemplate(
    [
      'Conditions:',
      '  C: !Not [!Equals [!Ref P, ""]]',
      'Resources:',
      '  R:',
      '    Type: AWS::X::Y',
      '    Properties:',
      '      A: !GetAtt Fn.Arn',
      '      B: !GetAtt [Fn, Arn]',
      '      C: !Join [",", !Ref List]',
      '      D: !If [C, !Sub "x-${P}", !Ref AWS::NoValue]',
      '      E: !Sub',
      '        - "${A}-${B}"',
      '        - A: !Ref P',
      '          B: b',
      '      F: !Select [0, !Split [",", !ImportValue Exported]]',
      '      G: !GetAtt Res.Attr.With.Dots',
    ].join('\n'),
  );
  assert.deepEqual(parsed.Conditions, {
    C: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'P' }, ''] }] },
  });
  assert.deepEqual(parsed.Resources['R']!.Properties, {
    A: { 'Fn::GetAtt': ['Fn', 'Arn'] },
    B: { 'Fn::GetAtt': ['Fn', 'Arn'] },
    C: { 'Fn::Join': [',', { Ref: 'List' }] },
    D: { 'Fn::If': ['C', { 'Fn::Sub': 'x-${P}' }, { Ref: 'AWS::NoValue' }] },
    E: { 'Fn::Sub': ['${A}-${B}', { A: { Ref: 'P' }, B: 'b' }] },
    F: { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'Exported' }] }] },
    G: { 'Fn::GetAtt': ['Res', 'Attr.With.Dots'] },
  });
});

test('a misspelt tag, broken YAML or a missing Resources section is an error', () => {
  for (const text of ['Resources:\n  A: !Reff x\n', 'Resources: [\n', 'Parameters: {}\n']) {
    assert.throws(() => parseTemplate(text), TemplateParseError, text);
  }
});

test('parameter files must be in the create-stack format', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cfn-params-'));
  try {
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify([{ ParameterKey: 'A', ParameterValue: 'b' }]));
    assert.deepEqual(loadParameters(good), [{ ParameterKey: 'A', ParameterValue: 'b' }]);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ A: 'b' }));
    assert.throws(() => loadParameters(bad), TemplateParseError);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
