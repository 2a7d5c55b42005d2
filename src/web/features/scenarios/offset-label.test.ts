import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n/create-translate";
import { cumulativeOffsets, offsetLabel, offsetText } from "./offset-label";

const fr = createTranslate("fr");
const en = createTranslate("en");

describe("offsetLabel and offsetText", () => {
  it.each([
    [-5, "due_date", "J\u22125", "5 jours avant l'échéance", "D\u22125", "5 days before the due date"],
    [0, "due_date", "J0", "le jour de l'échéance", "D0", "on the due date"],
    [1, "due_date", "J+1", "1 jour après l'échéance", "D+1", "1 day after the due date"],
    [
      7,
      "previous_step",
      "+7 j",
      "7 jours après l'étape précédente",
      "+7 d",
      "7 days after the previous step",
    ],
  ] as const)("%i from %s", (offsetDays, from, frLabel, frText, enLabel, enText) => {
    const step = { offsetDays, from };
    expect(offsetLabel(step, fr)).toBe(frLabel);
    expect(offsetText(step, fr)).toBe(frText);
    expect(offsetLabel(step, en)).toBe(enLabel);
    expect(offsetText(step, en)).toBe(enText);
  });
});

describe("cumulativeOffsets", () => {
  it("adds a step counted from the previous one to the previous step's day", () => {
    const steps = [
      { offsetDays: -5, from: "due_date" },
      { offsetDays: 7, from: "due_date" },
      { offsetDays: 7, from: "previous_step" },
      { offsetDays: 30, from: "due_date" },
    ] as const;
    expect(cumulativeOffsets(steps)).toEqual([-5, 7, 14, 30]);
  });

  it("reads a first step counted from the previous one from the due date", () => {
    expect(cumulativeOffsets([{ offsetDays: 3, from: "previous_step" }])).toEqual([3]);
  });
});
