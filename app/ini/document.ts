/**
 * A lossless model of an AWS config file: every line keeps its exact text and line ending, so
 * `serialize(parse(x)) === x` for any input. Hand-written because no INI library on npm preserves
 * bytes (they all rebuild the file from a map, dropping comments, spacing and order), and Lanyard
 * must never alter a byte of a section it does not own. Line rules: ./lines.ts.
 *
 * `parse` scans the file once for its sections and builds a section's line objects only when its
 * `body` is first read: a command that looks at a few sections of a 5,000-profile file (finding the
 * sessions) no longer builds 35,000 line objects. What the scan saw of the other sections (their
 * keys, their problems) is kept in an outline (`sectionOutline`).
 */
import {
  BLANK,
  COMMENT,
  CONTINUATION,
  eachLine,
  found,
  garbageReason,
  GARBAGE,
  HEADER,
  isSpace,
  KEY,
  KEY_BEFORE_SECTION,
  lineClassifier,
  trimmedEnd,
  type Eol,
} from './lines';

export type { Eol } from './lines';

type LineBase = { text: string; eol: Eol };

export type BlankLine = LineBase & { kind: 'blank' };
export type CommentLine = LineBase & { kind: 'comment' };
export type HeaderLine = LineBase & {
  kind: 'header';
  /** What botocore sees between the first `[` and the last `]`, untrimmed. */
  inner: string;
};
export type KeyLine = LineBase & {
  kind: 'key';
  /** Lower-cased, trimmed (botocore's optionxform). */
  key: string;
  value: string;
  /** Where the value starts and ends in `text`, so an edit keeps the person's spacing. */
  valueStart: number;
  valueEnd: number;
  indent: number;
};
/** An indented line under a key: a nested `sub = value` or a continued value. */
export type ContinuationLine = LineBase & { kind: 'continuation'; indent: number };
/** A line botocore would reject (no delimiter, or a key before any section). */
export type GarbageLine = LineBase & { kind: 'garbage'; reason: string };

export type IniLine = BlankLine | CommentLine | HeaderLine | KeyLine | ContinuationLine | GarbageLine;

export type IniSection = {
  /** Null for the preamble (lines before the first header). */
  header: HeaderLine | null;
  body: IniLine[];
};

export type IniDocument = {
  bom: boolean;
  /** sections[0] is always the preamble (possibly empty). */
  sections: IniSection[];
};

/** What the scan saw of a section's body, without line objects. */
export type SectionOutline = {
  readonly lineCount: number;
  /** Every key line's key, lower-cased and trimmed, in order. */
  readonly keys: readonly string[];
  /** Whether any line is garbage (botocore would refuse the file: read the body for which). */
  readonly garbage: boolean;
};

