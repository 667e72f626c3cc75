// The request headers an HTTP integration receives.
//
// - Hop-by-hop fields concern one connection only and are never forwarded: the fixed ones, and
//   every field the message's Connection header names (RFC 9110 §7.6.1). Host and Content-Length
//   are the gateway's own to set.
// - Forwarding information: "HTTP APIs translate incoming X-Forwarded-* headers into a standard
//   Forwarded header and will append the egress IP, Host, and protocol"
//   (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html).
//   So the integration gets no X-Forwarded-* header; it gets one Forwarded header (RFC 7239)
//   whose elements are first whatever the client claimed (its own Forwarded elements, then its
//   X-Forwarded-For/-Host/-Proto translated), and last the gateway's element: the client's
//   address as the gateway's socket saw it, the Host it asked for, and the protocol. Only that
//   last element is the gateway's word; everything before it is the client's. The client's
//   elements are parsed and written out again, so a malformed one (say an unclosed quote) cannot
//   swallow the gateway's element; a Forwarded header that does not parse is dropped.
// - The protocol is `http`: API Gateway says `https` because clients reach it over TLS, but
//   this gateway is plain http and a backend that builds absolute URLs (Location, redirects)
//   from it should point clients at http://127.0.0.1:PORT, which works locally.
// - `x-amzn-*` is AWS's own namespace (reserved for API Gateway in "Reserved headers",
//   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html).
//   AWS does not document what becomes of such headers when a client sends them; the emulator
//   drops them, so no backend tested against it learns to believe one.
// Other headers a client sets (X-Real-IP included) pass through as on AWS: see
// docs/gateway-emulator.md for which headers a backend may trust.
import type { IncomingHttpHeaders } from 'node:http';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The field names a Connection header lists (lower case). */
export function connectionOptions(value: string | string[] | undefined): Set<string> {
  const names = new Set<string>();
  for (const line of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
    for (const name of line.split(',')) {
      const trimmed = name.trim().toLowerCase();
      if (trimmed !== '') names.add(trimmed);
    }
  }
  return names;
}

/**
 * The end-to-end fields of a message (request or response): without hop-by-hop fields, those its
 * Connection header names, and those `skip` refuses.
 */
export function endToEnd(
  headers: IncomingHttpHeaders,
  skip: (name: string) => boolean = () => false,
): Record<string, string | string[]> {
  const named = connectionOptions(headers.connection);
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name) || skip(name)) continue;
    out[name] = value;
  }
  return out;
}

type Pairs = Array<[string, string]>;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** A Forwarded value (RFC 7239 §4), or undefined when it does not parse. */
export function parseForwarded(value: string): Pairs[] | undefined {
  const elements: Pairs[] = [];
  let pairs: Pairs = [];
  let i = 0;
  const skipSpace = () => {
    while (value[i] === ' ' || value[i] === '\t') i++;
  };
  for (;;) {
    skipSpace();
    const nameStart = i;
    while (i < value.length && !'=;,'.includes(value[i]!)) i++;
    const name = value.slice(nameStart, i).trim();
    if (value[i] !== '=' || !TOKEN.test(name)) return undefined;
    i++;
    let text: string;
    if (value[i] === '"') {
      text = '';
      i++;
      for (;;) {
        if (i >= value.length) return undefined; // unclosed quote
        const c = value[i++]!;
        if (c === '"') break;
        if (c === '\\') {
          if (i >= value.length) return undefined;
          text += value[i++];
        } else text += c;
      }
    } else {
      const start = i;
      while (i < value.length && !';, \t'.includes(value[i]!)) i++;
      text = value.slice(start, i);
      if (!TOKEN.test(text)) return undefined;
    }
    pairs.push([name.toLowerCase(), text]);
    skipSpace();
    if (i >= value.length) break;
    if (value[i] === ';') i++;
    else if (value[i] === ',') {
      elements.push(pairs);
      pairs = [];
      i++;
    } else return undefined;
  }
  elements.push(pairs);
  return elements;
}

/** A pair's value as a token or quoted-string; undefined if a header cannot carry it. */
function serializeValue(text: string): string | undefined {
  if (TOKEN.test(text)) return text;
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(text) || /[^\u0000-\u00ff]/.test(text)) {
    return undefined;
  }
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

function serialize(elements: Pairs[]): string {
  return elements
    .map((pairs) =>
      pairs
        .flatMap(([name, text]) => {
          const v = serializeValue(text);
          return v === undefined ? [] : [`${name}=${v}`];
        })
        .join(';'),
    )
    .filter((element) => element !== '')
    .join(', ');
}

/** RFC 7239 §6: an IPv6 address goes in brackets (and so in quotes). */
function node(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The client's forwarding claims as Forwarded elements (see the top of this file). */
function claimedElements(headers: Record<string, string | string[] | undefined>): Pairs[] {
  const claimed = joined(headers.forwarded);
  const elements = (claimed === undefined ? undefined : parseForwarded(claimed)) ?? [];
  const translated: Pairs[] = (joined(headers['x-forwarded-for']) ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => [['for', node(a)]]);
  const extra: Pairs = [];
  const host = joined(headers['x-forwarded-host'])?.trim();
  const proto = joined(headers['x-forwarded-proto'])?.trim();
  if (host) extra.push(['host', host]);
  if (proto) extra.push(['proto', proto]);
  if (extra.length > 0) {
    if (translated.length > 0) translated[translated.length - 1]!.push(...extra);
    else translated.push(extra);
  }
  return [...elements, ...translated];
}

/** Fields the gateway sets itself, or drops, whatever the client sent (see the top of this file). */
function gatewayOwned(name: string): boolean {
  return (
    name === 'host' ||
    name === 'content-length' ||
    name === 'forwarded' ||
    name.startsWith('x-forwarded-') ||
    name.startsWith('x-amzn-')
  );
}

/** The headers an HTTP integration receives for this request (see the top of this file). */
export function integrationRequestHeaders(
  headers: IncomingHttpHeaders,
  clientAddress: string,
): Record<string, string | string[]> {
  // Computed once: the claims are read from it and the forwarded fields filtered out of it, so
  // claims in fields the client made hop-by-hop (Connection: forwarded) are not passed on either.
  const passed = endToEnd(headers);
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(passed)) {
    if (!gatewayOwned(name)) out[name] = value;
  }
  const own: Pairs = [['for', node(clientAddress)]];
  if (headers.host !== undefined) own.push(['host', headers.host]);
  own.push(['proto', 'http']);
  out.forwarded = serialize([...claimedElements(passed), own]);
  return out;
}
