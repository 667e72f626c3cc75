// The Timer Lambda's configuration, read once from its environment (the template sets it; the
// local gateway passes the same, plus DYNAMODB_ENDPOINT for the offline table). A bad value fails
// the function's start, not a request.
import { DEFAULT_MAX_TASKS_PER_OWNER } from './core/task-store.ts';

export class TimerConfigError extends Error {
  override readonly name = 'TimerConfigError';
}

export interface TimerLambdaConfig {
  readonly tableName: string;
  readonly maxTasksPerUser: number;
  /** Only offline (dynalite): AWS's own endpoint is found from the region otherwise. */
  readonly endpoint?: string;
  readonly region?: string;
}

// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

export function parseTimerConfig(env: Readonly<Record<string, string | undefined>>) {
  const tableName = env['TABLE_NAME'] ?? '';
  if (!TABLE_NAME.test(tableName)) {
    throw new TimerConfigError(
      `TABLE_NAME must name a DynamoDB table (3-255 of A-Z a-z 0-9 _ . -), got "${tableName}"`,
    );
  }
  const max = env['MAX_TASKS_PER_USER'] ?? String(DEFAULT_MAX_TASKS_PER_OWNER);
  if (!/^[1-9]\d{0,6}$/.test(max)) {
    throw new TimerConfigError(
      `MAX_TASKS_PER_USER must be an integer from 1 to 9999999, got "${max}"`,
    );
  }
  const endpoint = env['DYNAMODB_ENDPOINT'] || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^\s/?#]+\/?$/.test(endpoint)) {
    throw new TimerConfigError(`DYNAMODB_ENDPOINT must be a base URL, got "${endpoint}"`);
  }
  const config: TimerLambdaConfig = {
    tableName,
    maxTasksPerUser: Number(max),
    ...(endpoint ? { endpoint, region: env['AWS_REGION'] || 'us-east-1' } : {}),
  };
  return config;
}
