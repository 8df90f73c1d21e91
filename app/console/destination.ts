import { LanyardError } from '../errors';
import { consoleHost } from '../policy/partitions';
import { isRegion } from '../policy/region';

type Service = { path: string; global?: boolean };

/** Shortcuts people type after --service; the console path each one opens. */
export const serviceShortcuts: Record<string, Service> = {
  console: { path: 'console' },
  ec2: { path: 'ec2' },
  vpc: { path: 'vpcconsole' },
  s3: { path: 's3' },
  iam: { path: 'iam', global: true },
  lambda: { path: 'lambda' },
  cloudwatch: { path: 'cloudwatch' },
  logs: { path: 'cloudwatch' },
  cloudformation: { path: 'cloudformation' },
  cloudtrail: { path: 'cloudtrail' },
  dynamodb: { path: 'dynamodbv2' },
  rds: { path: 'rds' },
  ecs: { path: 'ecs' },
  ecr: { path: 'ecr' },
  eks: { path: 'eks' },
  sqs: { path: 'sqs' },
  sns: { path: 'sns' },
  kms: { path: 'kms' },
  secretsmanager: { path: 'secretsmanager' },
  ssm: { path: 'systems-manager' },
  route53: { path: 'route53', global: true },
  cloudfront: { path: 'cloudfront', global: true },
  billing: { path: 'billing', global: true },
  organizations: { path: 'organizations', global: true },
  apigateway: { path: 'apigateway' },
  stepfunctions: { path: 'states' },
  glue: { path: 'glue' },
  athena: { path: 'athena' },
  sagemaker: { path: 'sagemaker' },
  bedrock: { path: 'bedrock' },
  codebuild: { path: 'codesuite/codebuild' },
  codepipeline: { path: 'codesuite/codepipeline' },
  elasticache: { path: 'elasticache' },
  kinesis: { path: 'kinesis' },
  acm: { path: 'acm' },
  waf: { path: 'wafv2' },
  guardduty: { path: 'guardduty' },
  securityhub: { path: 'securityhub' },
  'cost-explorer': { path: 'cost-management', global: true },
};

export function validateRegion(region: string): string {
  if (!isRegion(region))
    throw new LanyardError('BAD_INPUT', `"${region}" is not an AWS region name (like eu-west-1).`);
  return region;
}

/**
 * The console page to land on: `https://[R.]console.<partition>/<path>/home[?region=R]`; the
 * console home when no service is given; global services (iam, billing…) without a region.
 */
export function consoleDestination(region?: string, service?: string): string {
  if (region) validateRegion(region);
  const key = (service ?? 'console').toLowerCase();
  let svc = serviceShortcuts[key];
  if (!svc) {
    if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(key))
      throw new LanyardError('BAD_INPUT', `"${service}" is not a console service.`, {
        candidates: Object.keys(serviceShortcuts),
      });
    svc = { path: key };
  }
  const host = consoleHost(region, svc.global);
  const query = region && !svc.global ? `?region=${region}` : '';
  return `https://${host}/${svc.path}/home${query}`;
}
