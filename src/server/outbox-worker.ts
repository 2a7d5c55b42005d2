import type { FastifyBaseLogger } from "fastify";
import { deliverOutbox } from "../domain/communications/deliver-outbox";
import { smtpTransport } from "../domain/communications/smtp-transport";
import { captureTransport, type EmailTransport } from "../domain/communications/transport";
import type { AppContext } from "../domain/context";
import type { Config } from "./config";

export type OutboxWorker = { stop(): Promise<void> };

/** SMTP when `SMTP_URL` is set; otherwise the capture transport (messages kept in Encours, not delivered). */
export function emailTransportOf(config: Pick<Config, "smtpUrl">): EmailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : captureTransport();
}

/**
 * Delivers what the outbox holds, inside each company's send window, every interval. A failed tick is
 * logged and retried at the next one; the claim in the database, not this loop, keeps two workers apart.
 */
export function startOutboxWorker(
  ctx: AppContext,
  logger: FastifyBaseLogger,
  config: Pick<Config, "smtpUrl" | "outboxIntervalSeconds" | "publicUrl" | "port">,
): OutboxWorker {
  const transport = emailTransportOf(config);
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = deliverOutbox(ctx, { now: ctx.clock.now(), transport, publicUrl })
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
