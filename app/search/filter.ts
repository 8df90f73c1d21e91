import type { RoleEntry } from '../domain/accounts';
import { buildRoleIndex, searchRoles, type SearchContext } from './roles';

const nothingStarred: SearchContext = { favorites: new Set(), recents: [] };

/**
 * `lanyard roles FILTER`: the window's search (same index, scoring and order, favorites first), so a
 * query finds the same roles in both.
 */
export function filterRoles(
  roles: readonly RoleEntry[],
  query: string,
  ctx: SearchContext = nothingStarred,
): RoleEntry[] {
  return searchRoles(buildRoleIndex(roles), query, ctx).map((h) => h.role);
}
