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
  planProfiles: (roles?: RoleEntry[]) => void;
  setFormat: (format: EnvFormat) => void;
  setRegion: (region: string) => void;
  plan: ProfilesPlanView | undefined;
  closePlan: () => void;
};

/** What a person can do with a role; each result becomes a toast, each failure its message and hint. */
export function useRoleActions(
  session: string,
  snapshot: AppSnapshot,
  onSnapshot: (s: AppSnapshot) => void,
): RoleActions {
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
    const ref = (role: RoleEntry) => ({ session, accountId: role.accountId, roleName: role.roleName });
    return {
      copyEnv: (role, format) => {
        void invoke('roles.copyEnv', { ...ref(role), format: format ?? settings.envFormat }).then((r) => {
          if (!r.ok) return fail(r.error);
          const clears =
            r.value.clearsInSeconds > 0 ? ` — clipboard clears in ${r.value.clearsInSeconds} s` : '';
          toast(`Copied ${envFormatLabels[r.value.format]} env for ${role.roleName}${clears}`);
        });
      },
      openConsole: (role, region) => {
        void invoke('roles.openConsole', region ? { ...ref(role), region } : ref(role)).then((r) => {
          if (r.ok) toast(`Opening the console for ${role.accountName}…`);
          else fail(r.error);
        });
      },
      toggleFavorite: (role) => {
        void invoke('favorites.toggle', ref(role)).then((r) => {
          if (r.ok) onSnapshot({ ...snapshot, settings: r.value });
          else fail(r.error);
        });
      },
      planProfiles: (roles) => {
        const request = {
          session,
          template: settings.profileTemplate,
          ...(roles ? { roles: roles.map((r) => ({ accountId: r.accountId, roleName: r.roleName })) } : {}),
        };
        void invoke('profiles.plan', request).then((r) => (r.ok ? setPlan(r.value) : fail(r.error)));
      },
      setFormat: (envFormat) => void saveSettings({ envFormat }),
      setRegion: (region) =>
        void saveSettings({ sessionDefaults: { ...settings.sessionDefaults, [session]: { region } } }),
      plan,
      closePlan: () => setPlan(undefined),
    };
  }, [session, settings, snapshot, onSnapshot, toast, fail, saveSettings, plan]);
}
