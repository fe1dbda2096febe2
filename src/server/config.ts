import { z } from 'zod';
import { knownPushServiceHosts } from '../core/push/push-endpoint.ts';
import { parseEncryptionKey } from './auth/secret-box.ts';

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(100),
  SIGN_IN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(|false|\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'TRUST_PROXY must be false, a hop count (e.g. 1) or a comma-separated list of proxy addresses or CIDR ranges',
    )
    .default('false'),
  /** Comma-separated hosts push subscriptions may point at; the browsers' push services when unset. */
  PUSH_SERVICE_HOSTS: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9.[\]:-]+(\s*,\s*[a-z0-9.[\]:-]+)*$/i,
      'PUSH_SERVICE_HOSTS must be a comma-separated list of host names',
    )
    .optional(),
  /** 32 random bytes (64 hex digits or base64) sealing OIDC client secrets in the database. */
  SSO_ENCRYPTION_KEY: z
    .string()
    .refine((value) => parseEncryptionKey(value) !== null, {
      message:
        'SSO_ENCRYPTION_KEY must be 32 random bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)',
    })
    .optional(),
  SIGN_IN_FAILURE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});

export type Config = {
  environment: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDirectory: string;
  publicUrl: string;
  logLevel: string;
  /** Browsers only accept `__Host-`/Secure cookies over https; plain http is allowed on localhost in development. */
  isCookieSecure: boolean;
  session: { idleTimeoutMs: number; absoluteTimeoutMs: number };
  signIn: {
    /** Wrong passwords per account before each further try must wait (a delay that doubles). */
    maxFailures: number;
    /** Failed sign-ins from one address within the window before that address waits. */
    addressMaxFailures: number;
    failureWindowMs: number;
    requestsPerMinute: number;
  };
  /** Fastify's trustProxy: which forwarding proxies to believe about the client's address. */
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
  /** Hosts (and their subdomains) a push subscription's endpoint may be on. */
  pushServiceHosts: readonly string[];
  /** Seals identity providers' client secrets; without it, an OIDC connection with a secret cannot be saved. */
  ssoEncryptionKey: Buffer | null;
};

/** `false`/empty: the socket's address; a number: that many proxy hops; else the listed proxies. */
function parseTrustProxy(value: string): Config['trustProxy'] {
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(',').map((address) => address.trim());
}

/** Reads the environment once at start-up and fails with every problem named. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  return {
    environment: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDirectory: env.DATA_DIR,
    publicUrl,
    logLevel: env.LOG_LEVEL,
    isCookieSecure: env.NODE_ENV === 'production' || publicUrl.startsWith('https://'),
    session: {
      idleTimeoutMs: env.SESSION_IDLE_MINUTES * 60_000,
      absoluteTimeoutMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    signIn: {
      maxFailures: env.SIGN_IN_MAX_FAILURES,
      addressMaxFailures: env.SIGN_IN_ADDRESS_MAX_FAILURES,
      requestsPerMinute: env.SIGN_IN_REQUESTS_PER_MINUTE,
      failureWindowMs: env.SIGN_IN_FAILURE_WINDOW_MINUTES * 60_000,
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    pushServiceHosts: env.PUSH_SERVICE_HOSTS
      ? env.PUSH_SERVICE_HOSTS.split(',').map((host) => host.trim().toLowerCase())
      : knownPushServiceHosts,
    ssoEncryptionKey: env.SSO_ENCRYPTION_KEY ? parseEncryptionKey(env.SSO_ENCRYPTION_KEY) : null,
  };
}
