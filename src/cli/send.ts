import type { Command } from "commander";
import { deliverOutbox } from "../domain/communications/deliver-outbox";
import { countInterruptedMessages } from "../domain/communications/list-messages";
import { emailTransportOf, postalProviderOf, smsProviderOf } from "../server/outbox-worker";
import { cliConfig, type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult } from "./output";

/**
 * `encours send [--json]`: flushes the outbox — every message planned up to now leaves at once, the
 * send window notwithstanding (an operator's explicit act). Prints `{ sent, failed, pending, interrupted }`
 * (`interrupted`: deliveries a dead worker left behind, to settle with `encours messages`).
 */
export function registerSend(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("send")
    .description("Send every message planned up to now (flush the outbox), whatever the send window")
    .action(() =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const config = cliConfig(globals);
        const transport = emailTransportOf(config);
        const sms = smsProviderOf(config);
        const postal = postalProviderOf(config);
        try {
          const result = await withRuntime(globals, async (ctx) => {
            const delivered = await deliverOutbox(ctx, {
              now: ctx.clock.now(),
              transport,
              sms,
              postal,
              smsMaxParts: config.sms.maxParts,
              flush: true,
              publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
            });
            return { ...delivered, interrupted: await countInterruptedMessages(ctx) };
          });
          const how =
            transport.kind === "capture" ? " (capture: kept in Encours, not delivered; set SMTP_URL)" : "";
          const interrupted =
            result.interrupted === 0
              ? ""
              : `\n${result.interrupted} interrupted deliver${result.interrupted === 1 ? "y waits" : "ies wait"} to be settled: encours messages interrupted`;
          printResult(
            outputOf(globals),
            result,
            () =>
              `Sent ${result.sent}, failed ${result.failed}, still pending ${result.pending}${how}${interrupted}`,
          );
        } finally {
          await transport.close();
        }
      }),
    );
}
