// Page cursors: the store's position after the last task of a page, sealed for the one owner it
// was made for, so the server keeps no state per listing. AES-256-GCM (NIST SP 800-38D) encrypts
// the position and authenticates it together with the owner (as associated data, never written
// into the cursor): another user's cursor, an altered one, or one sealed under a key the server no
// longer has fails to open, which the API answers with 400. The cursor tells its holder nothing,
// not even the id it stops at.
//
// Keys: a list, the first seals and every one opens, so a new key can be added before it is used
// and an old one kept until its cursors are gone (rotation). Where they live is the backend's
// choice: the DynamoDB table for the Lambda (../cursor-keys.ts), memory for the reference server.
// Even a forged cursor reaches nothing: every store reads the calling owner's tasks only.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The server's cursor keys (32 bytes each), the sealing one first. */
export type CursorKeys = () => Promise<readonly Uint8Array[]>;

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Longest cursor the API takes (the Cursor parameter's maxLength in openapi/timer-api.yaml). */
export const MAX_CURSOR_CHARS = 512;

/** The same keys for the life of the process: the reference server's, and tests'. */
export function fixedCursorKeys(keys: readonly Uint8Array[] = [randomBytes(32)]): CursorKeys {
  const held = [...keys];
  return async () => held;
}

function associatedData(owner: string): Buffer {
  return Buffer.from(`timer-api cursor v${VERSION}\u0000${owner}`, 'utf8');
}

/** `position` sealed for `owner` with the first key, as URL-safe text (base64url). */
export function sealCursor(keys: readonly Uint8Array[], owner: string, position: string): string {
  const key = keys[0];
  if (!key) throw new Error('no cursor key to seal with');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(owner));
  const sealed = Buffer.concat([cipher.update(position, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The position in a cursor sealed for `owner` by any of `keys`; undefined for any other text. */
export function openCursor(
  keys: readonly Uint8Array[],
  owner: string,
  cursor: string,
): string | undefined {
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const bytes = Buffer.from(cursor, 'base64url');
  // Only the one spelling sealCursor writes: base64url's decoder ignores stray trailing bits and
  // characters, which would let altered text open.
  if (bytes.toString('base64url') !== cursor) return undefined;
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) return undefined;
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const sealed = bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  for (const key of keys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(owner));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
    } catch {
      // not this key's, or altered: try the next
    }
  }
  return undefined;
}
