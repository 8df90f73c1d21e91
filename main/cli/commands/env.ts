import { validateRegion } from '../../../app/console/destination';
import { LanyardError } from '../../../app/errors';
import { credentialEnv, envFormats, formatEnv, isEnvFormat } from '../../../app/format/env';
import type { RegisterCommand } from '../context';
import { examples } from '../shared/examples';
import { resolveTarget } from '../shared/roles';
import { chooseSession } from '../shared/sessions';

export const registerEnv: RegisterCommand = (program, ctx, services) => {
  program
    .command('env')
    .addHelpText(
      'after',
      examples(
        'lanyard env payments-prod AdministratorAccess',
        'lanyard env 123456789012 ReadOnlyAccess --format fish',
        'lanyard env payments-prod ReadOnlyAccess --region eu-west-1 --format json',
      ),
    )
    .description('print role credentials as environment variables, e.g. eval "$(lanyard env prod Admin)"')
    .argument('<account>', 'account id or name (exact, case-insensitive, whole word, prefix, fuzzy)')
    .argument('<role>', 'role name')
    .option('--session <name>', 'the sso-session (else LANYARD_SESSION, the default session, the only one)')
    .option('--format <format>', `one of ${envFormats.join(', ')}`, 'posix')
    .option('--region <region>', 'also set AWS_REGION and AWS_DEFAULT_REGION')
    .action(
      async (account: string, role: string, flags: { session?: string; format: string; region?: string }) => {
        if (!isEnvFormat(flags.format))
          throw new LanyardError('BAD_INPUT', `Unknown format "${flags.format}".`, {
            candidates: [...envFormats],
          });
        const region = flags.region === undefined ? undefined : validateRegion(flags.region);
        const session = await chooseSession(ctx, services, flags.session);
        const target = await resolveTarget(ctx, services, session, account, role);
        const creds = await services.credentials.get(session, target.accountId, target.roleName, {
          signal: ctx.signal,
        });
        ctx.stdout.write(formatEnv(credentialEnv(creds, region), flags.format));
      },
    );
};
