import { LanyardError } from '../../../app/errors';
import { validateStartUrl } from '../../../app/validate';

export const customEndpointHelp =
  "accept a custom or vanity start URL (not on an AWS-owned portal host); use only your organisation's own";

export type StartUrlFlags = { startUrl: string; customEndpoint?: boolean };

/** The checked start URL; a host AWS does not own needs --custom-endpoint (exit 2 without it). */
export function cliStartUrl(flags: StartUrlFlags): string {
  const url = validateStartUrl(flags.startUrl, {
    customEndpoint: flags.customEndpoint === true,
    confirm: 'pass --custom-endpoint',
  });
  if (!url.ok) throw new LanyardError('BAD_INPUT', url.message);
  return url.value;
}
