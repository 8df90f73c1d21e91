import { z } from 'zod';

export const envFormats = ['posix', 'fish', 'powershell', 'cmd', 'dotenv', 'json'] as const;
export const envFormatSchema = z.enum(envFormats);
export type EnvFormat = z.infer<typeof envFormatSchema>;

/** `session/accountId/roleName`: how favorites and recents name a role. */
export const roleKeySchema = z.string().regex(/^[^/]+\/\d{12}\/[^/]+$/);
export function roleKey(sessionName: string, accountId: string, roleName: string): string {
  return `${sessionName}/${accountId}/${roleName}`;
}

const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/);

export const settingsSchema = z.object({
  /** Per session: the region written into env output, profiles and console links. */
  sessionDefaults: z.record(z.string(), z.object({ region: regionSchema.optional() })).default({}),
  envFormat: envFormatSchema.default('posix'),
  favorites: z.array(roleKeySchema).max(500).default([]),
  recents: z.array(roleKeySchema).max(10).default([]),
  /** Minutes before a session ends to notify; each 1..240. */
  notifyLeadMinutes: z.array(z.number().int().min(1).max(240)).max(5).default([30, 5]),
  profileTemplate: z.string().min(1).max(200).default('{role}-{account_id}'),
  consoleMode: z.enum(['federation', 'portal']).default('federation'),
  consoleLogoutFirst: z.boolean().default(true),
  /** 0 = never clear the clipboard. */
  clipboardClearSeconds: z.union([z.literal(0), z.literal(30), z.literal(90), z.literal(300)]).default(0),
  launchAtLogin: z.boolean().default(false),
  signInFlow: z.enum(['pkce', 'device']).default('pkce'),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Settings with every default filled in; also what a corrupt or missing settings file falls back to. */
export const defaultSettings: Settings = settingsSchema.parse({});

/** A partial update from the renderer: validated field by field, unknown keys rejected. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
