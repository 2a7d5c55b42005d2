import { describe, expect, it } from "vitest";
import type { AgendaItem } from "../../../domain/workbench/agenda.schemas";
import { createTranslate } from "../../i18n/create-translate";
import { describeAgendaItem } from "./describe-agenda-item";

const item: AgendaItem = {
  key: "promise_broken:7",
  kind: "promise_broken",
  date: "2026-11-12",
  bucket: "overdue",
  customer: { id: 1, name: "Vitanova Metz SARL", externalRef: "C000014" },
  companyId: 1,
  refId: 7,
  label: "2026-11-09",
  detail: "broken",
  amount: "722.95",
  currency: "EUR",
  limit: null,
  score: 61.2,
  explanation: [],
};

describe("describeAgendaItem", () => {
  it("says the date promised for a broken promise, not the end of its grace", () => {
    expect(describeAgendaItem(item, createTranslate("fr"), "fr-FR")).toBe(
      "Promesse de 722,95\u00a0€ du 09/11/2026 non tenue",
    );
    expect(describeAgendaItem(item, createTranslate("en"), "en-GB")).toBe(
      "Promise of €722.95 for 09/11/2026 broken",
    );
  });

  it("falls back to the item's date when the label holds none", () => {
    expect(describeAgendaItem({ ...item, label: null }, createTranslate("en"), "en-GB")).toBe(
      "Promise of €722.95 for 12/11/2026 broken",
    );
  });
});
