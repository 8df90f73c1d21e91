import { useState } from 'react';
import type { SessionView } from '../../app/ipc/contract';
import type { Settings } from '../../app/settings/schema';
import { formatSessionLength, parseSessionLength } from '../../app/schedule/session-length';

type Props = {
  sessions: readonly SessionView[];
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<void>;
};

/** Each session's length ("12h"; empty = Identity Center's default 8 h), and a length Lanyard observed. */
export function SessionLengthFields({ sessions, settings, save }: Props) {
  return (
    <>
      {sessions.map((v) => (
        <SessionLengthField key={v.session.name} view={v} settings={settings} save={save} />
      ))}
    </>
  );
}

function SessionLengthField({ view, settings, save }: { view: SessionView } & Omit<Props, 'sessions'>) {
  const name = view.session.name;
  const entry = settings.sessionDefaults[name] ?? {};
  const current = entry.sessionLengthSeconds;
  const [text, setText] = useState(current ? formatSessionLength(current).replace(/ /g, '') : '');
  const check = text.trim() === '' ? undefined : parseSessionLength(text);
  const error = check && 'error' in check ? check.error : undefined;
  const id = `s-length-${name}`;
  const store = (seconds: number | undefined, source: 'configured' | 'observed') => {
    const { sessionLengthSeconds: _s, sessionLengthSource: _o, ...rest } = entry;
    const next =
      seconds === undefined ? rest : { ...rest, sessionLengthSeconds: seconds, sessionLengthSource: source };
    return save({ sessionDefaults: { ...settings.sessionDefaults, [name]: next } });
  };
  const observed = view.observedSessionLength;
  return (
    <div className="field">
      <label htmlFor={id}>{name}: session length</label>
      <input
        id={id}
        value={text}
        placeholder="8h (Identity Center's default)"
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-msg`}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (error) return;
          const seconds = check && 'seconds' in check ? check.seconds : undefined;
          if (seconds !== current) void store(seconds, 'configured');
        }}
      />
      <p id={`${id}-msg`} className={error ? 'field__msg field__msg--error' : 'field__msg'}>
        {error ?? 'How long a sign-in lasts, e.g. 12h; warnings are counted from it.'}
      </p>
      {observed !== undefined && (
        <p className="field__msg">
          Your {name} sessions seem to last {formatSessionLength(observed)}.{' '}
          <button
            className="btn"
            onClick={() => {
              setText(formatSessionLength(observed).replace(/ /g, ''));
              void store(observed, 'observed');
            }}
          >
            Remember
          </button>
        </p>
      )}
    </div>
  );
}
