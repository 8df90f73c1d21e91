import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { RoleEntry } from '../../app/domain/accounts';
import type { AppSnapshot, SessionView } from '../../app/ipc/contract';
import {
  allRows,
  buildRoleIndex,
  buildRows,
  rowListOf,
  searchRoles,
  warmRoleIndex,
  type ListRow,
  type RowList,
  type SearchContext,
} from '../../app/search';
import { useEvent } from '../bridge';
import type { RoleActions } from '../hooks/useRoleActions';
import { ActionBar } from './ActionBar';
import { optionId, RoleList } from './RoleList';

type Props = {
  /** The roles of every session shown, together; undefined until one session's list is here. */
  roles: RoleEntry[] | undefined;
  /** `roles` is already in the one order (one session's list): no sort before the first frame. */
  rolesInOrder: boolean;
  sessions: SessionView[];
  /** More than one session is signed in: rows carry a session badge. */
  multi: boolean;
  /** Every shown session failed to list and none has a list: the message above says why. */
  failed: boolean;
  snapshot: AppSnapshot;
  actions: RoleActions;
};

const isRole = (r: ListRow | undefined): r is Extract<ListRow, { kind: 'role' }> => r?.kind === 'role';

/** The first role row from `from` on in direction `step`, or -1. */
function firstRole(rows: RowList, from: number, step: 1 | -1): number {
  for (let i = from; i >= 0 && i < rows.length; i += step) if (rows.shapeAt(i) !== 'header') return i;
  return -1;
}

/** Signed in: search over every session's roles, the list, and what to do with the selected role. */
export function MainView({ roles, rolesInOrder, sessions, multi, failed, snapshot, actions }: Props) {
  const settings = snapshot.settings;
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  const index = useMemo(() => buildRoleIndex(roles ?? [], rolesInOrder), [roles, rolesInOrder]);
  const ctx = useMemo<SearchContext>(
    () => ({ favorites: new Set(settings.favorites), recents: settings.recents }),
    [settings.favorites, settings.recents],
  );
  // The unfiltered list is kept apart so clearing the search costs nothing; its rows are made as
  // they are drawn, so the first frame of 10,000 roles pays for the 20 on screen.
  const all = useMemo(() => ({ found: index.items.length, rows: allRows(index, ctx) }), [index, ctx]);
  const filtered = useMemo(() => {
    if (query.trim() === '') return all;
    const hits = searchRoles(index, query, ctx);
    return { found: hits.length, rows: rowListOf(buildRows(hits, query, index, ctx)) };
  }, [all, index, query, ctx]);
  const { found: matches, rows } = filtered;

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

  const found = activeId === undefined ? -1 : rows.indexOfId(activeId);
  const activeIndex = found >= 0 ? found : firstRole(rows, 0, 1);
  const activeRow = rows.at(activeIndex);
  const active = isRole(activeRow) ? activeRow : undefined;
  const session = active && sessions.find((s) => s.session.name === active.hit.role.sessionName);
  const region =
    (session && (settings.sessionDefaults[session.session.name]?.region ?? session.session.region)) ??
    sessions[0]?.session.region ??
    'us-east-1';

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
      if (rows.shapeAt(i) !== 'header') return setActiveId(rows.idAt(i));
    }
  };
  const jump = (to: 'first' | 'last') => {
    const i = to === 'first' ? firstRole(rows, 0, 1) : firstRole(rows, rows.length - 1, -1);
    if (i >= 0) setActiveId(rows.idAt(i));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    const input = searchRef.current;
    const target = e.target as HTMLElement;
    // Buttons, pickers and dialogs keep their own keys (Enter, Esc, arrows).
    if (target !== input && !target.closest('.list-scroll')) {
      const typing = e.key.length === 1 && !mod && !e.altKey;
      if (typing && input && !target.closest('dialog, select, input, textarea, [role=menu]')) input.focus();
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

  const listings = sessions.flatMap((s) => (s.listing && s.listing.phase !== 'done' ? [s.listing] : []));
  let content;
  if (roles === undefined || (roles.length === 0 && listings.length > 0)) {
    const done = listings.reduce((n, l) => n + l.accountsDone, 0);
    const total = listings.reduce((n, l) => n + l.accountsTotal, 0);
    const counting = listings.some((l) => l.phase === 'roles');
    content = failed ? (
      <div className="state" role="status">
        <h2>No roles to show</h2>
        <p className="muted">Retry from the message above once the problem is solved.</p>
      </div>
    ) : (
      <div className="state">
        <p>{counting ? `Listing roles: ${done} of ${total} accounts` : 'Listing your accounts…'}</p>
        <progress
          className="progress"
          max={100}
          value={total > 0 ? Math.round((100 * done) / total) : undefined}
          aria-label="Listing progress"
        />
        <p className="muted small">
          Large organisations take a moment the first time; after that Lanyard starts from its cache.
        </p>
      </div>
    );
  } else if (roles.length === 0) {
    content = (
      <div className="state">
        <h2>No accounts</h2>
        <p>No account is assigned to you here. Ask your AWS administrator for access, then refresh.</p>
      </div>
    );
  } else if (matches === 0) {
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
        multi={multi}
        onActivate={(i) => {
          setActiveId(rows.idAt(i));
          searchRef.current?.focus();
        }}
        onChoose={(i) => {
          const row = rows.at(i);
          if (isRole(row)) actions.copyEnv(row.hit.role);
        }}
        onStar={(i) => {
          const row = rows.at(i);
          if (isRole(row)) actions.toggleFavorite(row.hit.role);
        }}
      />
    );
  }

  const total = roles?.length ?? 0;
  return (
    <section className="main" onKeyDown={onKeyDown} aria-labelledby="roles-title">
      <h1 id="roles-title" className="sr-only">
        Roles
      </h1>
      <div className="search">
        <input
          ref={searchRef}
          type="search"
          className="search__input"
          placeholder={total > 0 ? `Search ${total.toLocaleString()} roles` : 'Search roles'}
          aria-label="Search roles"
          aria-keyshortcuts="?"
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
        {query !== '' && <span className="search__count muted small">{matches}</span>}
      </div>
      {content}
      <ActionBar
        role={active?.hit.role}
        favorite={active?.hit.favorite ?? false}
        format={settings.envFormat}
        region={region}
        actions={actions}
      />
    </section>
  );
}
