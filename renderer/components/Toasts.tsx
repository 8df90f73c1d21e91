import { useToastList } from '../hooks/useToasts';
import { Icon } from './Icon';

export function Toasts() {
  const { toasts, dismiss } = useToastList();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast--${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>
            {t.text}
            {t.hint && <span className="toast__hint">{t.hint}</span>}
          </span>
          <button className="icon-btn" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
