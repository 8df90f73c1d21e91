import type { ListingProgress, RoleEntry } from '../../../app/domain/accounts';
import type { SsoSession } from '../../../app/domain/session';
import type { RoleTarget } from '../../accounts/directory';
import type { Services } from '../../services';
import type { CliContext } from '../context';

/** A one-line progress indicator on stderr, only for a person watching a terminal. */
export function progressLine(ctx: CliContext): {
  onProgress?: (p: ListingProgress) => void;
  done: () => void;
} {
  if (!ctx.stderr.isTTY) return { done: () => undefined };
  let shown = false;
  return {
    onProgress: (p) => {
      shown = true;
      const total = p.phase === 'accounts' ? `${p.accountsTotal}+` : `${p.accountsTotal}`;
      const slow = p.throttled ? ' (Identity Center is throttling; slowing down)' : '';
      ctx.stderr.write(`\r\x1b[KListing roles: ${p.accountsDone}/${total} accounts${slow}`);
    },
    done: () => {
      if (shown) ctx.stderr.write('\r\x1b[K');
    },
  };
}

/** Lists every role again, with the progress line. */
export async function listFresh(
  ctx: CliContext,
  services: Services,
  session: SsoSession,
): Promise<RoleEntry[]> {
  const line = progressLine(ctx);
  try {
    const r = await services.directory.refresh(session, { signal: ctx.signal, onProgress: line.onProgress });
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
    return await services.directory.resolve(session, account, role, {
      signal: ctx.signal,
      onProgress: line.onProgress,
    });
  } finally {
    line.done();
  }
}
