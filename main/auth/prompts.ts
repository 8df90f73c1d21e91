/**
 * What a sign-in asks of the person, reported as it happens so the CLI prints it and the desktop
 * app shows it (the shape is a superset of the IPC contract's `SignInPrompt`).
 */
export type SignInPrompt =
  | {
      session: string;
      kind: 'device';
      userCode: string;
      verificationUri: string;
      verificationUriComplete: string;
      /** ISO-8601 UTC: when the code stops working. */
      expiresAt: string;
      /** True when Lanyard opened the page itself. */
      opened: boolean;
    }
  | { session: string; kind: 'browser'; url: string; opened: boolean };
