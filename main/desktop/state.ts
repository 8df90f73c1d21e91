/**
 * The desktop core's in-memory state and the snapshot the renderer sees. Only views cross to the
 * renderer: no tokens, no credentials.
 */
import type { ListingProgress, RoleEntry } from '../../app/domain/accounts';
import type { SessionStatus, SsoSession } from '../../app/domain/session';
import type { ErrorCode } from '../../app/errors';
import { LanyardError } from '../../app/errors';
import type { AppSnapshot, EventName, Events, SessionView } from '../../app/ipc/contract';
import type { Settings } from '../../app/settings/schema';
import { createLogger } from '../log/logger';

const log = createLogger('desktop.state');

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export type SignInView = {
  isSigningIn(session: string): boolean;
  error(session: string): string | undefined;
};

/** What handlers read of the state: sessions by name and the snapshot. */
export type SessionLookup = Pick<CoreState, 'session' | 'status' | 'snapshot'>;

export class CoreState {
  statuses: SessionStatus[] = [];
  readonly listing = new Map<string, ListingProgress>();
  readonly listingErrors = new Map<string, { code: ErrorCode; message: string }>();
  readonly roles = new Map<string, RoleEntry[]>();
  readonly rolesFetchedAt = new Map<string, number>();
  online = true;
  configWarnings: string[] = [];
  private readonly listeners = new Set<EventListener>();

  constructor(
    private readonly readSettings: () => Settings,
    /** The sign-in controller's part of each session's view. */
    private readonly signIn: SignInView,
  ) {}

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch (e) {
        log.error('event listener failed', { event, error: e instanceof Error ? e : String(e) });
      }
    }
  }

  changed(): void {
    this.emit('state.changed', this.snapshot());
  }

  session(name: string): SsoSession {
    const s = this.statuses.find((x) => x.session.name === name)?.session;
    if (!s)
      throw new LanyardError('UNKNOWN_SESSION', `There is no sign-in named "${name}" in ~/.aws/config.`);
    return s;
  }

  status(name: string): SessionStatus | undefined {
    return this.statuses.find((x) => x.session.name === name);
  }

  snapshot(): AppSnapshot {
    const sessions = this.statuses.map((st): SessionView => {
      const name = st.session.name;
      const view: SessionView = { ...st, signingIn: this.signIn.isSigningIn(name) };
      const signInError = this.signIn.error(name);
      if (signInError && st.state !== 'signed-in') view.reason = signInError;
      const listing = this.listing.get(name);
      if (listing) view.listing = listing;
      const fetched = this.rolesFetchedAt.get(name);
      if (fetched !== undefined) view.rolesFetchedAt = new Date(fetched).toISOString();
      const err = this.listingErrors.get(name);
      if (err) view.listingError = err;
      return view;
    });
    return {
      sessions,
      settings: this.readSettings(),
      online: this.online,
      warnings: [...this.configWarnings],
    };
  }
}
