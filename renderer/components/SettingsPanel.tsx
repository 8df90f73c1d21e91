import { useState } from 'react';
import type { EnvFormat, Settings } from '../../app/settings/schema';
import { validateProfileTemplate } from '../../app/config/profile-name';
import { invoke } from '../bridge';
import { envFormatLabels, envFormatList, parseLeadTimes } from '../format';
import { useToasts } from '../hooks/useToasts';
import type { SessionView } from '../../app/ipc/contract';
import { SessionLengthFields } from './SessionLengthFields';

type Props = {
  settings: Settings;
  /** Sessions whose length can be set (optional so older callers keep working). */
  sessions?: readonly SessionView[];
  onSaved: (s: Settings) => void;
  onClose: () => void;
};

/** Every setting saves on change (no Save button); failures show main's message. */
export function SettingsPanel({ settings, sessions = [], onSaved, onClose }: Props) {
  const { fail } = useToasts();
  const [lead, setLead] = useState(settings.notifyLeadMinutes.join(', '));
  const [template, setTemplate] = useState(settings.profileTemplate);
  const leadCheck = parseLeadTimes(lead);
  const templateCheck = validateProfileTemplate(template);
  const templateError = templateCheck.ok ? undefined : templateCheck.message;

  const save = async (patch: Partial<Settings>) => {
    const r = await invoke('settings.update', patch);
    if (r.ok) onSaved(r.value);
    else fail(r.error);
  };

  return (
    <section className="panel settings" aria-label="Settings">
      <h1>Settings</h1>
      <div className="field field--row">
        <label htmlFor="s-format">Env format</label>
        <select
          id="s-format"
          value={settings.envFormat}
          onChange={(e) => void save({ envFormat: e.target.value as EnvFormat })}
        >
          {envFormatList.map((f) => (
            <option key={f} value={f}>
              {envFormatLabels[f]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--row">
        <label htmlFor="s-clip">Clear clipboard</label>
        <select
          id="s-clip"
          value={settings.clipboardClearSeconds}
          onChange={(e) =>
            void save({ clipboardClearSeconds: Number(e.target.value) as Settings['clipboardClearSeconds'] })
          }
        >
          <option value={0}>Never</option>
          <option value={30}>After 30 s</option>
          <option value={60}>After 60 s</option>
          <option value={90}>After 90 s</option>
          <option value={300}>After 5 min</option>
        </select>
      </div>
      <div className="field field--row">
        <label htmlFor="s-console">Console sign-in</label>
        <select
          id="s-console"
          value={settings.consoleMode}
          onChange={(e) => void save({ consoleMode: e.target.value as Settings['consoleMode'] })}
        >
          <option value="federation">Federation (any region)</option>
          <option value="portal">Access portal link</option>
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.consoleLogoutFirst}
          onChange={(e) => void save({ consoleLogoutFirst: e.target.checked })}
        />
        Sign out of the previous console session first
      </label>
      <div className="field field--row">
        <label htmlFor="s-flow">Sign in with</label>
        <select
          id="s-flow"
          value={settings.signInFlow}
          onChange={(e) => void save({ signInFlow: e.target.value as Settings['signInFlow'] })}
        >
          <option value="pkce">Browser</option>
          <option value="device">Device code</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="s-lead">Remind me before the session ends (minutes)</label>
        <input
          id="s-lead"
          value={lead}
          aria-invalid={!leadCheck.ok}
          aria-describedby="s-lead-msg"
          onChange={(e) => setLead(e.target.value)}
          onBlur={() => leadCheck.ok && void save({ notifyLeadMinutes: leadCheck.value })}
        />
        <p id="s-lead-msg" className={leadCheck.ok ? 'field__msg' : 'field__msg field__msg--error'}>
          {leadCheck.ok ? 'Comma-separated, e.g. 30, 5. Empty: no reminders.' : leadCheck.message}
        </p>
      </div>
      <SessionLengthFields sessions={sessions} settings={settings} save={save} />
      <div className="field">
        <label htmlFor="s-template">Profile name template</label>
        <input
          id="s-template"
          className="mono"
          value={template}
          spellCheck={false}
          aria-invalid={templateError !== undefined}
          aria-describedby="s-template-msg"
          onChange={(e) => setTemplate(e.target.value)}
          onBlur={() =>
            templateCheck.ok &&
            templateCheck.value !== settings.profileTemplate &&
            void save({ profileTemplate: templateCheck.value })
          }
        />
        <p id="s-template-msg" className={templateError ? 'field__msg field__msg--error' : 'field__msg'}>
          {templateError ?? 'Placeholders: {role} {account_id} {account_name} {session}'}
        </p>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.launchAtLogin}
          onChange={(e) => void save({ launchAtLogin: e.target.checked })}
        />
        Launch Lanyard at login
      </label>
      <div className="row-end">
        <button className="btn btn--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </section>
  );
}
