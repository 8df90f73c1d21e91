/**
 * The one order of roles, shown by the CLI, the window and the tray alike: account name, account
 * id, role name, each compared naturally (`prod-9` before `prod-10`) and without regard to case
 * or accents. A fixed locale keeps the order the same on every machine.
 */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export const compareNatural: (a: string, b: string) => number = collator.compare;

type Sortable = { accountName: string; accountId: string; roleName: string; sessionName?: string };

/** Equal strings compare equal under any collation: the common case (roles of one account) skips ICU. */
const compareField = (a: string, b: string) => (a === b ? 0 : compareNatural(a, b));

export function compareRoles(a: Sortable, b: Sortable): number {
  return (
    compareField(a.accountName, b.accountName) ||
    compareField(a.accountId, b.accountId) ||
    // One account reached through two sessions stays two groups, each under its own header.
    compareField(a.sessionName ?? '', b.sessionName ?? '') ||
    compareField(a.roleName, b.roleName)
  );
}

/** Sorts in place and returns the array, like Array#sort. */
export function sortRoles<T extends Sortable>(roles: T[]): T[] {
  return roles.sort(compareRoles);
}
