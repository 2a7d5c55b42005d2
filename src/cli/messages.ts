import type { Command } from "commander";
import { type Message, SettleMessageInput } from "../domain/communications/communications.schemas";
import { listMessages } from "../domain/communications/list-messages";
import { settleInterruptedMessage } from "../domain/communications/settle-interrupted-message";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { IdParam } from "../shared/schemas";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult, table } from "./output";
import { parseInput } from "./parse-input";

const SettleFlags = SettleMessageInput.extend({ id: IdParam });

function lineOf(message: Message) {
  return {
    id: message.id,
    channel: message.channel,
    customer: message.customer?.name ?? "",
    recipient: message.recipient ?? "",
    template: message.template ?? "",
    claimedAt: message.claimedAt,
    status: message.status,
  };
}

/**
 * `encours messages interrupted` lists the deliveries a dead worker left `sending` (an hour after their claim);
 * `encours messages settle <id> --outcome requeue|sent|cancel [--note TEXT]` settles one, once the mail
 * server's or provider's log says whether it left. As the API's `POST /api/messages/:id/settle`.
 */
export function registerMessages(
  program: Command,
  run: (action: () => Promise<void>) => Promise<void>,
): void {
  const messages = program.command("messages").description("Messages of the outbox: interrupted deliveries");
  messages
    .command("interrupted")
    .description("List the messages whose delivery was interrupted (still sending an hour after their claim)")
    .action(() =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const list = await withRuntime(globals, (ctx) =>
          listMessages(ctx, SYSTEM_ACTOR, { interrupted: true, limit: 500 }),
        );
        const lines = list.items.map(lineOf);
        const shown = lines.length < list.interrupted ? ` (the ${lines.length} most recent below)` : "";
        printResult(outputOf(globals), { interrupted: list.interrupted, messages: lines }, () =>
          lines.length === 0
            ? "No interrupted delivery"
            : [
                `${list.interrupted} interrupted deliver${list.interrupted === 1 ? "y" : "ies"}${shown}: look for them in the mail server's log (X-Encours-Outbox-Id), then settle each with encours messages settle`,
                table(lines),
              ].join("\n"),
        );
      }),
    );
  messages
    .command("settle")
    .description("Settle an interrupted delivery: send it again, record it as sent, or cancel it")
    .argument("<id>", "the message's outbox id (X-Encours-Outbox-Id)")
    .requiredOption("--outcome <outcome>", "requeue (send it again), sent (it left) or cancel")
    .option("--note <text>", "why, for the audit log and the message")
    .action((id: string, flags: Record<string, string | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const input = parseInput(SettleFlags, { ...flags, id });
        const settled = await withRuntime(globals, (ctx) =>
          settleInterruptedMessage(ctx, SYSTEM_ACTOR, input.id, {
            outcome: input.outcome,
            ...(input.note ? { note: input.note } : {}),
          }),
        );
        printResult(outputOf(globals), lineOf(settled), () => `Message ${settled.id}: ${settled.status}`);
      }),
    );
}
