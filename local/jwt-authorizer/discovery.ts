// Where an issuer's key set is. API Gateway reads the issuer's OIDC discovery document at
// `${issuer}/.well-known/openid-configuration` once, when the authorizer is created or updated,
// and records its `jwks_uri`
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer-keys.html).
// The emulator does the same, once, at the first token that needs keys (the issuer need not be up
// when the gateway starts), and uses the document only when it is consistent:
// - its `issuer` is exactly the configured issuer (OpenID Connect Discovery 1.0 §4.3 requires
//   this of every document);
// - its `jwks_uri` is an http(s) URL on the issuer's own origin (scheme, host and port), without
//   user info, so no document can send the gateway to fetch keys from another host. Cognito's
//   jwks_uri is on the issuer's origin.
// Otherwise (no document, an unreachable one, an inconsistent one) the keys come from
// `${issuer}/.well-known/jwks.json`, where Cognito publishes them. (cognito-local's own document
// names http://localhost:9229 whatever address it listens on; the local stack serves it with the
// true issuer, local/cognito/discovery-document.ts.) The outcome is settled by the first attempt,
// and logged (once) when a document was expected but unreachable, or found but not used.

export interface DiscoveryOptions {
  /** Longest the discovery request may take. */
  timeoutMs: number;
  log: (line: string) => void;
}

/** The key set URI API Gateway would fall back to: the issuer (without trailing slashes) + path. */
export function fallbackJwksUri(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
}

/** The document's jwks_uri if the document is consistent with `issuer`, else why not. */
export function jwksUriFromDocument(
  issuer: string,
  document: unknown,
): { uri: string } | { refused: string } {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { refused: 'the document is not a JSON object' };
  }
  const { issuer: named, jwks_uri: jwksUri } = document as Record<string, unknown>;
  if (named !== issuer) {
    return { refused: `it names issuer ${JSON.stringify(named)}, not ${JSON.stringify(issuer)}` };
  }
  if (typeof jwksUri !== 'string') return { refused: 'it has no jwks_uri' };
  let url: URL;
  try {
    url = new URL(jwksUri);
  } catch {
    return { refused: `its jwks_uri ${JSON.stringify(jwksUri)} is not a URL` };
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.origin !== new URL(issuer).origin
  ) {
    return { refused: `its jwks_uri ${JSON.stringify(jwksUri)} is not on the issuer's origin` };
  }
  return { uri: url.href };
}

/** Resolves the key set URI once (the first call starts it; every call gets its outcome). */
export function jwksUriResolver(issuer: string, options: DiscoveryOptions): () => Promise<string> {
  let resolved: Promise<string> | undefined;
  return () => (resolved ??= discover(issuer, options));
}

async function discover(issuer: string, options: DiscoveryOptions): Promise<string> {
  const fallback = fallbackJwksUri(issuer);
  const documentUri = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: unknown;
  try {
    const response = await fetch(documentUri, {
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
    if (response.status !== 200) {
      // No document (cognito-local before its discovery route, a plain JWKS server): the usual
      // case offline, not worth a log line.
      await response.body?.cancel();
      return fallback;
    }
    document = await response.json();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    options.log(
      `authorizer: no discovery document from ${documentUri} (${reason}); keys from ${fallback}`,
    );
    return fallback;
  }
  // Something else answering at that path (a server that serves its JWKS at every path): not a
  // discovery document at all, so nothing to report.
  if (typeof (document as { issuer?: unknown } | null)?.issuer !== 'string') return fallback;
  const outcome = jwksUriFromDocument(issuer, document);
  if ('uri' in outcome) return outcome.uri;
  options.log(
    `authorizer: discovery document ${documentUri} not used: ${outcome.refused}; keys from ${fallback}`,
  );
  return fallback;
}
