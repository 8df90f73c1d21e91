import type { Message, MessageAction } from '../messages';
import { Icon } from './Icon';

type Props = {
  messages: Message[];
  onAction: (kind: MessageAction, session: string | undefined) => void;
  onDismiss: (key: string) => void;
};

/** The window's messages, one per state (see messages.ts), each with its one action. */
export function Banners({ messages, onAction, onDismiss }: Props) {
  if (messages.length === 0) return null;
  return (
    <div className="banners">
      {messages.map((m) => (
        <div
          key={m.key}
          className={`banner banner--${m.tone}`}
          role={m.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{m.text}</span>
          {m.action && (
            <button className="btn btn--small" onClick={() => onAction(m.action!.kind, m.action!.session)}>
              {m.action.label}
            </button>
          )}
          {m.dismissable && (
            <button
              className="icon-btn icon-btn--small"
              aria-label="Dismiss"
              title="Dismiss"
              onClick={() => onDismiss(m.key)}
            >
              <Icon name="close" />
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
