import { formatCredentialProcess } from '../../../app/format/credential-process';
import { createCredentialStore } from '../../credentials/role-credentials';
import type { RegisterCommand } from './index';
import { portalFromContext, resolveTarget, sessionFromContext } from './roles';

/** For `credential_process = lanyard credential-process --session S --account A --role R` in ~/.aws/config. */
export const registerCredentialProcess: RegisterCommand = (program, ctx) => {
  program
    .command('credential-process')
    .description('print role credentials in the credential_process format (Version 1 JSON)')
    .requiredOption('--account <account>', 'account id (fastest) or name')
    .requiredOption('--role <role>', 'role name')
    .option('--session <name>', 'the sso-session (default: the only one configured)')
    .action(async (flags: { session?: string; account: string; role: string }) => {
      const session = await sessionFromContext(ctx, flags.session);
      const target = await resolveTarget(ctx, session, flags.account, flags.role);
      const creds = await createCredentialStore(portalFromContext(ctx).portal, ctx.now, {
        cliCache: ctx.paths,
      }).get(session, target.accountId, target.roleName, { signal: ctx.signal });
      ctx.stdout.write(formatCredentialProcess(creds, target.accountId));
    });
};