/** A section whose lines are built on first read of `body`; the outline serves until then. */
class ScannedSection implements IniSection {
  #body: IniLine[] | undefined;
  constructor(
    public header: HeaderLine | null,
    readonly source: string,
    readonly outline: SectionOutline,
    private readonly key: KeyInterner,
  ) {}
  get body(): IniLine[] {
    return (this.#body ??= bodyLines(this.source, this.header !== null, this.key));
  }
  set body(lines: IniLine[]) {
    this.#body = lines;
  }
  get built(): boolean {
    return this.#body !== undefined;
  }
}

/** The outline of a section whose lines were not built yet (after that, read its body). */
export function sectionOutline(section: IniSection): SectionOutline | undefined {
  return section instanceof ScannedSection && !section.built ? section.outline : undefined;
}

/** The lower-cased keys of a section, in order, without building its lines when it can. */
export function sectionKeys(section: IniSection): readonly string[] {
  return sectionOutline(section)?.keys ?? section.body.flatMap((l) => (l.kind === 'key' ? [l.key] : []));
}

function bodyLines(source: string, inSection: boolean, lowerKey: KeyInterner): IniLine[] {
  const out: IniLine[] = [];
  let keyIndent = -1;
  const classify = lineClassifier(source);
  eachLine(source, 0, source.length, (start, end, eol) => {
    const text = source.slice(start, end);
    const kind = classify(start, end, keyIndent, inSection);
    const indent = found.indent;
    if (kind === BLANK) out.push({ kind: 'blank', text, eol });
    else if (kind === COMMENT) out.push({ kind: 'comment', text, eol });
    else if (kind === CONTINUATION) out.push({ kind: 'continuation', text, eol, indent });
    else if (kind === KEY) {
      const delim = found.delim - start;
      // botocore strips key and value; an edit replaces only [valueStart, valueEnd).
      let valueStart = delim + 1;
      while (valueStart < text.length && isSpace(text.charCodeAt(valueStart))) valueStart++;
      const valueEnd = Math.max(valueStart, trimmedEnd(text, valueStart, text.length));
      out.push({
        kind: 'key',
        text,
        eol,
        key: lowerKey(text, indent, trimmedEnd(text, indent, delim)),
        value: text.slice(valueStart, valueEnd),
        valueStart,
        valueEnd,
        indent,
      });
      keyIndent = indent;
    } else {
      // A header never reaches here: the scan split the file at every header.
      const reason = garbageReason[kind === KEY_BEFORE_SECTION ? KEY_BEFORE_SECTION : GARBAGE];
      if (keyIndent >= 0) keyIndent = indent;
      out.push({ kind: 'garbage', text, eol, reason });
    }
  });
  return out;
}

/**
 * Lower-cased keys, one string per distinct key: a large file repeats a dozen keys thousands of
 * times. The Map hashes the raw key natively; only a new spelling is lower-cased.
 */
type KeyInterner = (text: string, start: number, end: number) => string;

function keyInterner(): KeyInterner {
  const seen = new Map<string, string>();
  return (text, start, end) => {
    const raw = text.slice(start, end);
    let k = seen.get(raw);
    if (k === undefined) seen.set(raw, (k = raw.toLowerCase()));
    return k;
  };
}

export function parse(input: string): IniDocument {
  const bom = input.startsWith('\ufeff');
  const text = bom ? input.slice(1) : input;
  const sections: IniSection[] = [];
  let header: HeaderLine | null = null;
  let from = 0;
  let keys: string[] = [];
  let garbage = false;
  const key = keyInterner();
  let lineCount = 0;
  let keyIndent = -1;
  const close = (to: number) => {
    sections.push(new ScannedSection(header, text.slice(from, to), { lineCount, keys, garbage }, key));
    keys = [];
    garbage = false;
    lineCount = 0;
  };

  const classify = lineClassifier(text);
  eachLine(text, 0, text.length, (start, end, eol) => {
    const kind = classify(start, end, keyIndent, header !== null);
    if (kind === HEADER) {
      close(start);
      header = foundHeader(text, start, end, eol);
      from = start + (end - start) + eol.length;
      keyIndent = -1;
      return;
    }
    if (kind === KEY) {
      keys.push(key(text, found.first, trimmedEnd(text, found.first, found.delim)));
      keyIndent = found.indent;
    } else if (kind === GARBAGE || kind === KEY_BEFORE_SECTION) {
      garbage = true;
      if (keyIndent >= 0) keyIndent = found.indent;
    }
    lineCount++;
  });
  close(text.length);
  return { bom, sections };
}

/** `text` (one line, without its ending) as a header line, or null when botocore would not read it as one. */
export function headerLine(text: string, eol: Eol): HeaderLine | null {
  if (/[\r\n]/.test(text) || lineClassifier(text)(0, text.length, -1, false) !== HEADER) return null;
  return foundHeader(text, 0, text.length, eol);
}

/** The header line `text[start, end)` just classified: its name lies between `found.first` and `found.close`. */
function foundHeader(text: string, start: number, end: number, eol: Eol): HeaderLine {
  return {
    kind: 'header',
    text: text.slice(start, end),
    eol,
    inner: text.slice(found.first + 1, found.close),
  };
}

/** Splits text into lines with their exact endings (CRLF, LF, lone CR, or none at the end). */
export function splitLines(text: string): { text: string; eol: Eol }[] {
  const out: { text: string; eol: Eol }[] = [];
  eachLine(text, 0, text.length, (start, end, eol) => out.push({ text: text.slice(start, end), eol }));
  return out;
}

export function serializeLines(lines: readonly { text: string; eol: Eol }[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) out += lines[i]!.text + lines[i]!.eol;
  return out;
}

export function serializeSection(section: IniSection): string {
  const head = section.header ? section.header.text + section.header.eol : '';
  // A section whose lines were never built is still its source text, byte for byte.
  if (section instanceof ScannedSection && !section.built) return head + section.source;
  return head + serializeLines(section.body);
}

export function serialize(doc: IniDocument): string {
  let out = doc.bom ? '\ufeff' : '';
  for (let i = 0; i < doc.sections.length; i++) out += serializeSection(doc.sections[i]!);
  return out;
}

/**
 * dominantEol of `parse(text)`: a file without a CR can only be LF, which needs no look at its
 * lines (nor building them).
 */
export function dominantEolOfParsed(doc: IniDocument, text: string): Exclude<Eol, ''> {
  return text.includes('\r') ? dominantEol(doc) : '\n';
}

/** The line ending most used in the document (LF when there is none), for lines Lanyard adds. */
export function dominantEol(doc: IniDocument): Exclude<Eol, ''> {
  const counts = { '\n': 0, '\r\n': 0, '\r': 0 };
  for (const s of doc.sections) {
    if (s.header && s.header.eol) counts[s.header.eol]++;
    for (const l of s.body) if (l.eol) counts[l.eol]++;
  }
  if (counts['\r\n'] > counts['\n'] && counts['\r\n'] >= counts['\r']) return '\r\n';
  if (counts['\r'] > counts['\n'] && counts['\r'] > counts['\r\n']) return '\r';
  return '\n';
}
