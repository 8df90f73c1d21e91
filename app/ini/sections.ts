import { sectionOutline, type IniDocument, type IniSection, type KeyLine } from './document';

export type SectionKind = 'profile' | 'sso-session' | 'services' | 'other';
export type SectionId = { kind: SectionKind; name: string };

/**
 * POSIX shell word splitting as Python's `shlex.split` does it (botocore splits headers this way, so
 * `[profile "my profile"]` names `my profile`). Hand-written: a dozen lines, and the npm shell-quote
 * packages also expand `$VAR` and operators, which botocore does not. Returns null on an open quote.
 */
export function shellSplit(input: string): string[] | null {
  // Most headers quote nothing: plain whitespace splitting gives the same words, much faster.
  if (!/['"\\]/.test(input)) return input.split(/\s+/).filter((w) => w !== '');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) return null;
      word += input.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (; j < input.length && input[j] !== '"'; j++) {
        if (input[j] === '\\' && j + 1 < input.length && '\\"$`\n'.includes(input[j + 1]!)) j++;
        word += input[j];
      }
      if (j >= input.length) return null;
      i = j;
    } else if (c === '\\') {
      if (i + 1 >= input.length) return null;
      word += input[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** What a header names, the way botocore's configloader reads it. */
export function sectionId(inner: string): SectionId {
  if (inner === 'default') return { kind: 'profile', name: 'default' };
  for (const kind of ['profile', 'sso-session', 'services'] as const) {
    if (!inner.startsWith(kind)) continue;
    const parts = shellSplit(inner);
    if (parts && parts.length === 2 && parts[0] === kind) return { kind, name: parts[1]! };
  }
  return { kind: 'other', name: inner };
}

// `profile name` with nothing to unquote: what shellSplit would give, without splitting.
const plainProfile = /^profile\s+([^\s'"\\]+)$/;

export function sectionIdOf(section: IniSection): SectionId | null {
  if (!section.header) return null;
  const plain = plainProfile.exec(section.header.inner);
  if (plain) return { kind: 'profile', name: plain[1]! };
  return sectionId(section.header.inner);
}

/** Writes a header the way the AWS CLI does: names with whitespace or quotes are shell-quoted. */
export function formatHeader(kind: Exclude<SectionKind, 'other'>, name: string): string {
  const quoted = /^[^\s'"\\]+$/.test(name) ? name : `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
  return `[${kind} ${quoted}]`;
}

export type SectionValues = Record<string, string | Record<string, string>>;

/**
 * The values of one section as botocore sees them: keys lower-cased, a key whose value is empty and
 * continues on indented lines becomes a nested map; other continuations join with a newline.
 */
export function sectionValues(section: IniSection): SectionValues {
  const values: SectionValues = {};
  let lastKey: string | null = null;
  const continued: Record<string, string[]> = {};
  for (const line of section.body) {
    if (line.kind === 'key') {
      lastKey = line.key;
      values[line.key] = line.value;
      continued[line.key] = [];
    } else if (line.kind === 'continuation' && lastKey !== null) {
      continued[lastKey]!.push(line.text.trim());
    }
  }
  for (const [key, lines] of Object.entries(continued)) {
    if (lines.length === 0) continue;
    const base = values[key] as string;
    if (base !== '') {
      values[key] = [base, ...lines].join('\n');
      continue;
    }
    const nested: Record<string, string> = {};
    for (const l of lines) {
      const eq = l.indexOf('=');
      if (eq >= 0) nested[l.slice(0, eq).trim()] = l.slice(eq + 1).trim();
    }
    values[key] = nested;
  }
  return values;
}

/**
 * `stringValue(sectionValues(section), key)` without building every value: the last `key` line's
 * value, joined with the continuation lines under it; undefined when absent or a nested block.
 */
export function sectionString(section: IniSection, key: string): string | undefined {
  const body = section.body;
  let at = -1;
  for (let i = 0; i < body.length; i++) {
    const l = body[i]!;
    if (l.kind === 'key' && l.key === key) at = i;
  }
  if (at < 0) return undefined;
  const base = (body[at] as KeyLine).value;
  let joined = base;
  let continued = false;
  for (let i = at + 1; i < body.length; i++) {
    const l = body[i]!;
    if (l.kind === 'key') break;
    if (l.kind === 'continuation') {
      joined += `\n${l.text.trim()}`;
      continued = true;
    }
  }
  if (!continued) return base;
  return base === '' ? undefined : joined;
}

export function stringValue(values: SectionValues, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

/** Every section of the given kind and name, in file order (more than one is a duplicate). */
export function findSections(doc: IniDocument, kind: SectionKind, name: string): IniSection[] {
  return doc.sections.filter((s) => {
    const id = sectionIdOf(s);
    return id !== null && id.kind === kind && id.name === name;
  });
}

function hasDuplicate(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) for (let j = 0; j < i; j++) if (keys[j] === keys[i]) return true;
  return false;
}

/** Things botocore would refuse in this file (it then ignores the whole file), in words for a person. */
export function documentProblems(doc: IniDocument): string[] {
  const problems: string[] = [];
  if (doc.bom) problems.push('the file starts with a byte-order mark, which botocore does not accept');
  const seen = new Set<string>();
  let lineNo = 0;
  for (const s of doc.sections) {
    if (s.header) {
      lineNo++;
      if (seen.has(s.header.inner))
        problems.push(`line ${lineNo}: section [${s.header.inner}] appears twice`);
      seen.add(s.header.inner);
    }
    // A section the parse only outlined (most of a large file) is passed over unless it has a
    // problem to report; then its lines are built to say where. No Set per section: sections hold
    // a handful of keys, and a large file has thousands of sections.
    const outline = sectionOutline(s);
    if (outline && !outline.garbage && !hasDuplicate(outline.keys)) {
      lineNo += outline.lineCount;
      continue;
    }
    const keys = new Set<string>();
    for (const l of s.body) {
      lineNo++;
      if (l.kind === 'garbage') problems.push(`line ${lineNo}: ${l.reason}`);
      if (l.kind === 'key') {
        if (keys.has(l.key)) problems.push(`line ${lineNo}: key "${l.key}" appears twice in its section`);
        keys.add(l.key);
      }
    }
  }
  return problems;
}
