/**
 * The AWS domains of each partition: API DNS suffix (botocore partitions.json), federation sign-in
 * and console hosts (doc §5.2). Lanyard builds its AWS URLs from this table and the URL policy
 * accepts hosts from it, so the two cannot drift.
 */
import { partitionOf, type Partition } from './region';

type PartitionDomains = {
  /** API hosts: `oidc.<region>.<dnsSuffix>`, `portal.sso.<region>.<dnsSuffix>`. */
  dnsSuffix: string;
  signin: string;
  console: string;
  /** The region served by the global (unprefixed) sign-in and console hosts. */
  home?: string;
};

export const partitionDomains: Record<Partition, PartitionDomains> = {
  aws: {
    dnsSuffix: 'amazonaws.com',
    signin: 'signin.aws.amazon.com',
    console: 'console.aws.amazon.com',
    home: 'us-east-1',
  },
  'aws-us-gov': {
    dnsSuffix: 'amazonaws.com',
    signin: 'signin.amazonaws-us-gov.com',
    console: 'console.amazonaws-us-gov.com',
    home: 'us-gov-west-1',
  },
  'aws-cn': {
    dnsSuffix: 'amazonaws.com.cn',
    signin: 'signin.amazonaws.cn',
    console: 'console.amazonaws.cn',
    home: 'cn-north-1',
  },
  'aws-eusc': {
    dnsSuffix: 'amazonaws.eu',
    signin: 'signin.amazonaws-eusc.eu',
    console: 'console.amazonaws-eusc.eu',
  },
};

export function dnsSuffixFor(region: string): string {
  return partitionDomains[partitionOf(region)].dnsSuffix;
}

/** Global host for the partition's home region (or no region), regional host otherwise (doc §5.2, as granted does). */
function regional(base: string, partition: Partition, region: string | undefined): string {
  const home = partitionDomains[partition].home;
  return !region || region === home ? base : `${region}.${base}`;
}

export function signinHost(region: string | undefined): string {
  const p = partitionOf(region);
  return regional(partitionDomains[p].signin, p, region);
}

export function consoleHost(region: string | undefined, global = false): string {
  const p = partitionOf(region);
  return global ? partitionDomains[p].console : regional(partitionDomains[p].console, p, region);
}

/** The federation endpoint for a region: `https://[R.]signin.<partition domain>/federation`. */
export function federationEndpoint(region: string | undefined): string {
  return `https://${signinHost(region)}/federation`;
}
