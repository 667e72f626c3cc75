import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** openapi/timer-api.yaml: the one source of the Timer API's types and validation rules. */
export const SPEC_PATH = new URL('./timer-api.yaml', import.meta.url);

export type Schema = Record<string, unknown>;

export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, unknown>;
  readonly components: {
    readonly schemas: Record<string, Schema>;
    readonly requestBodies?: Record<string, unknown>;
  };
}

/**
 * The schema of a create or replace request's body: TaskDraft, refusing any other field. The
 * server validates drafts with it and the client's rules are generated from it.
 */
export const DRAFT_BODY_POINTER =
  '#/components/requestBodies/TaskDraft/content/application~1json/schema';

export function loadSpec(path: URL | string = SPEC_PATH): OpenApiDocument {
  const doc = parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  if (!doc?.openapi?.startsWith('3.1') || !doc.components?.schemas) {
    throw new Error(`${String(path)} is not an OpenAPI 3.1 document with components.schemas`);
  }
  return doc;
}

/** Resolves a local `#/…` JSON pointer inside the document (RFC 6901 escapes included). */
export function resolvePointer(doc: unknown, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) {
      throw new Error(`$ref ${ref} does not resolve`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node as Schema;
}
