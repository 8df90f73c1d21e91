import { describe, expect, it } from 'vitest';
import { allowedOrigins as allowedOriginsFrom } from '../../../main/aws/endpoints';

describe('allowedOrigins', () => {
  it('allows exactly the configured endpoint origins (the emulator in the demo)', () => {
    expect(
      allowedOriginsFrom({
        AWS_ENDPOINT_URL_SSO_OIDC: 'http://127.0.0.1:4000',
        AWS_ENDPOINT_URL_SSO: 'http://127.0.0.1:4000/',
        LANYARD_FEDERATION_URL: 'https://fed.example.com/federation?x=1',
      }),
    ).toEqual(['http://127.0.0.1:4000', 'https://fed.example.com']);
  });

  it('adds nothing for no overrides, malformed values or non-web schemes', () => {
    expect(allowedOriginsFrom({})).toEqual([]);
    expect(
      allowedOriginsFrom({ AWS_ENDPOINT_URL: 'not a url', AWS_ENDPOINT_URL_SSO: 'file:///etc/passwd' }),
    ).toEqual([]);
  });

  it('honours AWS_IGNORE_CONFIGURED_ENDPOINT_URLS like the SDKs (only the federation override remains)', () => {
    expect(
      allowedOriginsFrom({
        AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
        AWS_ENDPOINT_URL_SSO: 'http://127.0.0.1:4000',
        LANYARD_FEDERATION_URL: 'http://127.0.0.1:4000/federation',
      }),
    ).toEqual(['http://127.0.0.1:4000']);
  });
});
