import type { RoleEntry } from '../../../app/domain/accounts';
import { filterRoles } from '../../../app/accounts/filter';
import type { RegisterCommand } from '../context';
import { listFresh } from '../shared/roles';
import { chooseSession } from '../shared/sessions';

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

export const registerRoles: RegisterCommand = (program, ctx, services) => {
  program
    .command('roles')
    .description('list every account and role you can use (from cache; --refresh lists again)')
    .argument('[filter...]', 'only roles whose account name, id or role name contain every word')
    .option('--session <name>', 'the sso-session (default: the only one configured)')
    .option('--refresh', 'list again from Identity Center instead of the cache')
    .option('--json', 'machine-readable output (see RolesJson)')
    .action(async (filter: string[], flags: { session?: string; refresh?: boolean; json?: boolean }) => {
      const session = await chooseSession(ctx, services, flags.session);
      const cached = flags.refresh ? undefined : await services.directory.cached(session);
      let roles: RoleEntry[];
      let updatedAt: number;
      if (cached) {
        roles = cached.roles;
        updatedAt = cached.updatedAt;
      } else {
        roles = await listFresh(ctx, services, session);
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
