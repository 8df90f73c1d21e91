import type { RoleCredentials } from '../domain/credentials';
import { isoExpiration } from './env';

/** What `credential_process` must print (doc §4.5): Version 1, keys in the AWS CLI's order. */
export type CredentialProcessOutput = {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
  AccountId?: string;
};

/** Same text as `aws configure export-credentials --format process`: 2-space JSON and a newline. */
export function formatCredentialProcess(creds: RoleCredentials, accountId?: string): string {
  const out: CredentialProcessOutput = {
    Version: 1,
    AccessKeyId: creds.accessKeyId,
    SecretAccessKey: creds.secretAccessKey,
    SessionToken: creds.sessionToken,
    Expiration: isoExpiration(creds.expiration),
    ...(accountId ? { AccountId: accountId } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
