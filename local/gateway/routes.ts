// Route selection as in https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
// "METHOD /path" with {param} and greedy {proxy+}; ANY matches every method; the most specific
// match wins (exact paths, then fewer/later greedy variables); `$default` only when nothing matches.

export interface Route {
  routeKey: string;
}

type Segment = { kind: 'greedy' } | { kind: 'param' } | { kind: 'literal'; text: string };

interface ParsedKey {
  method: string;
  segments: Segment[];
}

function parse(routeKey: string): ParsedKey | undefined {
  const m = /^(\S+) (\/\S*)$/.exec(routeKey);
  if (!m) return undefined;
  return {
    method: m[1].toUpperCase(),
    segments: m[2]
      .split('/')
      .filter((s) => s !== '')
      .map((seg): Segment => {
        if (/^\{[^}]+\+\}$/.test(seg)) return { kind: 'greedy' };
        if (/^\{[^}]+\}$/.test(seg)) return { kind: 'param' };
        return { kind: 'literal', text: seg };
      }),
  };
}

/** Route keys come from the template: a handful, each parsed once. */
const parsedKeys = new Map<string, ParsedKey | undefined>();
function parsed(routeKey: string): ParsedKey | undefined {
  if (!parsedKeys.has(routeKey)) parsedKeys.set(routeKey, parse(routeKey));
  return parsedKeys.get(routeKey);
}

/** Specificity score, or -1 when the route does not match. */
function score(routeKey: string, method: string, path: string[]): number {
  const r = parsed(routeKey);
  if (!r || (r.method !== 'ANY' && r.method !== method)) return -1;
  let s = 0;
  for (let i = 0; i < r.segments.length; i++) {
    const seg = r.segments[i];
    if (seg.kind === 'greedy') {
      // Greedy: must be last and cover at least one segment.
      return i === r.segments.length - 1 && path.length > i ? s + i : -1;
    }
    if (i >= path.length) return -1;
    if (seg.kind === 'param') s += 1;
    else if (seg.text === path[i]) s += 2;
    else return -1;
  }
  if (r.segments.length !== path.length) return -1;
  return 1000 + s + (r.method === 'ANY' ? 0 : 1);
}

export function selectRoute<R extends Route>(
  routes: readonly R[],
  method: string,
  pathname: string,
): R | undefined {
  const path = pathname.split('/').filter((s) => s !== '');
  let best: R | undefined;
  let bestScore = -1;
  for (const route of routes) {
    if (route.routeKey === '$default') continue;
    const s = score(route.routeKey, method.toUpperCase(), path);
    if (s > bestScore) {
      best = route;
      bestScore = s;
    }
  }
  return best ?? routes.find((r) => r.routeKey === '$default');
}
