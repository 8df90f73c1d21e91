import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { ListRow } from '../../app/search';
import { RoleRow } from './RoleRow';

const headerHeight = 26;
const roleHeight = 42;
const inAccountHeight = 30;

const rowHeight = (row: ListRow | undefined) =>
  row?.kind === 'header' ? headerHeight : row?.section === 'account' ? inAccountHeight : roleHeight;

type Props = {
  rows: ListRow[];
  activeIndex: number;
  listId: string;
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
export function RoleList({ rows, activeIndex, listId, onActivate, onChoose, onStar }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable per list: the virtualizer re-measures all rows whenever these change, so moving the
  // selection must not hand it new functions.
  const estimateSize = useCallback((i: number) => rowHeight(rows[i]), [rows]);
  const getItemKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 10,
  });

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    <div ref={scrollRef} className="list-scroll">
      <div
        id={listId}
        role="listbox"
        aria-label="Roles"
        className="list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const place = { transform: `translateY(${item.start}px)`, height: item.size };
          if (row.kind === 'header') {
            return (
              <div key={item.key} role="presentation" className="list__header" style={place}>
                <span>{row.label}</span>
                {row.detail && <span className="mono muted">{row.detail}</span>}
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
              aria-label={`${row.hit.role.roleName} in ${row.hit.role.accountName} ${row.hit.role.accountId}${row.hit.favorite ? ', favorite' : ''}`}
              className={active ? 'role role--active' : 'role'}
              style={place}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onActivate(item.index)}
              onDoubleClick={() => onChoose(item.index)}
            >
              <RoleRow row={row} active={active} onStar={() => onStar(item.index)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
