import type { RoleEntry } from '../../../app/domain/accounts';
import { LanyardError } from '../../../app/errors';
import { formatAgo } from '../../../app/format/duration';
import { roleFilter } from '../../../app/search/filter';
import type { RegisterCommand } from '../context';
import { examples } from '../shared/examples';
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

/** One line of `roles --ndjson`: fields are added, never renamed. */
export type RoleLine = {
  session: string;
  accountId: string;
  accountName: string;
  emailAddress: string;
  roleName: string;
};

const rolesJsonKeys = [
  'version',
  'session',
  'source',
  'updatedAt',
  'roles',
  'accountId',
  'accountName',
  'emailAddress',
  'roleName',
] satisfies (keyof RolesJson | keyof RolesJson['roles'][number])[];

type RolesFlags = { session?: string; refresh?: boolean; json?: boolean; ndjson?: boolean };

const roleLine = (r: RoleEntry): RoleLine => ({
  session: r.sessionName,
  accountId: r.accountId,
  accountName: r.accountName,
  emailAddress: r.emailAddress,
  roleName: r.roleName,
});

function table(roles: RoleEntry[]): string {
  const w1 = Math.max(7, ...roles.map((r) => r.accountName.length));
  const lines = [`${'ACCOUNT'.padEnd(w1)}  ${'ID'.padEnd(12)}  ROLE`];
  for (const r of roles) lines.push(`${r.accountName.padEnd(w1)}  ${r.accountId.padEnd(12)}  ${r.roleName}`);
  return `${lines.join('\n')}\n`;
}

export const registerRoles: RegisterCommand = (program, ctx, services) => {
  program
    .command('roles')
    .description('list every account and role you can use (from cache; --refresh lists again)')
    .argument(
      '[filter...]',
      'search as the window does: every word fuzzily matches the account name, id, email or role',
    )
    .option('--session <name>', 'the sso-session (else LANYARD_SESSION, the default session, the only one)')
    .option('--refresh', 'list again from Identity Center instead of the cache')
    .option('--json', 'machine-readable output (see RolesJson)')
    .option('--ndjson', 'one JSON object per role and line (RoleLine), each as soon as its account is listed')
    .addHelpText(
      'after',
      examples(
        'lanyard roles',
        'lanyard roles prd adm',
        'lanyard roles --json',
        'lanyard roles --refresh --ndjson',
      ),
    )
    .action(async (filter: string[], flags: RolesFlags) => {
      if (flags.json && flags.ndjson)
        throw new LanyardError('BAD_INPUT', 'Choose --json or --ndjson, not both.');
      const session = await chooseSession(ctx, services, flags.session);
      const cached = flags.refresh ? undefined : await services.directory.cached(session);
      const query = filter.join(' ');
      // Favorites first and recents ahead in a tie, as in the window. The search (fuzzysort) loads
      // only for a query: listing everything needs the order alone.
      const settings = services.settingsFile();
      const search = { favorites: new Set(settings.favorites()), recents: settings.recents() };
      const filterRoles = await roleFilter(query, search);
      if (flags.ndjson) {
        const print = (roles: RoleEntry[]) => {
          const lines = filterRoles(roles).map((r) => JSON.stringify(roleLine(r)));
          if (lines.length) ctx.stdout.write(`${lines.join('\n')}\n`);
        };
        if (cached) print(cached.roles);
        else await listFresh(ctx, services, session, print);
        return;
      }
      let roles: RoleEntry[];
      let updatedAt: number;
      if (cached) {
        roles = cached.roles;
        updatedAt = cached.updatedAt;
      } else {
        roles = await listFresh(ctx, services, session);
        updatedAt = ctx.now();
      }
      const shown = filterRoles(roles);
      if (flags.json) {
        const json: RolesJson = {
          version: 1,
          session: session.name,
          source: cached ? 'cache' : 'live',
          updatedAt: new Date(updatedAt).toISOString(),
          roles: shown,
        };
        // The key list picks RolesJson's fields, in this order, from each role as it is (no copy of
        // 5,000 objects to drop sessionName).
        ctx.stdout.write(`${JSON.stringify(json, rolesJsonKeys, 2)}\n`);
        return;
      }
      ctx.stdout.write(table(shown));
      if (ctx.stderr.isTTY && cached)
        ctx.stderr.write(
          `(${roles.length} roles, listed ${formatAgo(new Date(updatedAt).toISOString(), ctx.now())}; --refresh to list again)\n`,
        );
    });
};
