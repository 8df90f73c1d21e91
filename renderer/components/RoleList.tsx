import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { RowList, RowShape } from '../../app/search';
import { groupAccountId } from '../account-id';
import { RoleRow } from './RoleRow';

const headerHeight = 26;
const roleHeight = 42;
const inAccountHeight = 30;

const heights: Record<RowShape, number> = {
  header: headerHeight,
  account: inAccountHeight,
  role: roleHeight,
};

type Props = {
  rows: RowList;
  activeIndex: number;
  listId: string;
  /** Rows and headers name their session (more than one is shown). */
  multi: boolean;
  onActivate: (index: number) => void;
  onChoose: (index: number) => void;
  onStar: (index: number) => void;
};

export const optionId = (listId: string, index: number) => `${listId}-o${index}`;

/**
 * A virtualized listbox: only the rows in view exist in the DOM, so 10,000 roles scroll like 10.
 * Rows have fixed heights per kind, so nothing is measured and nothing jumps. Focus stays in the
 * search box; the active option is announced through aria-activedescendant there.
 */
export function RoleList({ rows, activeIndex, listId, multi, onActivate, onChoose, onStar }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable per list: the virtualizer re-measures all rows whenever these change, so moving the
  // selection must not hand it new functions.
  const estimateSize = useCallback((i: number) => heights[rows.shapeAt(i) ?? 'role'], [rows]);
  const getItemKey = useCallback((i: number) => rows.keyAt(i) ?? i, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 10,
    // A size before the layout effect measures the real one, so the first commit already has rows
    // (with none, it committed an empty list and rendered again at once).
    initialRect: { width: 0, height: window.innerHeight },
  });

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    // Focusable so the list scrolls from the keyboard too; its keys are the search box's (MainView).
    <div ref={scrollRef} className="list-scroll" tabIndex={0} aria-label="Role list">
      <div
        id={listId}
        role="listbox"
        aria-label="Roles"
        className="list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows.at(item.index);
          if (!row) return null;
          const place = { transform: `translateY(${item.start}px)`, height: item.size };
          if (row.kind === 'header') {
            return (
              <div key={item.key} role="presentation" className="list__header" style={place}>
                <span className="list__account">{row.label}</span>
                {multi && row.sessionName && <span className="badge">{row.sessionName}</span>}
                {row.detail && <span className="mono muted">{groupAccountId(row.detail)}</span>}
              </div>
            );
          }
          const active = item.index === activeIndex;
          return (
            <div
              key={item.key}
              id={optionId(listId, item.index)}
              role="option"
              aria-selected={active}
              className={active ? 'role role--active' : 'role'}
              style={place}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onActivate(item.index)}
              onDoubleClick={() => onChoose(item.index)}
            >
              <RoleRow row={row} active={active} multi={multi} onStar={() => onStar(item.index)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
