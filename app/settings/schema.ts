import { z } from 'zod';
import { defaultProfileTemplate } from '../config/profile-name';
import { roleKeyPattern } from '../domain/role-key';
import { regionSchema } from '../policy/region-schema';
import { MAX_SESSION_LENGTH_SECONDS, MIN_SESSION_LENGTH_SECONDS } from '../schedule/session-length';

export const envFormats = ['posix', 'fish', 'powershell', 'cmd', 'dotenv', 'json'] as const;
export const envFormatSchema = z.enum(envFormats);
export type EnvFormat = z.infer<typeof envFormatSchema>;

/** `session/accountId/roleName` (app/domain/role-key): how favorites and recents name a role. */
export const roleKeySchema = z.string().regex(roleKeyPattern);

/** Each setting's shape, without defaults: a patch must carry only what the sender sent. */
const fields = {
  /** Per session: the region written into env output, profiles and console links. */
  sessionDefaults: z.record(
    z.string(),
    z.object({
      region: regionSchema.optional(),
      /** How long this session lasts after sign-in (app/schedule/session-length); unset = 8 h default. */
      sessionLengthSeconds: z
        .number()
        .int()
        .min(MIN_SESSION_LENGTH_SECONDS)
        .max(MAX_SESSION_LENGTH_SECONDS)
        .optional(),
      sessionLengthSource: z.enum(['configured', 'observed']).optional(),
    }),
  ),
  envFormat: envFormatSchema,
  favorites: z.array(roleKeySchema).max(500),
  recents: z.array(roleKeySchema).max(10),
  /** Minutes before a session ends to notify; each 1..240. */
  notifyLeadMinutes: z.array(z.number().int().min(1).max(240)).max(5),
  profileTemplate: z.string().min(1).max(200),
  consoleMode: z.enum(['federation', 'portal']),
  consoleLogoutFirst: z.boolean(),
  /** 0 = never clear the clipboard. */
  clipboardClearSeconds: z.union([z.literal(0), z.literal(30), z.literal(60), z.literal(90), z.literal(300)]),
  launchAtLogin: z.boolean(),
  signInFlow: z.enum(['pkce', 'device']),
  /** The session the CLI acts on when none is named (after --session and LANYARD_SESSION). */
  defaultSession: z.string().min(1).max(200),
};

export const settingsSchema = z.object({
  sessionDefaults: fields.sessionDefaults.default({}),
  envFormat: fields.envFormat.default('posix'),
  favorites: fields.favorites.default([]),
  recents: fields.recents.default([]),
  notifyLeadMinutes: fields.notifyLeadMinutes.default([30, 5]),
  profileTemplate: fields.profileTemplate.default(defaultProfileTemplate),
  consoleMode: fields.consoleMode.default('federation'),
  consoleLogoutFirst: fields.consoleLogoutFirst.default(true),
  // As a password manager does: credentials left on the clipboard leak into every later paste.
  clipboardClearSeconds: fields.clipboardClearSeconds.default(60),
  launchAtLogin: fields.launchAtLogin.default(false),
  signInFlow: fields.signInFlow.default('pkce'),
  defaultSession: fields.defaultSession.optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Settings with every default filled in; also what a corrupt or missing settings file falls back to. */
export const defaultSettings: Settings = settingsSchema.parse({});

/**
 * A partial update from the renderer: validated field by field, unknown keys rejected. Built from
 * the default-free fields because zod 4 fills `.default()`s even under `.partial()`, which would
 * turn `{ envFormat }` into a whole settings object and reset favorites.
 */
export const settingsPatchSchema = z.object(fields).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
