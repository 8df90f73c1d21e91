import type { HeaderLine, IniDocument, IniLine, IniSection } from '../ini/document';
import { isManaged, isMarkerLine } from '../ini/edit';

/**
 * A unified diff of the config that shows only Lanyard's own sections. The plan edits the parsed
 * document in place: a line that survives keeps its object, a changed or new line is a new object.
 * So the diff is a walk over line identities (linear), not a generic O(n·d) text diff, and every line
 * it shows is known to belong to a section with Lanyard's marker. Line texts are never edited in
 * place, so a snapshot holds the line objects only (35,000 of them for 5,000 profiles: no copies).
 */

/** The document's lines in order at one moment, with what may be shown of each and whose they are. */
export type LineSnapshot = {
  lines: (IniLine | HeaderLine)[];
  flags: Uint8Array;
  sections: IniSection[];
  /** Where each section's lines start in `lines`, and one more entry: the end. */
  starts: Int32Array;
  /** The index in `sections` of each line's section. */
  sectionOf: Int32Array;
};

const SHOW = 1;
const MASK = 2;
const CONTEXT = 2;
// A person may add a secret to a profile Lanyard manages ("edit freely"); a diff on screen must not echo it.
const secretKey = /secret|token|password/i;

export function snapshotLines(doc: IniDocument): LineSnapshot {
  const sections = doc.sections.slice();
  let n = 0;
  // Indexed loops: this runs once per command, mostly before V8 optimises it, and for-of costs an
  // iterator per section there.
  for (let x = 0; x < sections.length; x++) n += sections[x]!.body.length + (sections[x]!.header ? 1 : 0);
  const lines = new Array<IniLine | HeaderLine>(n);
  const flags = new Uint8Array(n);
  const starts = new Int32Array(sections.length + 1);
  const sectionOf = new Int32Array(n);
  let k = 0;
  for (let x = 0; x < sections.length; x++) {
    const section = sections[x]!;
    starts[x] = k;
    const managed = isManaged(section);
    if (section.header) {
      flags[k] = managed ? SHOW : 0;
      sectionOf[k] = x;
      lines[k++] = section.header;
    }
    let secret = false;
    const body = section.body;
    for (let y = 0; y < body.length; y++) {
      const l = body[y]!;
      const kind = l.kind;
      if (kind === 'key') secret = secretKey.test(l.key);
      // Comments are the person's notes (often about the next section); garbage could be anything.
      const own =
        managed &&
        (kind === 'key' ||
          kind === 'blank' ||
          kind === 'continuation' ||
          (kind === 'comment' && isMarkerLine(l)));
      const mask = secret && (kind === 'key' || kind === 'continuation');
      flags[k] = (own ? SHOW : 0) | (mask ? MASK : 0);
      sectionOf[k] = x;
      lines[k++] = l;
    }
  }
  starts[sections.length] = k;
  return { lines, flags, sections, starts, sectionOf };
}

function display(line: IniLine | HeaderLine, flags: number): string {
  if (!(flags & MASK)) return line.text;
  return line.kind === 'key' ? `${line.text.slice(0, line.valueStart)}****` : '  ****';
}

const CTX = 0;
const DEL = 1;
const INS = 2;

/** Above this many lines a section's lines are looked up in a Set rather than searched. */
const SEARCHED = 64;

/**
 * Whether each line of `before` is still in `after`, asked section by section: the edits
 * (app/ini/edit.ts) change lines only inside the section they are given, and a removed section's
 * comments move to the section before it. So a line of a section that is still there can only be
 * in that section now (a handful of lines), and only a removed section's lines need the whole file.
 */
function survivalIn(before: LineSnapshot, after: LineSnapshot): (i: number) => boolean {
  const index = new Map<IniSection, number>();
  for (let x = 0; x < after.sections.length; x++) index.set(after.sections[x]!, x);
  const bySection = new Map<number, Set<object>>();
  let anywhere: Set<object> | undefined;
  return (i) => {
    const line = before.lines[i]!;
    const x = index.get(before.sections[before.sectionOf[i]!]!);
    if (x === undefined) return (anywhere ??= new Set<object>(after.lines)).has(line);
    const from = after.starts[x]!;
    const to = after.starts[x + 1]!;
    if (to - from > SEARCHED) {
      let set = bySection.get(x);
      if (!set) bySection.set(x, (set = new Set<object>(after.lines.slice(from, to))));
      return set.has(line);
    }
    for (let k = from; k < to; k++) if (after.lines[k] === line) return true;
    return false;
  };
}

/**
 * The edit script as parallel arrays (kind, index on its side, old and new line numbers). Edits
 * keep the order of surviving lines, so where the two sides differ either the line before is gone
 * (deleted) or it survives further on, and then the line after is new (inserted): nothing kept
 * can come before a survivor it followed.
 */
function lineOps(before: LineSnapshot, after: LineSnapshot) {
  const survives = survivalIn(before, after);
  const max = before.lines.length + after.lines.length;
  const kind = new Uint8Array(max);
  const oldNo = new Int32Array(max);
  const newNo = new Int32Array(max);
  const bLen = before.lines.length;
  const aLen = after.lines.length;
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < bLen || j < aLen) {
    oldNo[n] = i;
    newNo[n] = j;
    if (i < bLen && j < aLen && before.lines[i] === after.lines[j]) {
      kind[n++] = CTX;
      i++;
      j++;
    } else if (i < bLen && (j >= aLen || !survives(i))) {
      kind[n++] = DEL;
      i++;
    } else {
      kind[n++] = INS;
      j++;
    }
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
  // Built with +=: V8 joins the pieces once, at the end, without an array of 40,000 strings.
  let out = '';
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
    let body = '';
    for (let k = start; k < end; k++) {
      const what = kind[k];
      if (what !== INS) oldCount++;
      if (what !== DEL) newCount++;
      body += `${what === CTX ? ' ' : what === DEL ? '-' : '+'}${text(k)}\n`;
    }
    out += `@@ -${range(oldNo[start]!, oldCount)} +${range(newNo[start]!, newCount)} @@\n${body}`;
    i = end;
  }
  return out === '' ? '' : `--- ${fileName}\tbefore\n+++ ${fileName}\tafter\n${out}`;
}
