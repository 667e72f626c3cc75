// The one test issuer of the repository's tests and benchmarks: real RSA keys whose JWKS is served
// on 127.0.0.1:0 (by default at any path ending in `/.well-known/jwks.json`, so one server can
// stand for several issuers under `${base}/…`), and real RS256 tokens signed with them. The test
// decides which keys are served (rotation) and can make the JWKS fail the ways an issuer can.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, exportJWK, type JWK, type JWTPayload } from 'jose';

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

/** A signing key and its public JWK (`kid`, `alg: RS256`, `use: sig`). */
export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: JWK;
}

export async function newTestKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

/**
 * How the JWKS endpoint fails: no answer at all, HTTP 500, a body that is not JSON, or JSON that
 * is not a key set.
 */
export type JwksFailure = 'hang' | '500' | 'bad json' | 'not a jwks';

export interface IssuerOptions {
  /** Keys served at first; the first signs by default. Default: one fresh key, `test-key-1`. */
  keys?: TestKey[];
  /** The issuer's path on the server. Default `/local_test`; `''` makes the issuer the origin. */
  path?: string;
  /** Which request-targets are JWKS requests. Default: those ending in `/.well-known/jwks.json`. */
  isJwks?: (url: string) => boolean;
  /** Answers every other request (default 404), e.g. with a discovery document. */
  other?: (req: IncomingMessage, res: ServerResponse, base: string) => void;
}

export interface TestIssuer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  issuer: string;
  /** The default signing key (the first of `options.keys`). */
  key: TestKey;
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  jwksRequests: number;
  /** The request-target of every JWKS request, in order. */
  jwksPaths: string[];
  /** The request-target of every request, in order. */
  requests: string[];
  /** Serves these keys from now on (key rotation). */
  serve(keys: TestKey[]): void;
  /** Makes every JWKS request fail this way from now on; undefined serves keys again. */
  fail(failure: JwksFailure | undefined): void;
  /**
   * An RS256 token; `key` defaults to the issuer's key. With a TestKey its kid is in the header;
   * with a bare KeyObject the issuer's kid is (a key the issuer never published).
   */
  sign(
    payload: JWTPayload,
    header?: Record<string, unknown>,
    key?: KeyObject | TestKey,
  ): Promise<string>;
  /**
   * An access token as Cognito issues them (`token_use: access`, `iss` this issuer, issued now,
   * expiring in `ttlSeconds`), with `claims` added or overriding (`sub`, `client_id`, `scope`…).
   */
  accessToken(claims: JWTPayload, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

const defaultIsJwks = (url: string) => url.endsWith('/.well-known/jwks.json');

export async function startIssuer(options: IssuerOptions = {}): Promise<TestIssuer> {
  const key = options.keys?.[0] ?? (await newTestKey('test-key-1'));
  const isJwks = options.isJwks ?? defaultIsJwks;
  const state = {
    served: options.keys ?? [key],
    failure: undefined as JwksFailure | undefined,
    jwksRequests: 0,
    jwksPaths: [] as string[],
    requests: [] as string[],
    base: '',
  };
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    state.requests.push(url);
    if (!isJwks(url)) {
      if (options.other) return options.other(req, res, state.base);
      return void res.writeHead(404).end();
    }
    state.jwksRequests++;
    state.jwksPaths.push(url);
    const failure = state.failure;
    if (failure === 'hang') return;
    if (failure === '500') return void res.writeHead(500).end('boom');
    res.writeHead(200, { 'content-type': 'application/json' });
    if (failure === 'bad json') return void res.end('{"keys": [');
    if (failure === 'not a jwks') return void res.end('{"keys": {}}');
    res.end(JSON.stringify({ keys: state.served.map((k) => k.jwk) }));
  });
  state.base = `http://127.0.0.1:${await listen(server)}`;
  const issuer = `${state.base}${options.path ?? '/local_test'}`;
  const sign: TestIssuer['sign'] = (payload, header = {}, signer = key) => {
    const [kid, privateKey] =
      'privateKey' in signer ? [signer.kid, signer.privateKey] : [key.kid, signer];
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid, ...header })
      .sign(privateKey);
  };
  return {
    base: state.base,
    issuer,
    key,
    privateKey: key.privateKey,
    publicKey: key.publicKey,
    kid: key.kid,
    get jwksRequests() {
      return state.jwksRequests;
    },
    jwksPaths: state.jwksPaths,
    requests: state.requests,
    serve: (keys) => void (state.served = keys),
    fail: (failure) => void (state.failure = failure),
    sign,
    accessToken(claims, ttlSeconds = 600) {
      const now = Math.floor(Date.now() / 1000);
      return sign({ iss: issuer, token_use: 'access', iat: now, exp: now + ttlSeconds, ...claims });
    },
    close: () => closeServer(server),
  };
}
