/** Where a field matched the query, as ranges a row can draw: the highlight half of the search. */

/** Half-open [start, end) character ranges of a field that matched the query. */
export type Range = readonly [start: number, end: number];

/** Sorted match positions → merged ranges. */
export function indexesToRanges(indexes: readonly number[]): Range[] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const i of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && i <= last[1]) last[1] = Math.max(last[1], i + 1);
    else ranges.push([i, i + 1]);
  }
  return ranges;
}

/** Splits a string into plain and matched pieces for rendering. */
export function splitByRanges(
  text: string,
  ranges: readonly Range[] | undefined,
): { text: string; match: boolean }[] {
  if (!ranges || ranges.length === 0) return [{ text, match: false }];
  const out: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ text: text.slice(at, start), match: false });
    out.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}
