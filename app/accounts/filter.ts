import type { RoleEntry } from '../domain/accounts';

/** `lanyard roles FILTER`: every word must appear (case-insensitive) in account name, id or role name. */
export function filterRoles(roles: readonly RoleEntry[], filter: string): RoleEntry[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...roles];
  return roles.filter((r) => {
    const hay = `${r.accountName} ${r.accountId} ${r.roleName}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
