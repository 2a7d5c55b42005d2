import type { PromiseChannel, WORK_TASK_TYPES } from "../../../domain/workbench/workbench.schemas";
import { formatMajor, parseMajor } from "../../../shared/money";
import type { UiLanguage } from "../../i18n/languages";
import type { DisputeRequest, PromiseRequest } from "./workbench-api";

/** The state of the forms, as typed: amounts as the person wrote them ("1 234,56"), ids as strings. */
export type PromiseDraft = {
  invoiceIds: string[];
  amount: string;
  /** True once the person typed an amount: choosing invoices no longer fills it in. */
  isAmountTyped: boolean;
  promisedDate: string | null;
  channel: PromiseChannel;
  note: string;
};

export type DisputeDraft = {
  invoiceIds: string[];
  /** Per invoice; empty = the whole open amount. */
  amounts: Record<string, string>;
  /** A code of the company's dispute reason catalogue. */
  reason: string | null;
  ownerId: string | null;
  /** A department of the customer's company, besides or instead of the owner. */
  departmentId: string | null;
  deadline: string | null;
  note: string;
};

export type TaskDraft = { type: (typeof WORK_TASK_TYPES)[number]; dueDate: string | null; title: string };

export type DraftErrors = Record<string, string | undefined>;

/** How long a new dispute is given by default before it shows as past its deadline. */
export const DISPUTE_DEADLINE_DAYS = 30;

export const emptyPromise = (channel: PromiseChannel = "phone"): PromiseDraft => ({
  invoiceIds: [],
  amount: "",
  isAmountTyped: false,
  promisedDate: null,
  channel,
  note: "",
});

export const emptyDispute = (ownerId: string | null, deadline: string | null): DisputeDraft => ({
  invoiceIds: [],
  amounts: {},
  reason: null,
  ownerId,
  departmentId: null,
  deadline,
  note: "",
});

/**
 * An amount as typed in the interface language → the API's decimal string: "1 234,56" (French: spaces group,
 * the comma or the point marks the decimals) or "1,234.56" (English: commas group). Null when it is not a
 * positive amount.
 */
export function normalizeAmount(text: string, language: UiLanguage): string | null {
  const spaceless = text.replace(/[\s\u00a0\u202f]/g, "");
  const compact =
    language === "fr" ? spaceless.replace(",", ".") : spaceless.replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^\d+(\.\d+)?$/.test(compact) || !/[1-9]/.test(compact)) return null;
  return compact;
}

/** The open amounts of the chosen invoices added up exactly (minor units), when they share one currency. */
export function sumOpen(
  invoices: readonly { id: number; openAmount: string; currency: string }[],
  ids: readonly string[],
): string {
  const chosen = invoices.filter((invoice) => ids.includes(String(invoice.id)));
  const currency = chosen[0]?.currency;
  if (!currency || chosen.some((invoice) => invoice.currency !== currency)) return "";
  const minor = chosen.reduce((total, invoice) => total + parseMajor(invoice.openAmount, currency).minor, 0);
  return formatMajor({ minor, currency });
}

/** What the checks need: the interface language (how amounts are written) and the error messages. */
export type DraftContext = {
  language: UiLanguage;
  messages: { required: string; amount: string; invoices: string };
};

export function checkPromise(draft: PromiseDraft, { language, messages }: DraftContext): DraftErrors {
  return {
    invoiceIds: draft.invoiceIds.length === 0 ? messages.invoices : undefined,
    amount: normalizeAmount(draft.amount, language) === null ? messages.amount : undefined,
    promisedDate: draft.promisedDate ? undefined : messages.required,
  };
}

export function toPromiseRequest(draft: PromiseDraft, language: UiLanguage): PromiseRequest {
  return {
    invoiceIds: draft.invoiceIds.map(Number),
    amount: normalizeAmount(draft.amount, language) ?? draft.amount,
    promisedDate: draft.promisedDate ?? "",
    channel: draft.channel,
    note: draft.note.trim() || undefined,
  };
}

export function checkDispute(draft: DisputeDraft, { language, messages }: DraftContext): DraftErrors {
  const errors: DraftErrors = {
    invoices: draft.invoiceIds.length === 0 ? messages.invoices : undefined,
    reason: draft.reason ? undefined : messages.required,
  };
  draft.invoiceIds.forEach((id, index) => {
    const amount = draft.amounts[id]?.trim() ?? "";
    if (amount && normalizeAmount(amount, language) === null)
      errors[`invoices.${index}.amount`] = messages.amount;
  });
  return errors;
}

export function toDisputeRequest(draft: DisputeDraft, language: UiLanguage): DisputeRequest {
  return {
    invoices: draft.invoiceIds.map((id) => {
      const amount = draft.amounts[id]?.trim();
      return amount
        ? { invoiceId: Number(id), amount: normalizeAmount(amount, language) ?? amount }
        : { invoiceId: Number(id) };
    }),
    reason: draft.reason ?? "other",
    ownerId: draft.ownerId ? Number(draft.ownerId) : undefined,
    departmentId: draft.departmentId ? Number(draft.departmentId) : undefined,
    deadline: draft.deadline ?? undefined,
    note: draft.note.trim() || undefined,
  };
}

export function checkTask(draft: TaskDraft, { messages }: DraftContext): DraftErrors {
  return { dueDate: draft.dueDate ? undefined : messages.required };
}

export function hasErrors(errors: DraftErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}
