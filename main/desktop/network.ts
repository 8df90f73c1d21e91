/**
 * The online tracker: network outcomes decide the offline banner (a NETWORK error sets it, any
 * success clears it), and a call that finds the sign-in gone makes the status be read again.
 */
import { isLanyardError } from '../../app/errors';

export type Network = {
  /** Marks online/offline from the outcome of a call, and reports a lost sign-in. */
  track<T>(p: Promise<T>): Promise<T>;
  /** Only online/offline: for the status read itself, which must not re-trigger itself. */
  trackOnline<T>(p: Promise<T>): Promise<T>;
  readonly online: boolean;
};

export function createNetwork(opts: {
  onOnlineChange(online: boolean): void;
  /** A call failed with SESSION_EXPIRED or NOT_SIGNED_IN: the token files may say more now. */
  onSignInGone(): void;
}): Network {
  let online = true;
  const set = (next: boolean) => {
    if (next === online) return;
    online = next;
    opts.onOnlineChange(next);
  };
  async function trackOnline<T>(p: Promise<T>): Promise<T> {
    try {
      const v = await p;
      set(true);
      return v;
    } catch (e) {
      if (isLanyardError(e) && e.code === 'NETWORK') set(false);
      throw e;
    }
  }
  return {
    trackOnline,
    async track<T>(p: Promise<T>): Promise<T> {
      try {
        return await trackOnline(p);
      } catch (e) {
        if (isLanyardError(e) && (e.code === 'SESSION_EXPIRED' || e.code === 'NOT_SIGNED_IN'))
          opts.onSignInGone();
        throw e;
      }
    },
    get online() {
      return online;
    },
  };
}
