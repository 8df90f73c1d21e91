import type { IniDocument } from '../ini/document';
import { isManaged, isMarkerLine } from '../ini/edit';

/**
 * A unified diff of the config that shows only Lanyard's own sections. The plan edits the parsed
 * document in place: a line that survives keeps its object, a changed or new line is a new object.
 * So the diff is a walk over line identities (linear), not a generic O(n·d) text diff, and every line
 * it shows is known to belong to a section with Lanyard's marker.
 */

/** One line of the file at a moment: its object (identity), its text then, and whether it may be shown. */
export type LineView = { line: object; text: string; showable: boolean };

const CONTEXT = 2;
// A person may add a secret to a profile Lanyard manages ("edit freely"); a diff on screen must not echo it.
const secretKey = /secret|token|password/i;

/** The document's lines in order, taken before the plan edits it (texts are copied, objects kept). */
export function snapshotLines(doc: IniDocument): LineView[] {
  const out: LineView[] = [];
  for (const section of doc.sections) {
    const managed = isManaged(section);
    if (section.header) out.push({ line: section.header, text: section.header.text, showable: managed });
    let secret = false;
    for (const l of section.body) {
      if (l.kind === 'key') secret = secretKey.test(l.key);
      // Comments are the person's notes (often about the next section); garbage could be anything.
      const own =
        managed && (l.kind === 'key' || l.kind === 'blank' || l.kind === 'continuation' || isMarkerLine(l));
      const hide = (l.kind === 'key' || l.kind === 'continuation') && secret;
      const text = hide && l.kind === 'key' ? l.text.slice(0, l.valueStart) + '****' : l.text;
      out.push({ line: l, text: hide && l.kind === 'continuation' ? '  ****' : text, showable: own });
    }
  }
  return out;
}

type Op = { op: ' ' | '-' | '+'; view: LineView; oldNo: number; newNo: number };

function lineOps(before: LineView[], after: LineView[]): Op[] {
  const inAfter = new Set(after.map((v) => v.line));
  const inBefore = new Set(before.map((v) => v.line));
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const b = before[i];
    const a = after[j];
    if (b && !inAfter.has(b.line)) ops.push({ op: '-', view: b, oldNo: i++, newNo: j });
    else if (a && !inBefore.has(a.line)) ops.push({ op: '+', view: a, oldNo: i, newNo: j++ });
    // Edits keep the order of surviving lines, so both sides now hold the same object.
    else if (a && b) ops.push({ op: ' ', view: a, oldNo: i++, newNo: j++ });
    else break;
  }
  return ops;
}

const isContext = (o: Op | undefined) => o !== undefined && o.op === ' ' && o.view.showable;

function range(start: number, count: number): string {
  // Unified diff: an empty range names the line before it.
  return count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

function hunk(ops: Op[], from: number, to: number): string {
  const first = ops[from]!;
  let oldCount = 0;
  let newCount = 0;
  let body = '';
  for (let k = from; k < to; k++) {
    const o = ops[k]!;
    if (o.op !== '+') oldCount++;
    if (o.op !== '-') newCount++;
    body += `${o.op}${o.view.text}\n`;
  }
  return `@@ -${range(first.oldNo, oldCount)} +${range(first.newNo, newCount)} @@\n${body}`;
}

/** The readable diff between two snapshots of the same document, before and after a plan. */
export function renderProfilesDiff(before: LineView[], after: LineView[], fileName = 'config'): string {
  const ops = lineOps(before, after);
  let out = '';
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.op === ' ') {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && i - start < CONTEXT && isContext(ops[start - 1])) start--;
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]!.op !== ' ') end++;
      let k = end;
      while (k < ops.length && k - end <= 2 * CONTEXT && isContext(ops[k])) k++;
      if (k < ops.length && k - end <= 2 * CONTEXT && ops[k]!.op !== ' ') {
        end = k;
        continue;
      }
      let t = end;
      while (t < ops.length && t - end < CONTEXT && isContext(ops[t])) t++;
      end = t;
      break;
    }
    out += hunk(ops, start, end);
    i = end;
  }
  return out === '' ? '' : `--- ${fileName}\tbefore\n+++ ${fileName}\tafter\n${out}`;
}
