/**
 * The one home of region syntax and partitions. The add-session form, the settings and IPC schemas,
 * the console builder and the URL policy all ask here, so a region one accepts the others accept.
 */
export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn' | 'aws-eusc';

/** Every public region shape: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`, ISO ones. */
export const regionPattern = /^(?:[a-z]{2}(?:-(?:gov|iso|isob|isoe|isof))?|eusc-[a-z]{2})-[a-z]+-\d{1,2}$/;

export function isRegion(text: string): boolean {
  return regionPattern.test(text);
}

/** `us-east-1a`: what people paste from the EC2 console instead of a region. */
export function looksLikeAvailabilityZone(text: string): boolean {
  return /^[a-z]{2}-[a-z]+-\d[a-z]$/.test(text);
}

/**
 * Region shapes per partition, as regex source for the URL policy's host patterns. `aws` has only
 * two-part names (`us-east-1`), so `us-gov-west-1` or `us-iso-east-1` cannot pass as one.
 */
export const partitionRegionSource: Record<Partition, string> = {
  aws: '(?!cn-)[a-z]{2}-[a-z]+-\\d{1,2}',
  'aws-us-gov': 'us-gov-[a-z]+-\\d{1,2}',
  'aws-cn': 'cn-[a-z]+-\\d{1,2}',
  'aws-eusc': 'eusc-[a-z]{2}-[a-z]+-\\d{1,2}',
};

export const partitions = Object.keys(partitionRegionSource) as Partition[];

export function partitionOf(region: string | undefined): Partition {
  if (!region) return 'aws';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}
