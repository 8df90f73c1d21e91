import { useCallback, useMemo, useState } from 'react';
import type { RoleEntry } from '../../app/domain/accounts';
import type { AppSnapshot, ProfilesPlanView } from '../../app/ipc/contract';
import type { EnvFormat, Settings } from '../../app/settings/schema';
import { invoke } from '../bridge';
import { envFormatLabels } from '../format';
import { useToasts } from './useToasts';

export type RoleActions = {
  copyEnv: (role: RoleEntry, format?: EnvFormat) => void;
  openConsole: (role: RoleEntry, region?: string) => void;
  toggleFavorite: (role: RoleEntry) => void;
  /** Every role of `session` when `roles` is omitted. */
  planProfiles: (session: string, roles?: RoleEntry[]) => void;
  setFormat: (format: EnvFormat) => void;
  setRegion: (session: string, region: string) => void;
  plan: ProfilesPlanView | undefined;
  closePlan: () => void;
};

/** "AdministratorAccess in payments-prod": a toast says which role of which account it acted on. */
export const roleLabel = (role: RoleEntry) => `${role.roleName} in ${role.accountName}`;

/**
 * What a person can do with a role of any session (each role carries its session); each result
 * becomes a toast, each failure its message and hint.
 */
export function useRoleActions(snapshot: AppSnapshot, onSnapshot: (s: AppSnapshot) => void): RoleActions {
  const { toast, fail } = useToasts();
  const [plan, setPlan] = useState<ProfilesPlanView>();
  const settings = snapshot.settings;

  const saveSettings = useCallback(
    async (patch: Partial<Settings>) => {
      const r = await invoke('settings.update', patch);
      if (r.ok) onSnapshot({ ...snapshot, settings: r.value });
      else fail(r.error);
    },
    [snapshot, onSnapshot, fail],
  );

  return useMemo<RoleActions>(() => {
    const ref = (role: RoleEntry) => ({
      session: role.sessionName,
      accountId: role.accountId,
      roleName: role.roleName,
    });
    return {
      copyEnv: (role, format) => {
        void invoke('roles.copyEnv', { ...ref(role), format: format ?? settings.envFormat }).then((r) => {
          if (!r.ok) return fail(r.error);
          const clears =
            r.value.clearsInSeconds > 0 ? ` Clipboard clears in ${r.value.clearsInSeconds} s.` : '';
          toast(`Copied ${envFormatLabels[r.value.format]} env for ${roleLabel(role)}.${clears}`);
        });
      },
      openConsole: (role, region) => {
        void invoke('roles.openConsole', region ? { ...ref(role), region } : ref(role)).then((r) => {
          if (r.ok) toast(`Opening the console as ${roleLabel(role)}…`);
          else fail(r.error);
        });
      },
      toggleFavorite: (role) => {
        void invoke('favorites.toggle', ref(role)).then((r) => {
          if (r.ok) onSnapshot({ ...snapshot, settings: r.value });
          else fail(r.error);
        });
      },
      planProfiles: (session, roles) => {
        const request = {
          session,
          template: settings.profileTemplate,
          ...(roles ? { roles: roles.map((r) => ({ accountId: r.accountId, roleName: r.roleName })) } : {}),
        };
        void invoke('profiles.plan', request).then((r) => (r.ok ? setPlan(r.value) : fail(r.error)));
      },
      setFormat: (envFormat) => void saveSettings({ envFormat }),
      setRegion: (session, region) =>
        void saveSettings({ sessionDefaults: { ...settings.sessionDefaults, [session]: { region } } }),
      plan,
      closePlan: () => setPlan(undefined),
    };
  }, [settings, snapshot, onSnapshot, toast, fail, saveSettings, plan]);
}
