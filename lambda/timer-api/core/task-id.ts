// Task ids: UUIDv7 (RFC 9562 §5.7), whose text sorts by creation time. The DynamoDB store lists an
// owner's tasks in sort-key order, which is this id's order, so "oldest first" needs no index; the
// SQLite store orders by its row number and uses the same ids. Within one process ids created in
// the same millisecond still sort in creation order: the 12 bits after the time count up
// (RFC 9562 §6.2, method 1); across processes such ties fall in a fixed, random order.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/** A new UUIDv7, later than every id this process made before (`now` in ms, for tests). */
export function newTaskId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = randomBytes(2).readUInt16BE() & 0x3ff; // room to count up within the millisecond
  } else if (++counter > 0xfff) {
    // 4096 ids in one millisecond: borrow the next one, so the order still holds.
    lastMs++;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
