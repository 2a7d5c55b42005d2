import { DomainError } from "../../shared/errors";
import { recordActivity } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { BounceReport } from "./bounce-report.rules";
import { findBouncedEmail, markBounced } from "./bounces.repo";
import type { BounceInput, BounceResult } from "./communications.schemas";

/** A report read from a bounce email, as the bounce API takes it. */
export function bounceInputOf(report: BounceReport): BounceInput {
  return {
    outboxId: report.outboxId,
    messageId: report.messageId,
    recipient: report.recipient,
    isPermanent: report.isPermanent,
    status: report.status,
    reason: report.diagnostic,
  };
}

/**
 * A bounce comes back for an email Encours sent: a permanent one makes the message `bounced` (shown
 * with the delivery failures on the collector's agenda and in Messages envoyés) and puts it on the
 * customer's timeline; a temporary one (the server still tries) changes nothing. Reporting the same
 * bounce twice records it once.
 */
export async function recordBounce(ctx: AppContext, input: BounceInput): Promise<BounceResult> {
  if (input.outboxId === null && input.messageId === null) {
    throw new DomainError("VALIDATION", "The bounce names no message", {
      issues: [{ field: "outboxId", message: "give the outbox id (X-Encours-Outbox-Id) or the messageId" }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    const email = await findBouncedEmail(tx, input);
    if (!email) {
      const value = input.outboxId ?? input.messageId;
      throw new DomainError("NOT_FOUND", `No email sent by Encours matches the bounce (${value})`, {
        issues: [
          {
            field: input.outboxId !== null ? "outboxId" : "messageId",
            value,
            message: "is not an email of the outbox",
          },
        ],
      });
    }
    if (!input.isPermanent) return { outboxId: email.id, outcome: "temporary" as const };
    if (email.status === "bounced") return { outboxId: email.id, outcome: "already_bounced" as const };
    if (email.status !== "sent") {
      throw new DomainError(
        "CONFLICT",
        `Email ${email.id} was not sent (status ${email.status}): it cannot bounce`,
        {
          issues: [{ field: "outboxId", value: email.id, message: `has status ${email.status}` }],
        },
      );
    }
    const reason = [input.status, input.reason].filter((part) => part).join(" ") || "bounced";
    if (!(await markBounced(tx, email.id, reason)))
      return { outboxId: email.id, outcome: "already_bounced" as const };
    if (email.customer_id !== null) {
      const to = input.recipient ?? email.recipient ?? "?";
      await recordActivity(tx, {
        companyId: email.company_id,
        customerId: email.customer_id,
        type: "delivery_failed",
        occurredAt: ctx.clock.now(),
        summary: `Email to ${to} bounced: ${reason}`,
        data: {
          outboxId: email.id,
          bounced: true,
          recipient: to,
          status: input.status,
          error: reason,
          template: email.template,
        },
      });
    }
    return { outboxId: email.id, outcome: "bounced" as const };
  });
}
