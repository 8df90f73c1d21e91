/**
 * Text from a server (account and role names, e-mail addresses) or from a file reaches terminals
 * and the window. Control characters there are commands, not text: ESC]0; retitles the terminal,
 * ESC[2J clears it, a newline forges an extra output line, and bidi overrides make a name read
 * differently than it is. Each such character becomes U+FFFD, so tampering stays visible but inert.
 */
// C0 (incl. tab, CR, LF), DEL, C1, and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export const replacementChar = '\ufffd';

export function safeText(text: string): string {
  return text.replace(unsafe, replacementChar);
}

export function hasUnsafeText(text: string): boolean {
  unsafe.lastIndex = 0;
  const found = unsafe.test(text);
  unsafe.lastIndex = 0;
  return found;
}

/** Like safeText, but keeps the line breaks of a multi-line message Lanyard itself composed. */
export function safeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => safeText(line))
    .join('\n');
}
