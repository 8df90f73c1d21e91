import type { ListingProgress, RoleEntry } from '../../../app/domain/accounts';
import type { SsoSession } from '../../../app/domain/session';
import { LanyardError } from '../../../app/errors';
import { filterRoles, resolveRole } from '../../../app/accounts/match';
import { createRoleDirectory, type RoleDirectory } from '../../accounts/directory';
import { createPortal, type Portal } from '../../accounts/portal';
import { readRoleCache } from '../../accounts/role-cache';
import { getSession } from '../../config/sessions';
import type { CliContext } from '../context';
import type { RegisterCommand } from './index';
import { pickSession, signInFromContext } from './login';

/**
 * `lanyard roles --json`: a stable contract for scripts (fields are added, never renamed).
 * `source` says whether the list came from Lanyard's cache or a listing just now.
 */
export type RolesJson = {
  version: 1;
  session: string;
  source: 'cache' | 'live';
  /** When the listing was made, ISO-8601 UTC. */
  updatedAt: string;
  roles: { accountId: string; accountName: string; emailAddress: string; roleName: string }[];
};

/** One portal (one rate limiter) per CLI run, shared by listing, credentials and the console. */
const portals = new WeakMap<CliContext, { portal: Portal; directory: RoleDirectory }>();

export function portalFromContext(ctx: CliContext): { portal: Portal; directory: RoleDirectory } {
  let p = portals.get(ctx);
  if (!p) {
    const rate = Number(ctx.env.LANYARD_PORTAL_RATE ?? '20');
    if (!(rate > 0))
      throw new LanyardError(
        'CONFIG',
        'LANYARD_PORTAL_RATE must be a number of requests per second above 0.',
      );
    const portal = createPortal({
      tokenSource: signInFromContext(ctx),
      env: ctx.env,
      endpoints: ctx.endpoints,
      rate: { ratePerSecond: rate },
    });
    p = { portal, directory: createRoleDirectory({ paths: ctx.paths, portal, now: ctx.now }) };
    portals.set(ctx, p);
  }
  return p;
}

export async function sessionFromContext(ctx: CliContext, name: string | undefined): Promise<SsoSession> {
  return getSession(ctx.paths, await pickSession(ctx, name));
}

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

export async function listFresh(ctx: CliContext, session: SsoSession): Promise<RoleEntry[]> {
  const line = progressLine(ctx);
  try {
    const r = await portalFromContext(ctx).directory.refresh(session, {
      signal: ctx.signal,
      onProgress: line.onProgress,
    });
    return r.roles;
  } finally {
    line.done();
  }
}

const accountIdPattern = /^\d{12}$/;

/**
 * ACCOUNT and ROLE to a role: from the cache when it knows them, else after a new listing. A 12-digit
 * id with a role the cache does not know is used as given (the portal decides), so credential_process
 * never waits for a listing.
 */
export async function resolveTarget(
  ctx: CliContext,
  session: SsoSession,
  account: string,
  role: string,
): Promise<{ accountId: string; roleName: string; accountName?: string }> {
  const cached = await readRoleCache(ctx.paths, session);
  if (cached) {
    try {
      return resolveRole(cached.roles, account, role);
    } catch (e) {
      if (!(e instanceof LanyardError && e.code === 'NOT_FOUND')) throw e;
    }
  }
  if (accountIdPattern.test(account.trim()) && role.trim())
    return { accountId: account.trim(), roleName: role.trim() };
  return resolveRole(await listFresh(ctx, session), account, role);
}

function table(roles: RoleEntry[]): string {
  const w1 = Math.max(7, ...roles.map((r) => r.accountName.length));
  const lines = [`${'ACCOUNT'.padEnd(w1)}  ${'ID'.padEnd(12)}  ROLE`];
  for (const r of roles) lines.push(`${r.accountName.padEnd(w1)}  ${r.accountId.padEnd(12)}  ${r.roleName}`);
  return `${lines.join('\n')}\n`;
}

function ago(ms: number): string {
  const m = Math.round(ms / 60_000);
  if (m < 1) return 'just now';
  if (m < 120) return `${m} min ago`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
}

export const registerRoles: RegisterCommand = (program, ctx) => {
  program
    .command('roles')
    .description('list every account and role you can use (from cache; --refresh lists again)')
    .argument('[filter...]', 'only roles whose account name, id or role name contain every word')
    .option('--session <name>', 'the sso-session (default: the only one configured)')
    .option('--refresh', 'list again from Identity Center instead of the cache')
    .option('--json', 'machine-readable output (see RolesJson)')
    .action(async (filter: string[], flags: { session?: string; refresh?: boolean; json?: boolean }) => {
      const session = await sessionFromContext(ctx, flags.session);
      const cached = flags.refresh ? undefined : await readRoleCache(ctx.paths, session);
      let roles: RoleEntry[];
      let updatedAt: number;
      if (cached) {
        roles = cached.roles;
        updatedAt = cached.updatedAt;
      } else {
        roles = await listFresh(ctx, session);
        updatedAt = ctx.now();
      }
      const shown = filterRoles(roles, filter.join(' '));
      if (flags.json) {
        const json: RolesJson = {
          version: 1,
          session: session.name,
          source: cached ? 'cache' : 'live',
          updatedAt: new Date(updatedAt).toISOString(),
          roles: shown.map(({ accountId, accountName, emailAddress, roleName }) => ({
            accountId,
            accountName,
            emailAddress,
            roleName,
          })),
        };
        ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      ctx.stdout.write(table(shown));
      if (ctx.stderr.isTTY && cached)
        ctx.stderr.write(
          `(${roles.length} roles, listed ${ago(ctx.now() - updatedAt)}; --refresh to list again)\n`,
        );
    });
};
