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
import type { RoleHit, RoleIndex, SearchContext } from './roles';

export type ListRow =
  | { kind: 'header'; id: string; label: string; detail?: string; sessionName?: string }
  | { kind: 'role'; id: string; hit: RoleHit; section: 'favorites' | 'recent' | 'account' | 'match' };

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

  const favorites = hits.filter((h) => h.favorite);
  if (favorites.length > 0) {
    rows.push({ kind: 'header', id: 'h:favorites', label: 'Favorites' });
    for (const hit of favorites) rows.push({ kind: 'role', id: `f:${hit.key}`, hit, section: 'favorites' });
  }
  const recent = ctx.recents
    .filter((k) => !ctx.favorites.has(k))
    .map((k) => index.byKey.get(k))
    .filter((i) => i !== undefined);
  if (recent.length > 0) {
    rows.push({ kind: 'header', id: 'h:recent', label: 'Recent' });
    for (const i of recent) {
      const hit: RoleHit = { key: i.key, role: i.role, score: 0, favorite: false, highlights: {} };
      rows.push({ kind: 'role', id: `r:${i.key}`, hit, section: 'recent' });
    }
  }
  let prev: RoleHit['role'] | undefined;
  for (const hit of hits) {
    const role = hit.role;
    // Per session too: the same account id reached through two sessions is two groups. Fields are
    // compared rather than joined, so only a header (one per account) builds a string.
    if (!prev || role.accountId !== prev.accountId || role.sessionName !== prev.sessionName) {
      prev = role;
      rows.push({
        kind: 'header',
        id: `h:${role.sessionName}:${role.accountId}`,
        label: hit.role.accountName,
        detail: hit.role.accountId,
        sessionName: hit.role.sessionName,
      });
    }
    rows.push({ kind: 'role', id: hit.key, hit, section: 'account' });
  }
  return rows;
}
