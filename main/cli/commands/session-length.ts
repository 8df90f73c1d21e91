import type { Command } from 'commander';
import { LanyardError } from '../../../app/errors';
import { formatSessionLength, parseSessionLength } from '../../../app/schedule/session-length';
import { sessionLengthIn, withSessionLength } from '../../settings/session-lengths';
import type { Services } from '../../services';
import type { CliContext } from '../context';
import { pickSession } from '../shared/sessions';

/** `lanyard sessions set NAME [--session-length 12h|default|observed] [--default | --no-default]`. */
export function registerSessionSet(sessions: Command, ctx: CliContext, services: Services): void {
  sessions
    .command('set <name>')
    .description("change a session's Lanyard settings")
    .option('--default', 'make it the session commands use when none is named')
    .option('--no-default', 'stop it being the default session')
    .option(
      '--session-length <length>',
      'how long a sign-in lasts (units s, m, h, d, e.g. 12h); "default" for 8 h; "observed" to keep what Lanyard saw',
    )
    .action(async (name: string, flags: { sessionLength?: string; default?: boolean }) => {
      const session = await pickSession(ctx, services, name);
      // conf and zod load only for the commands that change settings.
      const { createFileSettingsStore } = await import('../../settings/store');
      const store = createFileSettingsStore({ dir: ctx.paths.dataDir, now: ctx.now });
      if (flags.default !== undefined) {
        const current = store.read();
        const isDefault = current.defaultSession === session;
        if (flags.default || isDefault)
          store.write({ ...current, defaultSession: flags.default ? session : undefined });
        ctx.stdout.write(
          flags.default
            ? `${session} is now the default session (--session and LANYARD_SESSION still win).\n`
            : `${session} is not the default session.\n`,
        );
      }
      if (flags.sessionLength === undefined) {
        if (flags.default === undefined)
          throw new LanyardError('BAD_INPUT', 'Give --default, --no-default or --session-length.');
        return;
      }
      const settings = store.read();
      const choice = flags.sessionLength.trim().toLowerCase();
      let next;
      if (choice === 'default') next = withSessionLength(settings, session, undefined, 'configured');
      else if (choice === 'observed') {
        const status = (await services.signIn.status({ refresh: false })).find(
          (s) => s.session.name === session,
        );
        const seen = status?.observedSessionLength;
        if (seen === undefined)
          throw new LanyardError(
            'BAD_INPUT',
            `Lanyard has not observed a session length for ${session} yet.`,
          );
        next = withSessionLength(settings, session, seen, 'observed');
      } else {
        const parsed = parseSessionLength(flags.sessionLength);
        if ('error' in parsed) throw new LanyardError('BAD_INPUT', parsed.error);
        next = withSessionLength(settings, session, parsed.seconds, 'configured');
      }
      store.write(next);
      const length = sessionLengthIn(next, session);
      ctx.stdout.write(
        `${session}: sessions last ${formatSessionLength(length.seconds)} (${length.source}). ` +
          'lanyard status shows when yours ends.\n',
      );
    });
}
