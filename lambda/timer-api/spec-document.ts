// The contract the Lambda validates with. Run from source (tests, the local stack) it is read
// from openapi/timer-api.yaml; build.ts replaces this module with the parsed document, so the
// bundle carries its rules and reads no file at run time.
import { loadSpec, type OpenApiDocument } from '../../openapi/spec.ts';

export function specDocument(): OpenApiDocument {
  return loadSpec();
}
