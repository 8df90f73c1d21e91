import { validateRegion } from '../../../app/console/destination';
import { LanyardError } from '../../../app/errors';
import { credentialEnv, envFormats, formatEnv, isEnvFormat } from '../../../app/format/env';
import { createCredentialStore } from '../../credentials/role-credentials';
import type { RegisterCommand } from './index';
import { portalFromContext, resolveTarget, sessionFromContext } from './roles';

export const registerEnv: RegisterCommand = (program, ctx) => {
  program
    .command('env')
    .description('print role credentials as environment variables, e.g. eval "$(lanyard env prod Admin)"')
    .argument('<account>', 'account id or name (exact, then case-insensitive, prefix, fuzzy)')
    .argument('<role>', 'role name')
    .option('--session <name>', 'the sso-session (default: the only one configured)')
    .option('--format <format>', `one of ${envFormats.join(', ')}`, 'posix')
    .option('--region <region>', 'also set AWS_REGION and AWS_DEFAULT_REGION')
    .action(
      async (account: string, role: string, flags: { session?: string; format: string; region?: string }) => {
        if (!isEnvFormat(flags.format))
          throw new LanyardError('BAD_INPUT', `Unknown format "${flags.format}".`, {
            candidates: [...envFormats],
          });
        const region = flags.region === undefined ? undefined : validateRegion(flags.region);
        const session = await sessionFromContext(ctx, flags.session);
        const target = await resolveTarget(ctx, session, account, role);
        const creds = await createCredentialStore(portalFromContext(ctx).portal, ctx.now, {
          cliCache: ctx.paths,
        }).get(session, target.accountId, target.roleName, { signal: ctx.signal });
        ctx.stdout.write(formatEnv(credentialEnv(creds, region), flags.format));
      },
    );
};
