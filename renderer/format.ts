import type { EnvFormat } from '../app/settings/schema';

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
