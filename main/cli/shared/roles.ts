import type { ListingProgress, RoleEntry } from '../../../app/domain/accounts';
import type { SsoSession } from '../../../app/domain/session';
import type { RoleTarget } from '../../accounts/directory';
import type { Services } from '../../services';
import type { CliContext } from '../context';

const barWidth = 20;

/** `[######..............] 12/40+ accounts · 8.3/s · throttled`: the listing as a person watches it. */
export function formatProgress(p: ListingProgress, elapsedMs: number): string {
  // While accounts are still being paged the total is only a lower bound ("40+").
  const open = p.phase === 'accounts';
  const total = open ? `${p.accountsTotal}+` : `${p.accountsTotal}`;
  const filled = p.accountsTotal ? Math.round((barWidth * p.accountsDone) / p.accountsTotal) : 0;
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`;
  const rate = elapsedMs > 0 ? (p.accountsDone / elapsedMs) * 1000 : 0;
  const slow = p.throttled ? ' · throttled (Identity Center asked to slow down)' : '';
  return `Listing roles ${bar} ${p.accountsDone}/${total} accounts · ${rate.toFixed(1)}/s${slow}`;
}

/** A progress bar on stderr, only for a person watching a terminal: nothing when stderr is not a TTY. */
export function progressLine(ctx: CliContext): {
  onProgress?: (p: ListingProgress) => void;
  done: () => void;
} {
  if (!ctx.stderr.isTTY) return { done: () => undefined };
  let shown = false;
  const started = ctx.now();
  return {
    onProgress: (p) => {
      shown = true;
      ctx.stderr.write(`\r\x1b[K${formatProgress(p, ctx.now() - started)}`);
    },
    done: () => {
      if (shown) ctx.stderr.write('\r\x1b[K');
    },
  };
}

/** Lists every role again, with the progress bar; `onRoles` gets each account's roles as they arrive. */
export async function listFresh(
  ctx: CliContext,
  services: Services,
  session: SsoSession,
  onRoles?: (roles: RoleEntry[]) => void,
): Promise<RoleEntry[]> {
  const line = progressLine(ctx);
  try {
    const r = await services.directory.refresh(session, {
      signal: ctx.signal,
      onProgress: line.onProgress,
      onRoles: onRoles && ((_account, roles) => onRoles(roles)),
    });
    return r.roles;
  } finally {
    line.done();
  }
}

/** ACCOUNT and ROLE to a role (the directory's rules), with the progress line if it lists. */
export async function resolveTarget(
  ctx: CliContext,
  services: Services,
  session: SsoSession,
  account: string,
  role: string,
): Promise<RoleTarget> {
  const line = progressLine(ctx);
  try {
    const target = await services.directory.resolve(session, account, role, {
      signal: ctx.signal,
      onProgress: line.onProgress,
    });
    line.done();
    // A word, prefix or fuzzy match is never taken silently: a person sees what the words became.
    const same = (a: string, b: string | undefined) => a.trim().toLowerCase() === b?.toLowerCase();
    const named = same(account, target.accountName) || account.trim() === target.accountId;
    if (ctx.stderr.isTTY && (!named || !same(role, target.roleName)))
      ctx.stderr.write(
        `Using ${target.accountName ?? target.accountId} (${target.accountId}) / ${target.roleName}\n`,
      );
    return target;
  } finally {
    line.done();
  }
}
