import type { TimelineEntry } from "../../../domain/audit/audit.schemas";
import { ACTION_TYPES } from "../../../domain/dunning/dunning.schemas";
import { formatDate } from "../../format";
import type { Translate } from "../../i18n/messages";
import { oneOf, text, texts } from "../customers/timeline-data";
import type { TimelineText } from "../customers/timeline-text";
import { describeRecipient } from "./describe-reason";

/** One action of a dunning step, "E-mail : ap@client.fr"; a hand-off to litigation names nobody. */
function describeAction(t: Translate, action: unknown): string | undefined {
  if (typeof action !== "object" || action === null) return undefined;
  const { type: rawType, recipient: rawRecipient } = action as Record<string, unknown>;
  const type = oneOf(ACTION_TYPES, rawType);
  if (!type) return undefined;
  const label = t(`dunning.type.${type}`);
  const recipient = text(rawRecipient);
  if (!recipient || type === "litigation") return label;
  return t("dunning.timeline.action", { type: label, recipient: describeRecipient(t, { type, recipient }) });
}

/**
 * The timeline entries of the dunning module in the user's language, read from their data (the server's
 * summary is English): the steps carried out, holds and their release, a customer's scenario. Null for the
 * entries of other modules, or when the data lacks what the line needs (rows written before it was kept).
 */
export function describeDunningEntry(
  entry: TimelineEntry,
  t: Translate,
  locale: string,
): TimelineText | null {
  const { data } = entry;
  switch (entry.type) {
    case "dunning_step": {
      const scenario = text(data.scenario);
      const step = text(data.step);
      if (!scenario || !step || !Array.isArray(data.actions)) return null;
      const actions = data.actions.map((action) => describeAction(t, action));
      return {
        title: t("dunning.timeline.step", { step, scenario }),
        details: actions.filter((action): action is string => action !== undefined),
        invoiceNumbers: [],
      };
    }
    case "dunning_hold": {
      const reason = text(data.reason);
      const numbers = texts(data.heldInvoiceNumbers);
      if (!reason || !numbers) return null;
      const until = text(data.untilDate);
      return {
        title:
          numbers.length === 0
            ? t("dunning.timeline.holdCustomer")
            : t.plural("dunning.timeline.holdInvoices", numbers.length, { invoices: numbers.join(", ") }),
        details: [
          reason,
          ...(until ? [t("dunning.timeline.holdUntil", { date: formatDate(until, locale) })] : []),
        ],
        invoiceNumbers: [],
      };
    }
    case "dunning_resumed": {
      const reason = text(data.reason);
      if (!reason) return null;
      return { title: t("dunning.timeline.resumed", { reason }), details: [], invoiceNumbers: [] };
    }
    case "scenario_changed": {
      if (!("scenarioId" in data)) return null;
      const scenario = text(data.scenarioName);
      const title =
        data.scenarioId === null
          ? t("dunning.timeline.scenarioByRules")
          : scenario
            ? t("dunning.timeline.scenarioSet", { scenario })
            : t("dunning.timeline.scenarioSetUnnamed");
      return { title, details: [], invoiceNumbers: [] };
    }
    default:
      return null;
  }
}
