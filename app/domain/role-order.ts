/**
 * The one order of roles, shown by the CLI, the window and the tray alike: account name, account
 * id, role name, each compared naturally (`prod-9` before `prod-10`) and without regard to case
 * or accents. A fixed locale keeps the order the same on every machine.
 */
let compare: ((a: string, b: string) => number) | undefined;

/** The collator is made on first use: making one costs 10–20 ms (ICU data), which a CLI run that never sorts should not pay. */
export function compareNatural(a: string, b: string): number {
  compare ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;
  return compare(a, b);
}

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
