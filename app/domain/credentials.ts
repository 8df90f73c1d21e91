/** Temporary role credentials from GetRoleCredentials. Secret: never logged, never sent to the renderer. */
export type RoleCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiration: number;
};
