import type { RoleEntry } from '../domain/accounts';
import { sortRoles } from '../domain/role-order';
import type { SearchContext } from './roles';

const nothingStarred: SearchContext = { favorites: new Set(), recents: [] };

/**
 * `lanyard roles FILTER`: the window's search (same index, scoring and order, favorites first), so a
 * query finds the same roles in both. Without a query the list is in the one natural order, as the
 * window shows it, and the search (fuzzysort) is not even loaded: most runs list everything.
 * Resolves to a synchronous filter, so a streamed listing can apply it to each account as it lands.
 */
export async function roleFilter(
  query: string,
  ctx: SearchContext = nothingStarred,
): Promise<(roles: readonly RoleEntry[]) => RoleEntry[]> {
  if (query.trim() === '') return (roles) => sortRoles([...roles]);
  const { buildRoleIndex, searchRoles } = await import('./roles');
  return (roles) => searchRoles(buildRoleIndex(roles), query, ctx).map((h) => h.role);
}

export async function filterRoles(
  roles: readonly RoleEntry[],
  query: string,
  ctx: SearchContext = nothingStarred,
): Promise<RoleEntry[]> {
  return (await roleFilter(query, ctx))(roles);
}
