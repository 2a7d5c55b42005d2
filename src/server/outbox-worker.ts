import type { FastifyBaseLogger } from "fastify";
import { deliverOutbox } from "../domain/communications/deliver-outbox";
import {
  httpPostalProvider,
  type PostalProvider,
  printBatchProvider,
} from "../domain/communications/postal-provider";
import {
  captureSmsProvider,
  type SmsProvider,
  twilioSmsProvider,
  webhookSmsProvider,
} from "../domain/communications/sms-provider";
import { smtpTransport } from "../domain/communications/smtp-transport";
import { captureTransport, type EmailTransport } from "../domain/communications/transport";
import type { AppContext } from "../domain/context";
import { type Config, ConfigError } from "./config";

export type OutboxWorker = { stop(): Promise<void> };

/** SMTP when `SMTP_URL` is set; otherwise the capture transport (messages kept in Encours, not delivered). */
export function emailTransportOf(config: Pick<Config, "smtpUrl">): EmailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : captureTransport();
}

/** The SMS provider named by `SMS_PROVIDER`; a missing setting stops the process at start, naming it. */
export function smsProviderOf(config: Pick<Config, "sms">): SmsProvider {
  const sms = config.sms;
  const missing = (name: string) =>
    new ConfigError(`Invalid environment:\n  ${name} is required when SMS_PROVIDER=${sms.provider}`);
  if (sms.provider === "webhook") {
    if (!sms.webhookUrl) throw missing("SMS_WEBHOOK_URL");
    return webhookSmsProvider({ url: sms.webhookUrl, token: sms.webhookToken, sender: sms.sender });
  }
  if (sms.provider === "twilio") {
    if (!sms.twilioAccountSid) throw missing("TWILIO_ACCOUNT_SID");
    if (!sms.twilioAuthToken) throw missing("TWILIO_AUTH_TOKEN");
    if (!sms.sender) throw missing("SMS_SENDER");
    return twilioSmsProvider({
      accountSid: sms.twilioAccountSid,
      authToken: sms.twilioAuthToken,
      sender: sms.sender,
      apiUrl: sms.twilioApiUrl,
    });
  }
  return captureSmsProvider();
}

/** Letters by API when `POSTAL_API_URL` is set; otherwise they wait in the day's print batch. */
export function postalProviderOf(config: Pick<Config, "postal">): PostalProvider {
  const { apiUrl, apiToken } = config.postal;
  return apiUrl ? httpPostalProvider({ url: apiUrl, token: apiToken }) : printBatchProvider();
}

/**
 * Delivers what the outbox holds, inside each company's send window, every interval. A failed tick is
 * logged and retried at the next one; the claim in the database, not this loop, keeps two workers apart.
 */
export function startOutboxWorker(
  ctx: AppContext,
  logger: FastifyBaseLogger,
  config: Pick<Config, "smtpUrl" | "outboxIntervalSeconds" | "publicUrl" | "port" | "sms" | "postal">,
): OutboxWorker {
  const transport = emailTransportOf(config);
  const channels = {
    sms: smsProviderOf(config),
    postal: postalProviderOf(config),
    smsMaxParts: config.sms.maxParts,
  };
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = deliverOutbox(ctx, { now: ctx.clock.now(), transport, publicUrl, ...channels })
      .then((result) => {
        if (result.sent + result.failed > 0)
          logger.info({ ...result, transport: transport.kind }, "outbox delivered");
      })
      .catch((error: unknown) => logger.error({ err: error }, "outbox delivery failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, config.outboxIntervalSeconds * 1000);
  timer.unref();
  setImmediate(tick);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await transport.close();
    },
  };
}
