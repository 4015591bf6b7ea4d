import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError } from './domain/errors.js';
import { parseLanguage } from './domain/language.js';
import { LICENCE_IDS, parseLicence, type LicenceId } from './domain/licence.js';

const emptyToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const bool = z.preprocess(
  emptyToUndefined,
  z.enum(['true', 'false', '1', '0', 'yes', 'no']).optional().transform((v) => v === undefined ? undefined : ['true', '1', 'yes'].includes(v)),
);

/** Every setting the program reads, from the environment (and an optional .env file). */
const envSchema = z
  .object({
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    PUBLIC_URL: optionalUrl,
    /** Who harvesters write to (OAI-PMH Identify's adminEmail). */
    OAI_ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
    DEFAULT_LICENCE: z.preprocess(
      emptyToUndefined,
      z.string().default('CC-BY-SA-4.0').refine((v) => parseLicence(v) !== null, {
        message: `unknown licence; expected one of ${LICENCE_IDS.join(', ')}`,
      }),
    ),
    // The same rule as the programme's `language` column: the tag ends up in file paths and
    // playlists, so "french" or "fr/../x" must stop here, and "fr-fr" is stored as "fr-FR".
    DEFAULT_LANGUAGE: z.preprocess(
      emptyToUndefined,
      z.string().default('fr').transform((value, context) => {
        const language = parseLanguage(value);
        if (language.ok) return language.value;
        context.addIssue({ code: 'custom', message: language.message });
        return z.NEVER;
      }),
    ),
    MEILI_URL: optionalUrl,
    MEILI_MASTER_KEY: optionalString,
    STORAGE: z.preprocess(emptyToUndefined, z.enum(['fs', 's3']).default('fs')),
    S3_ENDPOINT: optionalUrl,
    S3_REGION: z.preprocess(emptyToUndefined, z.string().default('us-east-1')),
    S3_BUCKET: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: bool,
    S3_PUBLIC_BASE_URL: optionalUrl,
    QUEUE: z.preprocess(emptyToUndefined, z.enum(['inline', 'bullmq']).default('inline')),
    REDIS_URL: optionalUrl,
    TRANSCRIBER: z.preprocess(emptyToUndefined, z.enum(['none', 'whisper']).default('none')),
    TRANSCRIBER_MODEL: optionalString,
    /** Items transcoded at once by the in-process queue; ffmpeg already uses every core. */
    INGEST_CONCURRENCY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(16).default(1)),
    /**
     * `status` warns when the store or work folder has less room than this: the longest
     * recordings need a few GB of work space while they are transcoded.
     */
    DISK_WARN_FREE_MB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(2048)),
    FFMPEG_PATH: optionalString,
    FFPROBE_PATH: optionalString,
  });

/** The name of every environment variable the program reads (deployment files are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(envSchema.shape));

/**
 * Rules between settings, checked on the raw values so they are reported together with the
 * per-field problems (zod skips refinements when a field already failed).
 */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const set = (key: string): boolean => Boolean(env[key]);
  const problems: string[] = [];
  if (env.STORAGE === 's3') {
    for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) if (!set(key)) problems.push(`${key}: required when STORAGE=s3`);
  }
  if (env.QUEUE === 'bullmq' && !set('REDIS_URL')) problems.push('REDIS_URL: required when QUEUE=bullmq');
  if (set('MEILI_MASTER_KEY') && !set('MEILI_URL')) problems.push('MEILI_URL: required with MEILI_MASTER_KEY');
  if (env.TRANSCRIBER === 'whisper' && !set('TRANSCRIBER_MODEL')) {
    problems.push('TRANSCRIBER_MODEL: required when TRANSCRIBER=whisper (path to a ggml model file)');
  }
  return problems;
}

export interface Config {
  dataDir: string;
  port: number;
  /** The site's public origin (PUBLIC_URL); null: each request's own host is used. */
  publicUrl: string | null;
  /** The OAI-PMH contact (OAI_ADMIN_EMAIL); null: webmaster@<host of the public URL> (RFC 2142). */
  oaiAdminEmail: string | null;
  defaultLicence: LicenceId;
  defaultLanguage: string;
  meili: { url: string; masterKey: string | undefined } | null;
  storage: { kind: 'fs' } | { kind: 's3'; endpoint?: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean; publicBaseUrl?: string };
  queue: { kind: 'inline'; concurrency: number } | { kind: 'bullmq'; redisUrl: string; concurrency: number };
  transcriber: { kind: 'none' } | { kind: 'whisper'; model: string };
  ffmpegPath: string | undefined;
  ffprobePath: string | undefined;
  /** Below this many free bytes in the store or work folder, `status` warns (DISK_WARN_FREE_MB). */
  diskWarnFreeBytes: number;
}

/**
 * Reads the configuration once; lists every problem at once (ConfigError) and returns a frozen,
 * typed object. A `.env` file in the working folder is read first; real environment wins.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Readonly<Config> {
  const merged = { ...readDotEnv(cwd), ...env };
  const parsed = envSchema.safeParse(merged);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`)),
    ...crossFieldProblems(merged),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const config: Config = {
    dataDir,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    oaiAdminEmail: e.OAI_ADMIN_EMAIL ?? null,
    defaultLicence: parseLicence(e.DEFAULT_LICENCE) as LicenceId,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    meili: e.MEILI_URL ? { url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY } : null,
    storage:
      e.STORAGE === 's3'
        ? {
            kind: 's3',
            ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
            region: e.S3_REGION,
            bucket: e.S3_BUCKET as string,
            accessKeyId: e.S3_ACCESS_KEY_ID as string,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY as string,
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
            ...(e.S3_PUBLIC_BASE_URL ? { publicBaseUrl: e.S3_PUBLIC_BASE_URL } : {}),
          }
        : { kind: 'fs' },
    queue:
      e.QUEUE === 'bullmq'
        ? { kind: 'bullmq', redisUrl: e.REDIS_URL as string, concurrency: e.INGEST_CONCURRENCY }
        : { kind: 'inline', concurrency: e.INGEST_CONCURRENCY },
    transcriber: e.TRANSCRIBER === 'whisper' ? { kind: 'whisper', model: path.resolve(cwd, e.TRANSCRIBER_MODEL as string) } : { kind: 'none' },
    ffmpegPath: e.FFMPEG_PATH,
    ffprobePath: e.FFPROBE_PATH,
    diskWarnFreeBytes: e.DISK_WARN_FREE_MB * 1024 * 1024,
  };
  return deepFreeze(config);
}

function readDotEnv(cwd: string): Record<string, string> {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return {};
  // Node's own parser (20.12+): no dependency, same syntax as dotenv.
  const parsed = parseEnv(readFileSync(file, 'utf8')) as Record<string, string | undefined>;
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
