import { LanyardError } from '../../../app/errors';
import type { RegisterCommand } from '../context';
import { examples } from '../shared/examples';
import { listFresh } from '../shared/roles';
import { chooseSession } from '../shared/sessions';

type ProfilesFlags = {
  session?: string;
  write?: boolean;
  dryRun?: boolean;
  prune?: boolean;
  template?: string;
  region?: string;
  refresh?: boolean;
};

export const registerProfiles: RegisterCommand = (program, ctx, services) => {
  program
    .command('profiles')
    .addHelpText(
      'after',
      examples(
        'lanyard profiles',
        'lanyard profiles --template "{account_name}.{role}"',
        'lanyard profiles --write --prune',
      ),
    )
    .description('write an AWS profile per role into ~/.aws/config (default: show the change only)')
    .option('--session <name>', 'the sso-session (else LANYARD_SESSION, the default session, the only one)')
    .option('--write', 'apply the change (atomically, with a backup)')
    .option('--dry-run', 'only show the change (the default)')
    .option('--prune', "remove Lanyard's profiles for roles you no longer have")
    .option(
      '--template <template>',
      'profile name template, e.g. "{account_name}.{role}" (default: the one set in the tray app)',
    )
    .option('--region <region>', 'the region written into each profile (default: the session region)')
    .option('--refresh', 'list roles again instead of using the cache')
    .action(async (flags: ProfilesFlags) => {
      if (flags.write && flags.dryRun)
        throw new LanyardError('BAD_INPUT', 'Choose --write or --dry-run, not both.');
      const session = await chooseSession(ctx, services, flags.session);
      const cached = flags.refresh ? undefined : await services.directory.cached(session);
      const roles = cached ? cached.roles : await listFresh(ctx, services, session);
      const plan = await services.planProfiles({
        session,
        roles,
        // The tray app's "Profile name template" setting (same settings.json) unless given here.
        template: flags.template ?? services.settingsFile().profileTemplate(),
        region: flags.region,
        prune: flags.prune,
      });
      const counts =
        `${plan.added.length} to add, ${plan.updated.length} to update, ${plan.removed.length} to remove, ` +
        `${plan.unchanged.length} unchanged`;
      if (plan.diff) ctx.stdout.write(plan.diff.endsWith('\n') ? plan.diff : `${plan.diff}\n`);
      for (const s of plan.skipped) ctx.stderr.write(`skipped ${s.name}: ${s.reason}\n`);
      for (const n of plan.notes) ctx.stderr.write(`note: ${n}\n`);
      if (!flags.write) {
        ctx.stderr.write(`${counts}. Nothing written; run with --write to apply.\n`);
        return;
      }
      const result = await services.applyProfilesPlan(plan);
      ctx.stderr.write(
        result.written
          ? `Wrote ${ctx.paths.awsConfigFile}: ${counts}${result.backupPath ? ` (previous file in ${result.backupPath})` : ''}.\n`
          : `${ctx.paths.awsConfigFile} is already up to date.\n`,
      );
    });
};
