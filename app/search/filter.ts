import type { RoleEntry } from '../domain/accounts';
import type { SearchContext } from './roles';

const nothingStarred: SearchContext = { favorites: new Set(), recents: [] };

/**
 * `lanyard roles FILTER`: the window's search (same index, scoring and order, favorites first), so a
 * query finds the same roles in both. Without a query the list stays as given: the role directory
 * hands out its lists in the one order (app/domain/role-order), and most runs list everything, so
 * neither the search (fuzzysort) nor a collator is loaded for them.
 * Resolves to a synchronous filter, so a streamed listing can apply it to each account as it lands.
 */
export async function roleFilter(
  query: string,
  ctx: SearchContext = nothingStarred,
): Promise<(roles: readonly RoleEntry[]) => RoleEntry[]> {
  if (query.trim() === '') return (roles) => [...roles];
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
