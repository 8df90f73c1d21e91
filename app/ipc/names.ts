/**
 * Every IPC command and event name, once. Zod-free on purpose: the preload bundles this module
 * (and nothing else of the contract) to refuse unknown names, while app/ipc/contract.ts keys its
 * schemas and event types by these lists, so tsc fails when the two disagree.
 */
export const commandNames = [
  'state.get',
  'sessions.add',
  'auth.signIn',
  'auth.cancelSignIn',
  'auth.signOut',
  'auth.startFresh',
  'auth.openVerification',
  'auth.copyUserCode',
  'signIn.currentPrompt',
  'roles.get',
  'roles.prioritize',
  'roles.copyEnv',
  'roles.openConsole',
  'profiles.plan',
  'profiles.apply',
  'settings.update',
  'favorites.toggle',
] as const;

export const eventNames = ['state.changed', 'signIn.prompt', 'roles.updated', 'ui.focusSearch'] as const;

export type CommandName = (typeof commandNames)[number];
export type EventName = (typeof eventNames)[number];

/** Channel names on the wire: one namespace so nothing else can be invoked. */
export const channelFor = (name: CommandName | EventName): string => `lanyard:${name}`;
