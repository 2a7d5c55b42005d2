import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n/create-translate";
import { checkStep } from "./check-step";
import { codeFromName } from "./code-from-name";
import { toDecimalInput, toDecimalString } from "./decimal-input";
import { describeAction } from "./describe-action";
import { emptyAction } from "./scenario-draft";
import { weekdayName } from "./weekday-name";
import { withoutFields } from "./without-fields";

const fr = createTranslate("fr");

describe("decimal input", () => {
  it.each([
    ["5 000,50", "5000.50"],
    ["5\u202f000", "5000"],
    ["1250.5", "1250.5"],
  ])("%s → %s", (typed, expected) => {
    expect(toDecimalString(typed)).toBe(expected);
  });

  it("shows a stored amount with the locale's decimal mark", () => {
    expect(toDecimalInput("5000.50", "fr-FR")).toBe("5000,50");
    expect(toDecimalInput("5000.50", "en-GB")).toBe("5000.50");
  });
});

describe("codeFromName", () => {
  it.each([
    ["Grands comptes (export)", "grands-comptes-export"],
    ["  Été — PME ", "ete-pme"],
    ["x".repeat(50), "x".repeat(40)],
  ])("%s → %s", (name, code) => {
    expect(codeFromName(name)).toBe(code);
  });
});

describe("weekdayName", () => {
  it("names ISO weekdays from Monday", () => {
    expect(weekdayName(1, "fr-FR")).toBe("Lundi");
    expect(weekdayName(7, "en-GB")).toBe("Sunday");
  });
});

describe("describeAction", () => {
  it("says who receives a customer email, the copies and the conditions", () => {
    const action = {
      ...emptyAction("email"),
      cc: ["sales_rep" as const],
      template: "standard.d+7",
      conditions: [{ field: "invoice_amount" as const, op: "gte" as const, value: "5000.00" }],
    };
    expect(describeAction(action, fr, "fr-FR")).toEqual({
      title: "E-mail au client",
      details: [
        "à : comptabilité fournisseurs",
        "copie : commercial",
        "modèle standard.d+7",
        "seulement si facture d'au moins 5\u202f000",
      ],
    });
  });

  it("describes a task", () => {
    expect(describeAction(emptyAction("task"), fr, "fr-FR").details).toEqual([
      "Appel",
      "pour : chargé(e) de relance",
      "Priorité normale",
      "à faire sous 2 jours",
    ]);
  });
});

describe("checkStep", () => {
  const step = {
    key: "D 7",
    name: " ",
    offsetDays: 0,
    from: "previous_step" as const,
    review: false,
    conditions: [{ field: "segment" as const, op: "in" as const, values: [] }],
    actions: [{ ...emptyAction("internal_email"), recipients: [] }],
  };

  it("names each problem by the field the server would name", () => {
    const issues = checkStep(step, [], fr);
    expect(Object.keys(issues.fields).sort()).toEqual(["conditions.0.values", "key", "name", "offsetDays"]);
    expect(Object.keys(issues.actions[0] ?? {})).toEqual(["recipients"]);
  });

  it("refuses a key another step has", () => {
    expect(checkStep({ ...step, key: "d+7" }, ["d+7"], fr).fields.key).toBe(
      "Une autre étape du scénario a déjà cette clé.",
    );
  });
});

describe("withoutFields", () => {
  it("forgets the messages of the fields changed, and those below them", () => {
    const messages = { name: "required", "conditions.0.value": "bad", conditionsCount: "x" };
    expect(withoutFields(messages, ["conditions", "name"])).toEqual({ conditionsCount: "x" });
    expect(withoutFields(messages, ["key"])).toBe(messages);
  });
});
