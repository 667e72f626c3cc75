// Log lines carry text the client chose: a token's kid, a request path, an error message that
// quotes either. A CR or LF in it would end the line and let the client write a forged one of
// its own; other control and bidi characters could hide or reorder what a reader sees. Every
// line the gateway logs goes through oneLine, so no caller has to remember which part of it
// came from a request.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text on one line: unsafe characters written as \uXXXX escapes (idempotent). */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A logger that only ever writes single, escaped lines (a stack trace becomes one line too). */
export function oneLineLogger(log: (line: string) => void): (line: string) => void {
  return (line) => log(oneLine(line));
}
