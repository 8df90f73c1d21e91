import type { RegisterCommand } from '../context';
import { registerLogin } from './login';
import { registerLogout } from './logout';
import { registerStatus } from './status';
import { registerSessions } from './sessions';
import { registerRoles } from './roles';
import { registerEnv } from './env';
import { registerConsole } from './console';
import { registerProfiles } from './profiles';
import { registerCredentialProcess } from './credential-process';
import { registerCompletion } from './completion';

/** Each command lives in its own file and is listed here once. */
export const commands: RegisterCommand[] = [
  registerLogin,
  registerLogout,
  registerStatus,
  registerSessions,
  registerRoles,
  registerEnv,
  registerConsole,
  registerProfiles,
  registerCredentialProcess,
  registerCompletion,
];
