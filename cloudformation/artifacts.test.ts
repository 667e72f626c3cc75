// The deploy script's artifacts bucket: checked against the resource specification like api.yaml,
// and private, encrypted and TLS-only.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadTemplate } from '../cfn-lib/cfn-yaml.ts';
import { checkTemplate } from '../cfn-lib/check-template.ts';

const template = loadTemplate(fileURLToPath(new URL('./artifacts.yaml', import.meta.url)));

test('artifacts.yaml passes every check against the CloudFormation resource specification', () => {
  assert.deepEqual(checkTemplate(template), []);
});

test('the bucket blocks every kind of public access, is encrypted, and refuses plain HTTP', () => {
  const bucket = template.Resources['ArtifactBucket']!.Properties!;
  assert.deepEqual(bucket['PublicAccessBlockConfiguration'], {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  });
  assert.deepEqual(bucket['BucketEncryption'], {
    ServerSideEncryptionConfiguration: [
      { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
    ],
  });
  const policy = template.Resources['ArtifactBucketPolicy']!.Properties!['PolicyDocument'] as {
    Statement: { Effect: string; Condition: unknown }[];
  };
  assert.deepEqual(policy.Statement[0]!.Effect, 'Deny');
  assert.deepEqual(policy.Statement[0]!.Condition, { Bool: { 'aws:SecureTransport': 'false' } });
  assert.deepEqual(template.Outputs!['BucketName']!['Value'], { Ref: 'ArtifactBucket' });
});
