import type { EnvFormat } from '../app/settings/schema';

/** "1 h 05 m", "4 m 09 s", "12 s": a countdown that says what matters at its scale. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return 'expired';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} m`;
  if (m > 0) return `${m} m ${String(sec).padStart(2, '0')} s`;
  return `${sec} s`;
}

export function formatAgo(iso: string | undefined, now: number): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

/** Every env format with its label; a Record so a new format in the schema fails to compile here. */
export const envFormatLabels: Record<EnvFormat, string> = {
  posix: 'bash/zsh',
  fish: 'fish',
  powershell: 'PowerShell',
  cmd: 'cmd.exe',
  dotenv: '.env',
  json: 'JSON',
};
export const envFormatList = Object.keys(envFormatLabels) as EnvFormat[];

/** Regions offered for the console; the session's own region is added when missing. */
export const commonRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
];

/** "30, 5" → [30, 5]; a message when a lead time is not a whole number of minutes in 1..240. */
export function parseLeadTimes(text: string): { ok: true; value: number[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length > 5) return { ok: false, message: 'At most 5 reminders.' };
  const value: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 240)
      return { ok: false, message: `"${p}" is not a number of minutes from 1 to 240.` };
    value.push(n);
  }
  return { ok: true, value: [...new Set(value)].sort((a, b) => b - a) };
}
