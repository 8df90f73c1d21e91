/**
 * The rows the window virtualizes, behind one small interface: a search's rows (a plain array), or
 * the unfiltered list, whose rows are made only when asked for. The unfiltered list of 10,000 roles
 * would otherwise build 22,000 objects before the first frame, of which the window draws 20. Its
 * rows are the same, in the same order, as `buildRows` with an empty query (a test holds them equal).
 */
import { noHighlights, type RoleHit, type RoleIndex, type SearchContext } from './roles';
import { parseRoleKey } from '../domain/role-key';
import { accountHeader, sectionRows, startsGroup, type ListRow } from './rows';

/** What a row's height depends on: headers, roles under their account, other role rows. */
export type RowShape = 'header' | 'account' | 'role';

export type RowList = {
  readonly length: number;
  /** Undefined outside 0 … length - 1 (no counting from the end, unlike Array#at). */
  at(i: number): ListRow | undefined;
  /** Without making the row: the virtualizer asks these two of every row. */
  keyAt(i: number): string | number | undefined;
  idAt(i: number): string | undefined;
  shapeAt(i: number): RowShape | undefined;
  indexOfId(id: string): number;
};

const shapeOf = (row: ListRow | undefined): RowShape | undefined =>
  row === undefined
    ? undefined
    : row.kind === 'header'
      ? 'header'
      : row.section === 'account'
        ? 'account'
        : 'role';

export function rowListOf(rows: readonly ListRow[]): RowList {
  return {
    length: rows.length,
    at: (i) => rows[i],
    keyAt: (i) => rows[i]?.id,
    idAt: (i) => rows[i]?.id,
    shapeAt: (i) => shapeOf(rows[i]),
    indexOfId: (id) => rows.findIndex((r) => r.id === id),
  };
}

/**
 * Every role under its account's header, after the Favorites and Recent sections. The sections
 * (a few rows) are made at once; below them `body` says per row which item it shows (>= 0) or
 * whose account header it is (-1 - item), and a row object is made the first time it is read.
 */
export function allRows(index: RoleIndex, ctx: SearchContext): RowList {
  const items = index.items;
  const n = items.length;
  const favorites: RoleHit[] = [];
  const recentItems = new Map<string, (typeof items)[number]>();
  // Only the roles of accounts a favorite or recent names are looked up by key: hashing 10,000
  // fresh key strings cost more than the rest of this loop.
  const named = new Set([...ctx.favorites, ...ctx.recents].map((k) => parseRoleKey(k)?.accountId));
  const starts = new Uint8Array(n);
  let groups = 0;
  let look = false;
  for (let j = 0; j < n; j++) {
    const item = items[j]!;
    if (startsGroup(item.role, items[j - 1]?.role)) {
      starts[j] = 1;
      groups++;
      look = named.has(item.role.accountId);
    }
    if (!look) continue;
    if (ctx.favorites.has(item.key))
      favorites.push({ key: item.key, role: item.role, score: 0, favorite: true, highlights: noHighlights });
    recentItems.set(item.key, item);
  }
  const recent = ctx.recents.filter((k) => !ctx.favorites.has(k)).flatMap((k) => recentItems.get(k) ?? []);
  const head = sectionRows(favorites, recent);
  const body = new Int32Array(n + groups);
  for (let j = 0, r = 0; j < n; j++) {
    if (starts[j]) body[r++] = -1 - j;
    body[r++] = j;
  }

  const made: ListRow[] = [];
  const h = head.length;
  const make = (b: number): ListRow => {
    if (b < 0) return accountHeader(items[-1 - b]!.role);
    const { key, role } = items[b]!;
    const hit = { key, role, score: 0, favorite: ctx.favorites.has(key), highlights: noHighlights };
    return { kind: 'role', id: key, hit, section: 'account' };
  };
  const at = (i: number): ListRow | undefined => {
    if (i < h) return head[i];
    const b = body[i - h];
    return b === undefined ? undefined : (made[i - h] ??= make(b));
  };
  let rowOfId: Map<string, number> | undefined;

  return {
    length: h + body.length,
    at,
    // The row's place: this list is made anew whenever its roles or sections change.
    keyAt: (i) => (i >= 0 && i < h + body.length ? i : undefined),
    idAt: (i) => {
      const b = i < h ? undefined : body[i - h];
      return b !== undefined && b >= 0 ? items[b]!.key : at(i)?.id;
    },
    shapeAt: (i) => {
      if (i < h) return shapeOf(head[i]);
      const b = body[i - h];
      return b === undefined ? undefined : b >= 0 ? 'account' : 'header';
    },
    indexOfId: (id) => {
      const top = head.findIndex((row) => row.id === id);
      if (top >= 0) return top;
      // Made on the first look-up (the person moved the selection), not for the first frame.
      if (!rowOfId) {
        rowOfId = new Map();
        for (let r = 0; r < body.length; r++) {
          const b = body[r]!;
          rowOfId.set(b >= 0 ? items[b]!.key : at(h + r)!.id, h + r);
        }
      }
      return rowOfId.get(id) ?? -1;
    },
  };
}
