import type { HeaderLine, IniDocument, IniLine } from '../ini/document';
import { isManaged, isMarkerLine } from '../ini/edit';

/**
 * A unified diff of the config that shows only Lanyard's own sections. The plan edits the parsed
 * document in place: a line that survives keeps its object, a changed or new line is a new object.
 * So the diff is a walk over line identities (linear), not a generic O(n·d) text diff, and every line
 * it shows is known to belong to a section with Lanyard's marker. Line texts are never edited in
 * place, so a snapshot holds the line objects only (35,000 of them for 5,000 profiles: no copies).
 */

/** The document's lines in order at one moment, with what may be shown of each. */
export type LineSnapshot = { lines: (IniLine | HeaderLine)[]; flags: Uint8Array };

const SHOW = 1;
const MASK = 2;
const CONTEXT = 2;
// A person may add a secret to a profile Lanyard manages ("edit freely"); a diff on screen must not echo it.
const secretKey = /secret|token|password/i;

export function snapshotLines(doc: IniDocument): LineSnapshot {
  let n = 0;
  for (const s of doc.sections) n += s.body.length + (s.header ? 1 : 0);
  const lines = new Array<IniLine | HeaderLine>(n);
  const flags = new Uint8Array(n);
  let k = 0;
  for (const section of doc.sections) {
    const managed = isManaged(section);
    if (section.header) {
      flags[k] = managed ? SHOW : 0;
      lines[k++] = section.header;
    }
    let secret = false;
    for (const l of section.body) {
      if (l.kind === 'key') secret = secretKey.test(l.key);
      // Comments are the person's notes (often about the next section); garbage could be anything.
      const own =
        managed && (l.kind === 'key' || l.kind === 'blank' || l.kind === 'continuation' || isMarkerLine(l));
      const mask = secret && (l.kind === 'key' || l.kind === 'continuation');
      flags[k] = (own ? SHOW : 0) | (mask ? MASK : 0);
      lines[k++] = l;
    }
  }
  return { lines, flags };
}

function display(line: IniLine | HeaderLine, flags: number): string {
  if (!(flags & MASK)) return line.text;
  return line.kind === 'key' ? `${line.text.slice(0, line.valueStart)}****` : '  ****';
}

const CTX = 0;
const DEL = 1;
const INS = 2;

/** The edit script as parallel arrays (kind, index on its side, old and new line numbers). */
function lineOps(before: LineSnapshot, after: LineSnapshot) {
  const inAfter = new Set<object>(after.lines);
  const inBefore = new Set<object>(before.lines);
  const max = before.lines.length + after.lines.length;
  const kind = new Uint8Array(max);
  const oldNo = new Int32Array(max);
  const newNo = new Int32Array(max);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < before.lines.length || j < after.lines.length) {
    const b = before.lines[i];
    const a = after.lines[j];
    oldNo[n] = i;
    newNo[n] = j;
    if (b && !inAfter.has(b)) {
      kind[n++] = DEL;
      i++;
    } else if (a && !inBefore.has(a)) {
      kind[n++] = INS;
      j++;
    } else if (a && b) {
      // Edits keep the order of surviving lines, so both sides now hold the same object.
      kind[n++] = CTX;
      i++;
      j++;
    } else break;
  }
  return { n, kind, oldNo, newNo };
}

function range(start: number, count: number): string {
  // Unified diff: an empty range names the line before it.
  return count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/** The readable diff between two snapshots of the same document, before and after a plan. */
export function renderProfilesDiff(before: LineSnapshot, after: LineSnapshot, fileName = 'config'): string {
  const { n, kind, oldNo, newNo } = lineOps(before, after);
  // Context is a line both sides keep that belongs to a Lanyard section.
  const isContext = (k: number) => k < n && kind[k] === CTX && (after.flags[newNo[k]!]! & SHOW) !== 0;
  const text = (k: number) =>
    kind[k] === DEL
      ? display(before.lines[oldNo[k]!]!, before.flags[oldNo[k]!]!)
      : display(after.lines[newNo[k]!]!, after.flags[newNo[k]!]!);
  const parts: string[] = [];
  let i = 0;
  while (i < n) {
    if (kind[i] === CTX) {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && i - start < CONTEXT && isContext(start - 1)) start--;
    let end = i;
    for (;;) {
      while (end < n && kind[end] !== CTX) end++;
      let k = end;
      while (k - end <= 2 * CONTEXT && isContext(k)) k++;
      if (k < n && k - end <= 2 * CONTEXT && kind[k] !== CTX) {
        end = k;
        continue;
      }
      let t = end;
      while (t - end < CONTEXT && isContext(t)) t++;
      end = t;
      break;
    }
    let oldCount = 0;
    let newCount = 0;
    const body: string[] = [];
    for (let k = start; k < end; k++) {
      if (kind[k] !== INS) oldCount++;
      if (kind[k] !== DEL) newCount++;
      body.push(`${kind[k] === CTX ? ' ' : kind[k] === DEL ? '-' : '+'}${text(k)}\n`);
    }
    parts.push(`@@ -${range(oldNo[start]!, oldCount)} +${range(newNo[start]!, newCount)} @@\n`, ...body);
    i = end;
  }
  return parts.length === 0 ? '' : `--- ${fileName}\tbefore\n+++ ${fileName}\tafter\n${parts.join('')}`;
}
