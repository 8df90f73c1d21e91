import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Icon } from './Icon';

export type MenuItem = { label: string; hint?: string; onSelect: () => void };
export type MenuGroup = { label?: string; items: MenuItem[] };

/**
 * A menu button (WAI-ARIA menu pattern): Enter, Space or ↓ opens it on the first item, ↑ on the
 * last; arrows, Home and End move; Esc or Tab closes it and focus goes back to the button; a click
 * outside closes it. Items show their keyboard shortcut.
 */
export function Menu({ label, groups }: { label: string; groups: MenuGroup[] }) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();
  const items = () => [...(list.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const all = items();
    (open === 'last' ? all.at(-1) : all[0])?.focus();
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!list.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(all.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation();
  };

  let groupNo = 0;
  const render = (item: MenuItem): ReactNode => (
    <button
      key={item.label}
      role="menuitem"
      tabIndex={-1}
      onClick={() => {
        close(true);
        item.onSelect();
      }}
    >
      <span>{item.label}</span>
      {item.hint && (
        <kbd className="menu__hint" aria-hidden="true">
          {item.hint}
        </kbd>
      )}
    </button>
  );

  return (
    <div className="menu">
      <button
        ref={button}
        className="icon-btn"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(e.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
      >
        <Icon name="more" />
      </button>
      {open && (
        <div ref={list} id={id} className="menu__items" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {groups.map((g) => {
            if (!g.label) return g.items.map(render);
            const gid = `${id}-g${groupNo++}`;
            return (
              <div key={gid} role="group" aria-labelledby={gid} className="menu__group">
                <div id={gid} className="menu__label">
                  {g.label}
                </div>
                {g.items.map(render)}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
