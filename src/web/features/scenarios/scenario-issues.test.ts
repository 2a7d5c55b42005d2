import { describe, expect, it } from "vitest";
import { countIssues, groupIssues, messagesUnder, parseIssueField, subMessages } from "./scenario-issues";

describe("parseIssueField", () => {
  it.each([
    ["definition.steps.2.actions.0.recipients", { step: 2, action: 0, field: "recipients" }],
    ["definition.steps.2.conditions.1.value", { step: 2, action: null, field: "conditions.1.value" }],
    ["definition.steps.0.offsetDays", { step: 0, action: null, field: "offsetDays" }],
    ["document.definition.steps.3.actions.1", { step: 3, action: 1, field: "" }],
    ["definition.steps", { step: null, action: null, field: "definition.steps" }],
    ["name", { step: null, action: null, field: "name" }],
  ])("%s", (field, expected) => {
    expect(parseIssueField(field)).toEqual(expected);
  });
});

describe("groupIssues", () => {
  it("places each message next to its step, action and field", () => {
    const grouped = groupIssues([
      { field: "name", message: "required" },
      { field: "definition.steps.1.key", message: "two steps have this key" },
      { field: "definition.steps.1.actions.0.recipients", message: "needs a recipient" },
      { field: "definition.steps.1.actions.0.recipients", message: "at most 4" },
    ]);
    expect(grouped.top).toEqual({ name: "required" });
    expect(grouped.steps[1]?.fields).toEqual({ key: "two steps have this key" });
    expect(grouped.steps[1]?.actions[0]).toEqual({ recipients: "needs a recipient ; at most 4" });
    expect(countIssues(grouped.steps[1])).toBe(2);
    expect(countIssues(grouped.steps[0])).toBe(0);
  });
});

describe("messagesUnder and subMessages", () => {
  const messages = { "conditions.0.value": "bad amount", conditions: "too many", conditionsX: "other" };
  it("finds the messages of a field and below it", () => {
    expect(messagesUnder(messages, "conditions")).toEqual(["bad amount", "too many"]);
  });
  it("makes the fields relative to a prefix", () => {
    expect(subMessages(messages, "conditions")).toEqual({ "0.value": "bad amount" });
  });
});
