import { LanyardError } from '../errors';
import {
  dominantEol,
  headerLine,
  type CommentLine,
  type IniDocument,
  type IniLine,
  type IniSection,
  type KeyLine,
} from './document';

/** First body line of every section Lanyard creates; without it a section is the person's alone. */
export const MANAGED_MARKER =
  '# Managed by Lanyard: edit freely; remove this line to keep Lanyard from changing this profile.';
const markerPrefix = '# Managed by Lanyard';

export type Entry = readonly [key: string, value: string];

export function isMarkerLine(line: IniLine): boolean {
  return line.kind === 'comment' && line.text.trim().startsWith(markerPrefix);
}

export function isManaged(section: IniSection): boolean {
  const first = section.body[0];
  return section.header !== null && first !== undefined && isMarkerLine(first);
}

const lineBreak = /[\r\n]/;
const configKey = /^[A-Za-z0-9_.-]+$/;

function checkEntry([key, value]: Entry): void {
  if (lineBreak.test(key) || lineBreak.test(value)) {
    throw new LanyardError(
      'BAD_INPUT',
      `The value for "${key.replace(/[\r\n]/g, ' ')}" cannot contain a line break.`,
    );
  }
  if (!configKey.test(key)) throw new LanyardError('BAD_INPUT', `"${key}" is not a valid config key.`);
}

function keyLine(key: string, value: string, eol: KeyLine['eol']): KeyLine {
  const text = `${key} = ${value}`;
  return { kind: 'key', text, eol, key, value, valueStart: key.length + 3, valueEnd: text.length, indent: 0 };
}

/** A lone trailing line without an ending gets one, so that a line can follow it. */
function terminateLast(doc: IniDocument, eol: KeyLine['eol']): void {
  for (let i = doc.sections.length - 1; i >= 0; i--) {
    const s = doc.sections[i]!;
    const last: IniLine | undefined = s.body.at(-1) ?? s.header ?? undefined;
    if (!last) continue;
    if (last.eol === '') last.eol = eol;
    return;
  }
}

/**
 * Appends `[header]`, the marker and `key = value` lines after the existing content, the way the
 * AWS CLI's config writer does (a line ending is added only if the file lacks a final one).
 */
export function appendSection(
  doc: IniDocument,
  header: string,
  entries: readonly Entry[],
  eol: Exclude<KeyLine['eol'], ''> = dominantEol(doc),
): IniSection {
  entries.forEach(checkEntry);
  terminateLast(doc, eol);
  const parsedHeader = headerLine(header, eol);
  if (!parsedHeader) throw new LanyardError('INTERNAL', `Not a section header: ${header}`);
  const marker: CommentLine = { kind: 'comment', text: MANAGED_MARKER, eol };
  const section: IniSection = {
    header: parsedHeader,
    body: [marker, ...entries.map(([k, v]) => keyLine(k, v, eol))],
  };
  doc.sections.push(section);
  return section;
}

/** Index of the line after the last key (or continuation) of the section: where new keys go. */
function endOfKeys(section: IniSection): number {
  for (let i = section.body.length - 1; i >= 0; i--) {
    const k = section.body[i]!.kind;
    if (k === 'key' || k === 'continuation' || k === 'garbage') return i + 1;
  }
  return isManaged(section) ? 1 : 0;
}

/**
 * Sets the given keys in a section, keeping every other line, its order and its spacing. An existing
 * key keeps its spelling and spacing around `=`; only the value text changes. Returns whether anything did.
 */
export function setKeys(
  doc: IniDocument,
  section: IniSection,
  entries: readonly Entry[],
  eol: Exclude<KeyLine['eol'], ''> = dominantEol(doc),
): boolean {
  for (let e = 0; e < entries.length; e++) checkEntry(entries[e]!);
  let changed = false;
  const body = section.body;
  for (let e = 0; e < entries.length; e++) {
    const [key, value] = entries[e]!;
    // Lower-cased once per key, and a plain loop: this runs for 5,000 sections on a cold engine.
    const lower = key.toLowerCase();
    let idx = -1;
    for (let i = 0; i < body.length; i++) {
      const l = body[i]!;
      if (l.kind === 'key' && l.key === lower) {
        idx = i;
        break;
      }
    }
    if (idx >= 0) {
      const line = section.body[idx] as KeyLine;
      // A nested block under the key would change the meaning of the new value: it goes.
      let end = idx + 1;
      while (section.body[end]?.kind === 'continuation') end++;
      if (line.value === value && end === idx + 1) continue;
      const text = line.text.slice(0, line.valueStart) + value + line.text.slice(line.valueEnd);
      const updated: KeyLine = { ...line, text, value, valueEnd: line.valueStart + value.length };
      section.body.splice(idx, end - idx, updated);
      changed = true;
    } else {
      const at = endOfKeys(section);
      const before = section.body[at - 1] ?? section.header;
      let newEol: KeyLine['eol'] = eol;
      // Only the file's last line lacks an ending: the new line takes its place as the unterminated one.
      if (before && before.eol === '') {
        before.eol = eol;
        newEol = '';
      }
      section.body.splice(at, 0, keyLine(key, value, newEol));
      changed = true;
    }
  }
  return changed;
}

/**
 * Removes sections Lanyard owns, in one pass over the document. Comments after a section's last key
 * (with the blank lines after them) are kept: they usually describe the next section, and they are
 * the person's bytes.
 */
export function removeSections(doc: IniDocument, doomed: ReadonlySet<IniSection>): void {
  for (const s of doomed) {
    if (!isManaged(s))
      throw new LanyardError('CONFIG', 'Lanyard only removes sections it created (with the marker line).');
  }
  const kept: IniSection[] = [];
  for (const section of doc.sections) {
    const prev = kept.at(-1);
    if (!doomed.has(section) || !prev) {
      kept.push(section);
      continue;
    }
    const tail = section.body.slice(Math.max(endOfKeys(section), 1));
    // A marker-like line is Lanyard's own (kept, it would make the section above look managed), and
    // so are the blank lines after it: kept alone they would join that section's tail.
    const firstComment = tail.findIndex((l) => l.kind === 'comment' && !isMarkerLine(l));
    if (firstComment >= 0) prev.body.push(...tail.slice(firstComment).filter((l) => !isMarkerLine(l)));
  }
  doc.sections = kept;
}

export function removeSection(doc: IniDocument, section: IniSection): void {
  removeSections(doc, new Set([section]));
}
