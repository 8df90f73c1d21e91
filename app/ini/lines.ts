/**
 * How botocore (Python's RawConfigParser) classifies one line of a config file, decided from
 * character codes alone so the document scan allocates nothing for the lines it only passes over:
 * `=` or `:` delimits, full-line `#`/`;` comments, no inline comments, and lines indented deeper
 * than the key above them continue that key (nested `s3 =` blocks).
 */

export type Eol = '\r\n' | '\n' | '\r' | '';

export const BLANK = 0;
export const COMMENT = 1;
export const CONTINUATION = 2;
export const HEADER = 3;
export const KEY = 4;
/** No delimiter, or a key before any section: botocore rejects the file. */
export const GARBAGE = 5;
export const KEY_BEFORE_SECTION = 6;
export type LineKind = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const garbageReason = {
  [GARBAGE]: 'not a [section], a key = value, or a comment',
  [KEY_BEFORE_SECTION]: 'a key before any [section]',
} as const;

/** JavaScript's `\s` (what String#trim strips): the whitespace botocore's strip() sees in practice. */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Where the last classified line's parts are (absolute offsets in the text); valid until the next call. */
export const found = { indent: 0, first: 0, delim: -1, close: -1 };

export type ClassifyLine = (start: number, end: number, keyIndent: number, inSection: boolean) => LineKind;

/**
 * A classifier for the lines of `text`, called with each line in order (`text[start, end)`, without
 * its ending). `keyIndent` is the indent of the key above in this section (-1 when there is none);
 * `inSection` is false in the preamble. Native searches do the per-character work: run once per
 * command on a cold engine, a character loop in JavaScript costs several times as much.
 */
export function lineClassifier(text: string): ClassifyLine {
  // The next `=` and `:` at or after a point, searched again only once passed: linear overall.
  let eq = -2;
  let colon = -2;
  return (start, end, keyIndent, inSection) => {
    let i = start;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    found.indent = i - start;
    found.first = i;
    if (i === end) return BLANK;
    const c = text.charCodeAt(i);
    if (c === 35 /* # */ || c === 59 /* ; */) return COMMENT;
    if (keyIndent >= 0 && found.indent > keyIndent) return CONTINUATION;
    if (c === 91 /* [ */) {
      // `^\[(.+)\]` on the stripped line: the last `]`, with at least one character inside.
      const close = text.lastIndexOf(']', end - 1);
      if (close >= i + 2) {
        found.close = close;
        return HEADER;
      }
    }
    if (eq !== -1 && eq < i) eq = text.indexOf('=', i);
    if (colon !== -1 && colon < i) colon = text.indexOf(':', i);
    // botocore splits at the first `=` or `:`; a key needs a name before it.
    const d = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (d >= 0 && d < end && d > i) {
      found.delim = d;
      return inSection ? KEY : KEY_BEFORE_SECTION;
    }
    return GARBAGE;
  };
}

/** The end of `text[start, end)` with trailing whitespace removed. */
export function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Calls `line(start, end, eol)` for each line of `text[from, to)` with its exact ending (CRLF, LF,
 * lone CR, or none at the end). Scans with indexOf: a 5,000-profile config has 35,000 lines.
 */
export function eachLine(
  text: string,
  from: number,
  to: number,
  line: (start: number, end: number, eol: Eol) => void,
): void {
  let cr = text.indexOf('\r', from);
  let nl = text.indexOf('\n', from);
  let at = from;
  while (at < to) {
    // Each is searched again only once passed, so a lone CR or LF far ahead stays linear.
    if (nl >= 0 && nl < at) nl = text.indexOf('\n', at);
    if (cr >= 0 && cr < at) cr = text.indexOf('\r', at);
    if (cr >= 0 && cr < to && (nl < 0 || cr < nl)) {
      const crlf = cr + 1 < to && text.charCodeAt(cr + 1) === 10;
      line(at, cr, crlf ? '\r\n' : '\r');
      at = cr + (crlf ? 2 : 1);
      continue;
    }
    const end = nl < 0 || nl >= to ? to : nl;
    line(at, end, end < to ? '\n' : '');
    at = end + 1;
  }
}
