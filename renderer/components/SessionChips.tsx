import type { SessionView } from '../../app/ipc/contract';
import { countdown, formatAgo } from '../../app/format/duration';
import { endText, intlClock } from '../../app/schedule/end-text';
import { endingSoonMs, sessionEnds } from '../messages';

type Props = {
  sessions: SessionView[];
  /** Sessions whose last listing failed (main's word or the renderer's own roles.get). */
  failed: ReadonlySet<string>;
  filter: string | undefined;
  now: number;
  onFilter: (name: string | undefined) => void;
  onSignIn: (name: string) => void;
};

type Chip = { text: string; tone: 'ok' | 'warn' | 'error' | 'off' };

/**
 * The end text per session end, kept for one tick of `now`: the window renders far more often
 * than that (10,000 roles arriving), and each Intl.DateTimeFormat made costs a millisecond or more.
 */
let texts = { now: NaN, byEnd: new Map<number, string>() };
function endTextAt(ends: number, now: number): string {
  if (texts.now !== now) texts = { now, byEnd: new Map() };
  let text = texts.byEnd.get(ends);
  if (text === undefined) texts.byEnd.set(ends, (text = endText(ends, now, intlClock())));
  return text;
}

const sourceWords = {
  token: 'This sign-in cannot renew itself: it ends when its token expires.',
  default: "Counted from your sign-in with Identity Center's default session length (8 h).",
  configured: "Counted from your sign-in with the session length in this session's settings.",
  observed: 'Counted from your sign-in with the session length Lanyard observed.',
};

/** Hover text: when the session ends and how that was worked out; the token's renewal as a detail. */
export function endTitle(s: SessionView, now: number): string | undefined {
  const ends = sessionEnds(s);
  if (ends === undefined) return undefined;
  const lines = [`Session ends ${new Date(ends).toLocaleString()}.`];
  if (s.usableUntilBasis) lines.push(s.usableUntilBasis);
  else if (s.usableUntilSource) lines.push(sourceWords[s.usableUntilSource]);
  if (s.signedInAt)
    lines.push(
      `Signed in ${new Date(s.signedInAt).toLocaleString()}${s.usableUntilEstimate ? ' (estimated)' : ''}.`,
    );
  if (s.refreshable && s.expiresAt && s.usableUntilSource !== 'token')
    lines.push(`The access token renews itself (next in ${countdown(Date.parse(s.expiresAt) - now)}).`);
  return lines.join('\n');
}

/** Each session's state in a word or two: signed in, ending, listing, or error. */
export function chipState(s: SessionView, failed: boolean, now: number): Chip {
  if (s.signingIn) return { text: 'signing in', tone: 'warn' };
  if (s.state === 'expired') return { text: 'ended', tone: 'error' };
  if (s.state === 'signed-out') return { text: 'signed out', tone: 'off' };
  const ends = sessionEnds(s);
  if (ends !== undefined && ends <= now) return { text: 'ended', tone: 'error' };
  const listing = s.listing && s.listing.phase !== 'done' ? s.listing : undefined;
  if (listing)
    return {
      text:
        listing.phase === 'roles' ? `listing ${listing.accountsDone}/${listing.accountsTotal}` : 'listing',
      tone: 'ok',
    };
  if (failed) return { text: 'listing failed', tone: 'error' };
  if (ends !== undefined)
    return {
      // "ends 17:40, in 2 h 10 m": the clock time is what a person plans around.
      text: endTextAt(ends, now),
      tone: ends - now < endingSoonMs ? 'warn' : 'ok',
    };
  return { text: 'signed in', tone: 'ok' };
}

/**
 * One chip per session: its state always in view, and a filter for the role list (pressed: only
 * that session's roles). A session that needs a sign-in opens its sign-in screen instead.
 */
export function SessionChips({ sessions, failed, filter, now, onFilter, onSignIn }: Props) {
  const multi = sessions.length > 1;
  return (
    <nav className="chips" aria-label="Sessions">
      {sessions.map((s) => {
        const name = s.session.name;
        const chip = chipState(s, failed.has(name), now);
        const usable = s.state === 'signed-in' && !s.signingIn && chip.tone !== 'error';
        const title = [
          s.session.startUrl,
          endTitle(s, now),
          s.rolesFetchedAt ? `roles listed ${formatAgo(s.rolesFetchedAt, now)}` : undefined,
        ]
          .filter(Boolean)
          .join('\n');
        const body = (
          <>
            <span className={`dot dot--${chip.tone}`} aria-hidden="true" />
            <span className="chip__name">{name}</span>
            <span className="chip__state">{chip.text}</span>
          </>
        );
        if (usable && !multi)
          return (
            <span key={name} className="chip chip--static" title={title}>
              {body}
            </span>
          );
        return (
          <button
            key={name}
            className="chip"
            title={title}
            aria-pressed={usable ? filter === name : undefined}
            onClick={() => (usable ? onFilter(filter === name ? undefined : name) : onSignIn(name))}
          >
            {body}
          </button>
        );
      })}
    </nav>
  );
}
