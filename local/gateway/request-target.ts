// The request-target as the client sent it (RFC 9112 §3.2). An HTTP_PROXY integration with
// `overwrite:path=$request.path` forwards the request's own path and query, so the gateway passes
// them on byte for byte: a URL parser would turn `//tasks/1` into host `tasks` and path `/1`, and
// resolve `/tasks/%2e%2e/admin` to `/admin`, sending the backend a request nobody made.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
//
// Only origin-form is a request for this API. Absolute-form (`GET http://host/path`, a request
// to a proxy), asterisk-form (`OPTIONS *`) and fragments (never part of a request-target) are
// answered 400. Node's parser has already refused controls, spaces and bytes above 0x7E; the
// check repeats that, so the path can always be handed to http.request.

export interface RequestTarget {
  /** Path and query exactly as received: what goes to the integration. */
  readonly raw: string;
  /** The path as received, without the query. */
  readonly rawPath: string;
  /** The query as received, without its `?`. */
  readonly rawQuery: string;
  /**
   * The path with dot segments resolved, for route selection only: a route is chosen for the
   * path a backend that resolves them will serve, so `/public/../admin` is routed as `/admin`.
   */
  readonly routePath: string;
}

const ORIGIN_FORM = /^\/[\x21\x22\x24-\x7e]*$/;

/** The request-target if it is origin-form, else undefined (answer 400). */
export function parseRequestTarget(target: string | undefined): RequestTarget | undefined {
  if (target === undefined || !ORIGIN_FORM.test(target)) return undefined;
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  // A fixed origin in front of a path that starts with `/` keeps `//x` a path, never a host.
  const url = URL.parse(`http://gateway.local${rawPath}`);
  if (url === null) return undefined;
  return {
    raw: target,
    rawPath,
    rawQuery: q === -1 ? '' : target.slice(q + 1),
    routePath: url.pathname,
  };
}
