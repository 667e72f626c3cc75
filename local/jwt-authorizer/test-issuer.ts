// The one test issuer of the local stack's tests: a real RSA key whose JWKS is served on
// 127.0.0.1:0 at `${issuer}/.well-known/jwks.json`, and real RS256 tokens signed with it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, exportJWK, type JWTPayload } from 'jose';

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
}

export interface TestIssuer {
  issuer: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  jwksRequests: number;
  /** The request-target of every JWKS request, in order. */
  jwksPaths: string[];
  sign(payload: JWTPayload, header?: Record<string, unknown>, key?: KeyObject): Promise<string>;
  close(): Promise<void>;
}

export async function startIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const state = { jwksRequests: 0, jwksPaths: [] as string[] };
  const server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) {
      state.jwksRequests++;
      state.jwksPaths.push(req.url);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}/local_test`;
  return {
    issuer,
    privateKey,
    publicKey,
    kid,
    get jwksRequests() {
      return state.jwksRequests;
    },
    jwksPaths: state.jwksPaths,
    sign: (payload, header = {}, key = privateKey) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, ...header }).sign(key),
    close: () => closeServer(server),
  };
}
