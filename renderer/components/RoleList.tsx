import { useCallback, useRef } from 'react';
import type { RowList, RowShape } from '../../app/search';
import { groupAccountId } from '../account-id';
import { useFixedRows } from '../hooks/useFixedRows';
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
  const sizeAt = useCallback((i: number) => heights[rows.shapeAt(i) ?? 'role'], [rows]);
  const { rows: drawn, totalSize } = useFixedRows(rows.length, sizeAt, scrollRef, activeIndex, 10);

  return (
    // Focusable so the list scrolls from the keyboard too; its keys are the search box's (MainView).
    <div ref={scrollRef} className="list-scroll" tabIndex={0} aria-label="Role list">
      <div id={listId} role="listbox" aria-label="Roles" className="list" style={{ height: totalSize }}>
        {drawn.map((item) => {
          const row = rows.at(item.index);
          if (!row) return null;
          const key = rows.keyAt(item.index) ?? item.index;
          const place = { transform: `translateY(${item.start}px)`, height: item.size };
          if (row.kind === 'header') {
            return (
              <div key={key} role="presentation" className="list__header" style={place}>
                <span className="list__account">{row.label}</span>
                {multi && row.sessionName && <span className="badge">{row.sessionName}</span>}
                {row.detail && <span className="mono muted">{groupAccountId(row.detail)}</span>}
              </div>
            );
          }
          const active = item.index === activeIndex;
          return (
            <div
              key={key}
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
