/**
 * Role listings in the background: one per session at a time, progress as `state.changed`, roles
 * as `roles.updated` (partial batches while it runs, the full list at the end).
 */
import type { RoleEntry } from '../../app/domain/accounts';
import { isLanyardError } from '../../app/errors';
import { sortRoles } from '../../app/domain/role-order';
import { accountIdsOf } from '../accounts/priorities';
import { createLogger } from '../log/logger';
import type { Clock } from '../platform/types';
import type { DesktopServices } from './services';
import type { CoreState } from './state';

const log = createLogger('desktop.listing');

/** A cached listing older than this is listed again when the window asks for roles. */
export const ROLES_STALE_MS = 12 * 3_600_000;
/** Partial results reach the renderer at most this often. */
const PARTIAL_EVERY_MS = 250;

export type Listings = {
  /** Cached roles at once (memory, then disk). */
  cached(session: string): Promise<RoleEntry[] | undefined>;
  /** Starts a listing unless one is running; resolves when it ends (never rejects). */
  start(session: string): Promise<void>;
  isStale(session: string): boolean;
  dispose(): void;
};

export function createListings(
  state: CoreState,
  services: DesktopServices,
  clock: Clock,
  track: <T>(p: Promise<T>) => Promise<T>,
): Listings {
  const running = new Map<string, { promise: Promise<void>; controller: AbortController }>();

  async function cached(name: string): Promise<RoleEntry[] | undefined> {
    const mem = state.roles.get(name);
    if (mem) return mem;
    const disk = await services.roles.cached(state.session(name));
    if (!disk) return undefined;
    state.roles.set(name, disk.roles);
    state.rolesFetchedAt.set(name, disk.updatedAt);
    return disk.roles;
  }

  async function run(name: string, controller: AbortController): Promise<void> {
    const partial: RoleEntry[] = [];
    let lastPartial = 0;
    state.listingErrors.delete(name);
    state.listing.set(name, {
      sessionName: name,
      phase: 'accounts',
      accountsDone: 0,
      accountsTotal: 0,
      throttled: false,
    });
    state.changed();
    try {
      const session = state.session(name);
      const { favorites, recents } = state.snapshot().settings;
      const result = await track(
        services.roles.refresh(session, {
          firstAccountIds: accountIdsOf([...favorites, ...recents], name),
          signal: controller.signal,
          onProgress: (p) => {
            state.listing.set(name, p);
            state.changed();
          },
          onRoles: (_account, roles) => {
            partial.push(...roles);
            // Partial batches let a big organisation's list fill in instead of appearing at the end.
            if (!state.roles.has(name) && clock.now() - lastPartial >= PARTIAL_EVERY_MS) {
              lastPartial = clock.now();
              state.emit('roles.updated', { session: name, roles: sortRoles([...partial]) });
            }
          },
        }),
      );
      state.roles.set(name, result.roles);
      state.rolesFetchedAt.set(name, clock.now());
      state.emit('roles.updated', { session: name, roles: result.roles });
    } catch (e) {
      if (isLanyardError(e) && e.code === 'CANCELLED') return;
      const err = isLanyardError(e)
        ? { code: e.code, message: e.message }
        : { code: 'INTERNAL' as const, message: 'Listing roles failed unexpectedly.' };
      if (!isLanyardError(e)) log.error('listing failed', { error: e instanceof Error ? e : String(e) });
      state.listingErrors.set(name, err);
    } finally {
      state.listing.delete(name);
      running.delete(name);
      state.changed();
    }
  }

  return {
    cached,
    start(name) {
      const current = running.get(name);
      if (current) return current.promise;
      const controller = new AbortController();
      const entry = { controller, promise: Promise.resolve() };
      running.set(name, entry);
      entry.promise = run(name, controller);
      return entry.promise;
    },
    isStale(name) {
      const at = state.rolesFetchedAt.get(name);
      return at === undefined || clock.now() - at > ROLES_STALE_MS;
    },
    dispose() {
      for (const r of running.values()) r.controller.abort();
      running.clear();
    },
  };
}
