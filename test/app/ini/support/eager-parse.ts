/**
 * THE ORACLE for app/ini/document.ts: the line-by-line parser Lanyard used before the scan with
 * lazily built sections (kept verbatim, minus its types, which are the model's own, and the
 * serializers, which did not change). The property tests in
 * ../roundtrip.test.ts check that the new parse builds exactly these lines, for any input.
 *
 * A lossless model of an AWS config file: every line keeps its exact text and line ending, so
 * `serialize(parse(x)) === x` for any input. Hand-written because no INI library on npm preserves
 * bytes (they all rebuild the file from a map, dropping comments, spacing and order), and Lanyard
 * must never alter a byte of a section it does not own.
 *
 * Line classification follows botocore (Python's RawConfigParser): `=` or `:` delimits, full-line
 * `#`/`;` comments, no inline comments, and lines indented deeper than the key above them continue
 * that key (nested `s3 =` blocks).
 */

import type { Eol, HeaderLine, IniDocument, IniSection, KeyLine } from '../../../../app/ini/document';

/** Splits text into lines with their exact endings (CRLF, LF, lone CR, or none at the end). */
function splitLines(text: string): { text: string; eol: Eol }[] {
  const out: { text: string; eol: Eol }[] = [];
  // Scanning with indexOf, not a regex: a 5,000-profile config has 35,000 lines.
  let cr = text.indexOf('\r');
  let nl = text.indexOf('\n');
  let at = 0;
  while (at < text.length) {
    // Each is searched again only once passed, so a lone CR or LF far ahead stays linear.
    if (nl >= 0 && nl < at) nl = text.indexOf('\n', at);
    if (cr >= 0) {
      if (cr < at) cr = text.indexOf('\r', at);
      if (cr >= 0 && (nl < 0 || cr < nl)) {
        const crlf = text.charCodeAt(cr + 1) === 10;
        out.push({ text: text.slice(at, cr), eol: crlf ? '\r\n' : '\r' });
        at = cr + (crlf ? 2 : 1);
        continue;
      }
    }
    const end = nl < 0 ? text.length : nl;
    out.push({ text: text.slice(at, end), eol: nl < 0 ? '' : '\n' });
    at = end + 1;
  }
  return out;
}

function indentOf(text: string): number {
  // Same whitespace as String#trimStart, without building the trimmed string for each line.
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

const isComment = (trimmed: string) => trimmed.startsWith('#') || trimmed.startsWith(';');

function parseKey(text: string, eol: Eol): KeyLine | null {
  // botocore's OPTCRE: the first `=` or `:` splits; key and value are stripped.
  const delim = text.search(/[=:]/);
  if (delim < 0) return null;
  const key = text.slice(0, delim).trim();
  if (key === '') return null;
  const rest = text.slice(delim + 1);
  const value = rest.trim();
  const valueStart = delim + 1 + (rest.length - rest.trimStart().length);
  return {
    kind: 'key',
    text,
    eol,
    key: key.toLowerCase(),
    value,
    valueStart,
    valueEnd: valueStart + value.length,
    indent: indentOf(text),
  };
}

function parseHeader(text: string, eol: Eol, indent: number): HeaderLine | null {
  if (text.charCodeAt(indent) !== 91 /* [ */) return null;
  const trimmed = text.trim();
  const m = /^\[(.+)\]/s.exec(trimmed);
  if (!m) return null;
  return { kind: 'header', text, eol, inner: m[1] ?? '' };
}

export function parse(input: string): IniDocument {
  const bom = input.startsWith('\ufeff');
  const text = bom ? input.slice(1) : input;
  const sections: IniSection[] = [{ header: null, body: [] }];
  let current = sections[0]!;
  let keyIndent: number | null = null;

  for (const { text: line, eol } of splitLines(text)) {
    const trimmed = line.trim();
    if (trimmed === '') {
      current.body.push({ kind: 'blank', text: line, eol });
      continue;
    }
    if (isComment(trimmed)) {
      current.body.push({ kind: 'comment', text: line, eol });
      continue;
    }
    const indent = indentOf(line);
    if (keyIndent !== null && indent > keyIndent) {
      current.body.push({ kind: 'continuation', text: line, eol, indent });
      continue;
    }
    const header = parseHeader(line, eol, indent);
    if (header) {
      current = { header, body: [] };
      sections.push(current);
      keyIndent = null;
      continue;
    }
    const key = parseKey(line, eol);
    if (key && current.header) {
      current.body.push(key);
      keyIndent = key.indent;
      continue;
    }
    const reason = key ? 'a key before any [section]' : 'not a [section], a key = value, or a comment';
    if (keyIndent !== null) keyIndent = indent;
    current.body.push({ kind: 'garbage', text: line, eol, reason });
  }
  return { bom, sections };
}
