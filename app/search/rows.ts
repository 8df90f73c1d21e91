/**
 * The flat list the tray window virtualizes: section headers and role rows, in display order.
 *
 * With no query: Favorites, Recent, then every role under its account's header.
 * With a query: matching favorites, then the other matches by score (rows carry their account label).
 *
 * Row ids are unique: the bulk of rows (matches, or roles under their account) use the role key
 * itself, with no per-keystroke string building; favorites and recents, which repeat a role shown
 * again below, are prefixed; header ids hold no '/', which every role key has.
 */
import type { RoleEntry } from '../domain/accounts';
import type { RoleHit, RoleIndex, SearchContext } from './roles';

export type ListRow =
  | { kind: 'header'; id: string; label: string; detail?: string; sessionName?: string }
  | { kind: 'role'; id: string; hit: RoleHit; section: 'favorites' | 'recent' | 'account' | 'match' };

type Item = { readonly key: string; readonly role: RoleEntry };

/** An account's header. Per session too: one account id reached through two sessions is two groups. */
export function accountHeader(role: RoleEntry): ListRow {
  return {
    kind: 'header',
    id: `h:${role.sessionName}:${role.accountId}`,
    label: role.accountName,
    detail: role.accountId,
    sessionName: role.sessionName,
  };
}

/** Whether `role` starts a new account group after `prev` (fields compared, no string built). */
export const startsGroup = (role: RoleEntry, prev: RoleEntry | undefined): boolean =>
  !prev || role.accountId !== prev.accountId || role.sessionName !== prev.sessionName;

/** The Favorites and Recent sections on top of the unfiltered list; `recent` excludes favorites. */
export function sectionRows(favorites: readonly RoleHit[], recent: readonly Item[]): ListRow[] {
  const rows: ListRow[] = [];
  if (favorites.length > 0) {
    rows.push({ kind: 'header', id: 'h:favorites', label: 'Favorites' });
    for (const hit of favorites) rows.push({ kind: 'role', id: `f:${hit.key}`, hit, section: 'favorites' });
  }
  if (recent.length > 0) {
    rows.push({ kind: 'header', id: 'h:recent', label: 'Recent' });
    for (const i of recent) {
      const hit: RoleHit = { key: i.key, role: i.role, score: 0, favorite: false, highlights: {} };
      rows.push({ kind: 'role', id: `r:${i.key}`, hit, section: 'recent' });
    }
  }
  return rows;
}

export function buildRows(
  hits: readonly RoleHit[],
  query: string,
  index: RoleIndex,
  ctx: SearchContext,
): ListRow[] {
  const rows: ListRow[] = [];
  if (query.trim() !== '') {
    const favorites = hits.filter((h) => h.favorite);
    if (favorites.length > 0) {
      rows.push({ kind: 'header', id: 'h:favorites', label: 'Favorites' });
      for (const hit of favorites) rows.push({ kind: 'role', id: `f:${hit.key}`, hit, section: 'favorites' });
      if (favorites.length < hits.length) rows.push({ kind: 'header', id: 'h:matches', label: 'Matches' });
    }
    for (const hit of hits) {
      if (!hit.favorite) rows.push({ kind: 'role', id: hit.key, hit, section: 'match' });
    }
    return rows;
  }

  const recent = ctx.recents
    .filter((k) => !ctx.favorites.has(k))
    .map((k) => index.byKey.get(k))
    .filter((i) => i !== undefined);
  rows.push(
    ...sectionRows(
      hits.filter((h) => h.favorite),
      recent,
    ),
  );
  let prev: RoleEntry | undefined;
  for (const hit of hits) {
    if (startsGroup(hit.role, prev)) rows.push(accountHeader(hit.role));
    prev = hit.role;
    rows.push({ kind: 'role', id: hit.key, hit, section: 'account' });
  }
  return rows;
}
