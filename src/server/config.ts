import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Every variable is documented in the README; a bad value stops
 * the process at start with the variable's name, its value and what was expected.
 */
const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  ENCOURS_DATA_DIR: z.string().min(1).default("data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ENCOURS_PUBLIC_URL: z.url("must be a URL such as https://encours.example.com").optional(),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  ENCOURS_ADMIN_EMAIL: z.email("must be an email address").default("admin@localhost"),
  ENCOURS_ADMIN_PASSWORD: z.string().min(10, "must have at least 10 characters").optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How often the scheduler looks for a company whose day has not been run yet; 0 turns it off. */
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86400).default(300),
  /** Outgoing mail server, e.g. smtps://user:password@smtp.example.com:465; unset = capture (not delivered). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** How often the outbox worker looks for messages to send; 0 turns it off. */
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86400).default(30),
  /** Text messages: capture (kept in Encours, not delivered), a generic webhook, or Twilio. */
  SMS_PROVIDER: z.enum(["capture", "webhook", "twilio"]).default("capture"),
  SMS_WEBHOOK_URL: z.url("must be a URL such as https://sms.example.com/send").optional(),
  SMS_WEBHOOK_TOKEN: z.string().min(1).optional(),
  /** The sender shown on the phone: a number in E.164, an alphanumeric id, or a Twilio Messaging Service SID. */
  SMS_SENDER: z.string().min(1).max(40).optional(),
  /** Longer text messages are refused, never cut. */
  SMS_MAX_PARTS: z.coerce.number().int().min(1).max(10).default(3),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio account SID (AC + 32 hex digits)")
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_API_URL: z.url("must be a URL").default("https://api.twilio.com"),
  /** Letters by API (hybrid mail); unset = the day's print batch. */
  POSTAL_API_URL: z.url("must be a URL such as https://postal.example.com/letters").optional(),
  POSTAL_API_TOKEN: z.string().min(1).optional(),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  publicUrl: string | undefined;
  trustProxy: boolean;
  sessionTtlHours: number;
  adminEmail: string;
  adminPassword: string | undefined;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  dbPoolSize: number;
  schedulerIntervalSeconds: number;
  smtpUrl: string | undefined;
  outboxIntervalSeconds: number;
  sms: {
    provider: "capture" | "webhook" | "twilio";
    webhookUrl: string | undefined;
    webhookToken: string | undefined;
    sender: string | undefined;
    maxParts: number;
    twilioAccountSid: string | undefined;
    twilioAuthToken: string | undefined;
    twilioApiUrl: string;
  };
  postal: { apiUrl: string | undefined; apiToken: string | undefined };
  /** True when the process runs under the test runner or CI, to keep logs quiet. */
  isTest: boolean;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name] ?? "")}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid environment:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.ENCOURS_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.ENCOURS_PUBLIC_URL,
    trustProxy: e.TRUST_PROXY === "true",
    sessionTtlHours: e.SESSION_TTL_HOURS,
    adminEmail: e.ENCOURS_ADMIN_EMAIL,
    adminPassword: e.ENCOURS_ADMIN_PASSWORD,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    dbPoolSize: e.DB_POOL_SIZE,
    schedulerIntervalSeconds: e.SCHEDULER_INTERVAL_SECONDS,
    smtpUrl: e.SMTP_URL,
    outboxIntervalSeconds: e.OUTBOX_INTERVAL_SECONDS,
    sms: {
      provider: e.SMS_PROVIDER,
      webhookUrl: e.SMS_WEBHOOK_URL,
      webhookToken: e.SMS_WEBHOOK_TOKEN,
      sender: e.SMS_SENDER,
      maxParts: e.SMS_MAX_PARTS,
      twilioAccountSid: e.TWILIO_ACCOUNT_SID,
      twilioAuthToken: e.TWILIO_AUTH_TOKEN,
      twilioApiUrl: e.TWILIO_API_URL,
    },
    postal: { apiUrl: e.POSTAL_API_URL, apiToken: e.POSTAL_API_TOKEN },
    isTest: env.VITEST === "true",
    ...overrides,
  };
}
