import { formatCredentialProcess } from '../../../app/format/credential-process';
import type { RegisterCommand } from '../context';
import { examples } from '../shared/examples';
import { resolveTarget } from '../shared/roles';
import { chooseSession } from '../shared/sessions';

/** For `credential_process = lanyard credential-process --session S --account A --role R` in ~/.aws/config. */
export const registerCredentialProcess: RegisterCommand = (program, ctx, services) => {
  program
    .command('credential-process')
    .addHelpText(
      'after',
      examples('lanyard credential-process --session corp --account 123456789012 --role ReadOnlyAccess'),
    )
    .description('print role credentials in the credential_process format (Version 1 JSON)')
    .requiredOption('--account <account>', 'account id (fastest) or name')
    .requiredOption('--role <role>', 'role name')
    .option('--session <name>', 'the sso-session (else LANYARD_SESSION, the default session, the only one)')
    .action(async (flags: { session?: string; account: string; role: string }) => {
      const session = await chooseSession(ctx, services, flags.session);
      const target = await resolveTarget(ctx, services, session, flags.account, flags.role);
      const creds = await services.credentials.get(session, target.accountId, target.roleName, {
        signal: ctx.signal,
      });
      ctx.stdout.write(formatCredentialProcess(creds, target.accountId));
    });
};
