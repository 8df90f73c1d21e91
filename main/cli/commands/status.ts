import type { SessionState, SessionStatus } from '../../../app/domain/session';
import { shortDuration } from '../../../app/format/duration';
import { endText, intlClock } from '../../../app/schedule/end-text';
import { formatSessionLength } from '../../../app/schedule/session-length';
import type { RegisterCommand } from '../context';
import { examples } from '../shared/examples';

/**
 * `lanyard status --json`: a stable contract for scripts (fields are added, never renamed).
 * Times are ISO-8601 UTC; absent facts are `null`.
 */
export type StatusJson = {
  version: 1;
  sessions: {
    name: string;
    kind: 'sso-session' | 'legacy-profile';
    startUrl: string;
    region: string;
    state: SessionState;
    /** When the cached access token expires. */
    expiresAt: string | null;
    /** Seconds until expiresAt (negative once past). */
    secondsLeft: number | null;
    /** A refresh token and an unexpired registration are cached: the token renews itself. */
    refreshable: boolean;
    /** The last moment usable without a new sign-in; never null while signed in or expired. */
    usableUntil: string | null;
    /** token: the token cannot renew; else where the session length came from. */
    usableUntilSource: 'token' | 'default' | 'configured' | 'observed' | null;
    /** True when the sign-in time was estimated from another tool's token file. */
    usableUntilEstimate: boolean | null;
    /** When the interactive sign-in happened (recorded or estimated), for renewing sessions. */
    signedInAt: string | null;
    /** A session length in seconds Lanyard observed and offers to remember. */
    observedSessionLength: number | null;
    /** Why the session is expired or signed out, in words. */
    reason: string | null;
  }[];
  /** Problems reading ~/.aws/config. */
  warnings: string[];
};

const sourceWords = {
  token: 'token',
  default: 'default 8 h',
  configured: 'your length',
  observed: 'observed length',
};

/** "ends 17:40, in 2 h 10 m (default 8 h, estimated)". */
function endColumn(s: StatusJson['sessions'][number], now: number): string {
  const why = [
    s.usableUntilSource ? sourceWords[s.usableUntilSource] : '',
    s.usableUntilEstimate ? 'estimated' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${endText(Date.parse(s.usableUntil!), now, intlClock())}${why ? ` (${why})` : ''}`;
}

/** "2h 05m", or "12s ago" once past. */
function timeLeft(seconds: number): string {
  const text = shortDuration(Math.abs(seconds) * 1000, { seconds: true });
  return seconds >= 0 ? text : `${text} ago`;
}

function toJson(statuses: SessionStatus[], warnings: string[], now: number): StatusJson {
  return {
    version: 1,
    sessions: statuses.map((s) => ({
      name: s.session.name,
      kind: s.session.kind,
      startUrl: s.session.startUrl,
      region: s.session.region,
      state: s.state,
      expiresAt: s.expiresAt ?? null,
      secondsLeft: s.expiresAt ? Math.round((Date.parse(s.expiresAt) - now) / 1000) : null,
      refreshable: s.refreshable,
      usableUntil: s.usableUntil ?? null,
      usableUntilSource: s.usableUntilSource ?? null,
      usableUntilEstimate: s.usableUntilEstimate ?? null,
      signedInAt: s.signedInAt ?? null,
      observedSessionLength: s.observedSessionLength ?? null,
      reason: s.reason ?? null,
    })),
    warnings,
  };
}

export const registerStatus: RegisterCommand = (program, ctx, services) => {
  program
    .command('status')
    .addHelpText('after', examples('lanyard status', 'lanyard status --json'))
    .description('show each session: signed in or not, expiry, time left, whether it renews itself')
    .option('--json', 'machine-readable output (see StatusJson)')
    .action(async (flags: { json?: boolean }) => {
      const { warnings } = await services.loadSessions();
      const statuses = await services.signIn.status();
      const json = toJson(statuses, warnings, ctx.now());
      if (flags.json) {
        ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      for (const w of warnings) ctx.stderr.write(`warning: ${w}\n`);
      if (json.sessions.length === 0) {
        ctx.stdout.write(
          'No sessions are configured. Add one with: lanyard sessions add NAME --start-url URL --region REGION\n',
        );
        return;
      }
      const now = ctx.now();
      const rows = json.sessions.map((s) => [
        s.name,
        s.state,
        s.usableUntil ? endColumn(s, now) : '-',
        s.secondsLeft === null ? '-' : timeLeft(s.secondsLeft),
        s.refreshable ? 'yes' : 'no',
      ]);
      const header = ['SESSION', 'STATE', 'SESSION END', 'TOKEN', 'RENEWS'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (cells: string[]) =>
        `${cells
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`;
      ctx.stdout.write(line(header));
      for (const r of rows) ctx.stdout.write(line(r));
      for (const s of json.sessions) if (s.reason) ctx.stdout.write(`  ${s.name}: ${s.reason}\n`);
      for (const s of json.sessions)
        if (s.observedSessionLength !== null)
          ctx.stdout.write(
            `  Your ${s.name} sessions seem to last ${formatSessionLength(s.observedSessionLength)}. Remember? ` +
              `lanyard sessions set ${s.name} --session-length observed\n`,
          );
    });
};
