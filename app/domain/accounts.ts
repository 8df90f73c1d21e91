export type Account = {
  accountId: string;
  accountName: string;
  emailAddress: string;
};

/** One role a person may use, with the account it belongs to: the unit the UI and CLI list. */
export type RoleEntry = {
  sessionName: string;
  accountId: string;
  accountName: string;
  emailAddress: string;
  roleName: string;
};

export type ListingProgress = {
  sessionName: string;
  phase: 'accounts' | 'roles' | 'done';
  accountsDone: number;
  accountsTotal: number;
  /** True while the rate limiter is slowing down after throttling. */
  throttled: boolean;
};

export type AccountRef = { accountId: string; accountName: string };

/** The distinct accounts of a role list, in first-seen order. */
export function accountsOf(roles: readonly RoleEntry[]): AccountRef[] {
  const seen = new Map<string, AccountRef>();
  for (const r of roles)
    if (!seen.has(r.accountId)) seen.set(r.accountId, { accountId: r.accountId, accountName: r.accountName });
  return [...seen.values()];
}
