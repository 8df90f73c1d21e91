import { describe, expect, test } from 'vitest';
import { consoleDestination } from '../../../app/console/destination';
import { commands } from '../../../app/ipc/contract';
import { dnsSuffixFor } from '../../../app/policy/partitions';
import { isRegion, partitionOf } from '../../../app/policy/region';
import { settingsPatchSchema } from '../../../app/settings/schema';
import { validateRegion } from '../../../app/validate';

const regions: [region: string, partition: string, dnsSuffix: string][] = [
  ['us-east-1', 'aws', 'amazonaws.com'],
  ['ap-southeast-5', 'aws', 'amazonaws.com'],
  ['il-central-1', 'aws', 'amazonaws.com'],
  ['us-gov-west-1', 'aws-us-gov', 'amazonaws.com'],
  ['cn-northwest-1', 'aws-cn', 'amazonaws.com.cn'],
  ['eusc-de-east-1', 'aws-eusc', 'amazonaws.eu'],
];

describe('one region rule', () => {
  test.each(regions)(
    '%s passes the form, the IPC contract, settings and the console builder',
    (region, partition, suffix) => {
      expect(isRegion(region)).toBe(true);
      expect(validateRegion(region)).toEqual({ ok: true, value: region });
      const add = { name: 'corp', startUrl: 'https://d-1234567890.awsapps.com/start', region };
      expect(commands['sessions.add'].request.safeParse(add).success).toBe(true);
      const ref = { session: 'corp', accountId: '123456789012', roleName: 'Admin', region };
      expect(commands['roles.openConsole'].request.safeParse(ref).success).toBe(true);
      expect(settingsPatchSchema.safeParse({ sessionDefaults: { corp: { region } } }).success).toBe(true);
      expect(consoleDestination(region)).toContain(`region=${region}`);
      expect(partitionOf(region)).toBe(partition);
      expect(dnsSuffixFor(region)).toBe(suffix);
    },
  );

  test.each(['us-east-1a', 'US-EAST-1', 'useast1', 'us-east', 'eu-west-1 ', 'x'])(
    '%s is refused everywhere',
    (region) => {
      expect(isRegion(region)).toBe(false);
      expect(validateRegion(region)).not.toEqual({ ok: true, value: region });
      const add = { name: 'corp', startUrl: 'https://d-1234567890.awsapps.com/start', region };
      expect(commands['sessions.add'].request.safeParse(add).success).toBe(false);
      expect(() => consoleDestination(region)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    },
  );
});
