import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AppSnapshot, SessionView } from '../../app/ipc/contract';
import {
  buildRoleIndex,
  buildRows,
  searchRoles,
  warmRoleIndex,
  type ListRow,
  type SearchContext,
} from '../../app/search';
import { useEvent } from '../bridge';
import { useRoleActions } from '../hooks/useRoleActions';
import { useRoles } from '../hooks/useRoles';
import { ActionBar } from './ActionBar';
import { ProfilesDialog } from './ProfilesDialog';
import { optionId, RoleList } from './RoleList';
import { SessionHeader } from './SessionHeader';

type Props = { view: SessionView; snapshot: AppSnapshot; onSnapshot: (s: AppSnapshot) => void };

const isRole = (r: ListRow | undefined): r is Extract<ListRow, { kind: 'role' }> => r?.kind === 'role';

/** Signed in: search, the role list and what to do with the selected role. */
export function MainView({ view, snapshot, onSnapshot }: Props) {
  const name = view.session.name;
  const settings = snapshot.settings;
  const { roles, error, refresh } = useRoles(name, view.rolesFetchedAt);
  const actions = useRoleActions(name, snapshot, onSnapshot);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  const index = useMemo(() => buildRoleIndex(roles ?? []), [roles]);
  const ctx = useMemo<SearchContext>(
    () => ({
      favorites: new Set(settings.favorites),
      recents: settings.recents.filter((k) => k.startsWith(`${name}/`)),
    }),
    [settings.favorites, settings.recents, name],
  );
  // The unfiltered list is kept apart so clearing the search costs nothing.
  const all = useMemo(() => {
    const hits = searchRoles(index, '', ctx);
    return { hits, rows: buildRows(hits, '', index, ctx) };
  }, [index, ctx]);
  const filtered = useMemo(() => {
    if (query.trim() === '') return all;
    const hits = searchRoles(index, query, ctx);
    return { hits, rows: buildRows(hits, query, index, ctx) };
  }, [all, index, query, ctx]);
  const { hits, rows } = filtered;

  // Precompute single-character searches while the window is idle (see warmRoleIndex).
  useEffect(() => {
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      while (deadline.timeRemaining() > 2) if (!warmRoleIndex(index)) return;
      handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => cancelIdleCallback(handle);
  }, [index]);

  const found = activeId === undefined ? -1 : rows.findIndex((r) => r.id === activeId);
  const activeIndex = found >= 0 ? found : rows.findIndex(isRole);
  const activeRow = rows[activeIndex];
  const active = isRole(activeRow) ? activeRow : undefined;
  const region = settings.sessionDefaults[name]?.region ?? view.session.region;

  useEffect(() => searchRef.current?.focus(), []);
  useEvent('ui.focusSearch', () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  });

  const move = (delta: number) => {
    let i = activeIndex;
    for (;;) {
      i += delta;
      if (i < 0 || i >= rows.length) return;
      if (isRole(rows[i])) return setActiveId(rows[i]!.id);
    }
  };
  const jump = (to: 'first' | 'last') => {
    const list = to === 'first' ? rows : [...rows].reverse();
    const row = list.find(isRole);
    if (row) setActiveId(row.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    const input = searchRef.current;
    const target = e.target as HTMLElement;
    // Buttons, pickers, the menu and the profiles dialog keep their own keys (Enter, Esc, arrows).
    if (target !== input && !target.closest('.list-scroll')) {
      const typing = e.key.length === 1 && !mod && !e.altKey;
      if (typing && input && !target.closest('dialog, select, input, textarea')) input.focus();
      return;
    }
    if (e.key === 'ArrowDown') move(1);
    else if (e.key === 'ArrowUp') move(-1);
    else if (e.key === 'PageDown') move(8);
    else if (e.key === 'PageUp') move(-8);
    else if (mod && e.key === 'Home') jump('first');
    else if (mod && e.key === 'End') jump('last');
    else if (e.key === 'Enter' && active && !mod) actions.copyEnv(active.hit.role);
    else if (e.key === 'Escape' && query !== '') {
      setQuery('');
      setActiveId(undefined);
    } else if (mod && e.key.toLowerCase() === 'c' && active) {
      // Let a real text selection in the search box copy as usual.
      if (input && e.target === input && input.selectionStart !== input.selectionEnd) return;
      actions.copyEnv(active.hit.role);
    } else if (mod && e.key.toLowerCase() === 'o' && active) actions.openConsole(active.hit.role, region);
    else if (mod && e.key.toLowerCase() === 'd' && active) actions.toggleFavorite(active.hit.role);
    else return;
    e.preventDefault();
  };

  const listing = view.listing && view.listing.phase !== 'done' ? view.listing : undefined;
  const listingError = error ?? view.listingError;
  const firstLoad = (roles === undefined && !error) || (roles?.length === 0 && listing !== undefined);

  let content;
  if (roles === undefined && error && !listing) {
    content = (
      <div className="state" role="alert">
        <h2>Could not load your roles</h2>
        <p>{error.message}</p>
        {error.hint && <p className="muted">{error.hint}</p>}
      </div>
    );
  } else if (firstLoad || roles === undefined) {
    const pct =
      listing && listing.accountsTotal > 0
        ? Math.round((100 * listing.accountsDone) / listing.accountsTotal)
        : undefined;
    content = (
      <div className="state">
        <p>
          {listing?.phase === 'roles'
            ? `Listing roles: ${listing.accountsDone} of ${listing.accountsTotal} accounts`
            : 'Listing your accounts…'}
        </p>
        <progress className="progress" max={100} value={pct} aria-label="Listing progress" />
        <p className="muted small">
          Large organisations take a moment the first time; after that Lanyard starts from its cache.
        </p>
      </div>
    );
  } else if (roles.length === 0) {
    content = (
      <div className="state">
        <h2>No accounts</h2>
        <p>This session has no account assignments. Ask your AWS administrator for access, then refresh.</p>
        <button className="btn" onClick={refresh}>
          Refresh
        </button>
      </div>
    );
  } else if (hits.length === 0) {
    content = (
      <div className="state" role="status">
        <h2>No roles match “{query.trim()}”</h2>
        <p className="muted">
          Search looks at account names, ids, emails and role names. Esc clears the search.
        </p>
      </div>
    );
  } else {
    content = (
      <RoleList
        rows={rows}
        activeIndex={activeIndex}
        listId={listId}
        onActivate={(i) => {
          setActiveId(rows[i]?.id);
          searchRef.current?.focus();
        }}
        onChoose={(i) => {
          const row = rows[i];
          if (isRole(row)) actions.copyEnv(row.hit.role);
        }}
        onStar={(i) => {
          const row = rows[i];
          if (isRole(row)) actions.toggleFavorite(row.hit.role);
        }}
      />
    );
  }

  return (
    <section className="main" onKeyDown={onKeyDown}>
      <SessionHeader
        view={view}
        roleCount={roles?.length}
        onRefresh={refresh}
        onWriteAll={() => actions.planProfiles()}
        onSnapshot={onSnapshot}
      />
      {listing?.throttled && (
        <div className="banner banner--warn" role="status">
          Identity Center is throttling requests; listing slows down and carries on by itself.
        </div>
      )}
      {listingError && (
        <div className="banner banner--error" role="alert">
          <span>
            Listing roles failed: {listingError.message}
            {roles && roles.length > 0 ? ' Showing the last list.' : ''}
          </span>
          <button className="btn btn--small" onClick={refresh}>
            Retry
          </button>
        </div>
      )}
      <div className="search">
        <input
          ref={searchRef}
          type="search"
          className="search__input"
          placeholder="Type to search accounts and roles"
          aria-label="Search roles"
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-controls={listId}
          aria-activedescendant={active ? optionId(listId, activeIndex) : undefined}
          aria-autocomplete="list"
          spellCheck={false}
          autoComplete="off"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActiveId(undefined);
          }}
        />
        {query !== '' && <span className="search__count muted small">{hits.length}</span>}
      </div>
      {content}
      <ActionBar role={active?.hit.role} format={settings.envFormat} region={region} actions={actions} />
      {actions.plan && <ProfilesDialog plan={actions.plan} onClose={actions.closePlan} />}
    </section>
  );
}
