// Benchmark 5: RS256 access-token verification with aws-jwt-verify (JWKS cached in memory) vs
// jose's jwtVerify with a local JWKS, on the same token.
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SignJWT, createLocalJWKSet, jwtVerify } from 'jose';
import { Bench } from 'tinybench';
import { newTestKey } from '../local/jwt-authorizer/test-issuer.ts';
import { nsPerOp, row, type BenchRow } from './lib/result.ts';

const POOL = 'us-east-1_bench0001';
const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const CLIENT = 'benchclient';

export async function jwtBenchmarks(time: number): Promise<BenchRow[]> {
  const key = await newTestKey('bench');
  const jwks = { keys: [key.jwk] };
  const token = await new SignJWT({ token_use: 'access', client_id: CLIENT, scope: 'timer/api' })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
    .setIssuer(ISSUER)
    .setSubject('user')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key.privateKey);

  const verifier = CognitoJwtVerifier.create({
    userPoolId: POOL,
    tokenUse: 'access',
    clientId: CLIENT,
  });
  verifier.cacheJwks(jwks as Parameters<typeof verifier.cacheJwks>[0]);
  const localJwks = createLocalJWKSet(jwks);
  // Both must accept the token, or the comparison is meaningless.
  verifier.verifySync(token);
  await jwtVerify(token, localJwks, { issuer: ISSUER, algorithms: ['RS256'] });

  const bench = new Bench({ time, warmup: true });
  bench.add('aws-jwt-verify', () => {
    verifier.verifySync(token);
  });
  bench.add('jose', async () => {
    await jwtVerify(token, localJwks, { issuer: ISSUER, algorithms: ['RS256'] });
  });
  await bench.run();
  const ns = (name: string) => nsPerOp(bench.getTask(name) ?? { name, result: {} });
  return [
    row(
      'JWT verify (RS256, cached JWKS): aws-jwt-verify vs jose jwtVerify',
      'µs/verify',
      ns('aws-jwt-verify') / 1000,
      ns('jose') / 1000,
    ),
  ];
}
