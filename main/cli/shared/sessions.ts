import type { SsoSession } from '../../../app/domain/session';
import { LanyardError } from '../../../app/errors';
import type { Services } from '../../services';
import type { CliContext } from '../context';

function unknown(ctx: CliContext, name: string, names: string[], problems?: string, from = ''): LanyardError {
  return new LanyardError(
    'UNKNOWN_SESSION',
    names.length
      ? `There is no session "${name}"${from}. Known sessions: ${names.join(', ')}.`
      : `There is no session "${name}"${from}: no sessions are configured in ${ctx.paths.awsConfigFile}.`,
    { candidates: names, hint: problems },
  );
}

/**
 * The session a command acts on, in this order: the one named (`--session`), `LANYARD_SESSION`,
 * the default session in the settings (`lanyard sessions set NAME --default`), the only one
 * configured, the only one signed in. Otherwise the person has to choose (AMBIGUOUS, with the
 * names as candidates).
 */
export async function pickSession(
  ctx: CliContext,
  services: Services,
  name: string | undefined,
  opts: { signedInFallback?: boolean } = {},
): Promise<string> {
  const { sessions, warnings } = await services.readSessions();
  // A broken config explains a missing session better than "unknown session" alone.
  const problems = warnings.length
    ? `Problems in the config file:\n    ${warnings.join('\n    ')}`
    : undefined;
  const names = sessions.map((s) => s.name);
  if (name) {
    if (names.includes(name)) return name;
    throw unknown(ctx, name, names, problems);
  }
  const fromEnv = ctx.env.LANYARD_SESSION?.trim();
  if (fromEnv) {
    if (names.includes(fromEnv)) return fromEnv;
    throw unknown(ctx, fromEnv, names, problems, ' (from LANYARD_SESSION)');
  }
  // A default whose section was since removed is skipped, not an error: the rest still decide.
  const fromSettings = services.settingsFile().defaultSession();
  if (fromSettings && names.includes(fromSettings)) return fromSettings;
  if (sessions.length === 1) return sessions[0]!.name;
  if (sessions.length === 0)
    throw new LanyardError('UNKNOWN_SESSION', `No sessions are configured in ${ctx.paths.awsConfigFile}.`, {
      hint:
        problems ??
        'Add one: lanyard sessions add NAME --start-url URL --region REGION (or lanyard login --start-url URL --region REGION)',
    });
  if (opts.signedInFallback !== false) {
    const signedIn = (await services.signIn.status({ refresh: false })).filter(
      (s) => s.state === 'signed-in',
    );
    if (signedIn.length === 1) return signedIn[0]!.session.name;
  }
  throw new LanyardError(
    'AMBIGUOUS',
    'Several sessions are configured; choose one with --session NAME or LANYARD_SESSION, or set a default.',
    { candidates: names, hint: 'lanyard sessions set NAME --default' },
  );
}

/** `--session NAME` (or the only session) as the full session. */
export async function chooseSession(
  ctx: CliContext,
  services: Services,
  name: string | undefined,
): Promise<SsoSession> {
  return services.getSession(await pickSession(ctx, services, name));
}
