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
