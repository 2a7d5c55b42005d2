import { describe, expect, it } from "vitest";
import type { ScenarioAction, ScenarioStep } from "../../../domain/dunning/dunning.schemas";
import {
  cleanAction,
  cleanDefinition,
  emptyAction,
  insertionIndex,
  isSameDefinition,
  moveItem,
  newStep,
  suggestStepKey,
} from "./scenario-draft";

const step = (key: string, offsetDays: number, from: ScenarioStep["from"] = "due_date"): ScenarioStep => ({
  key,
  name: key,
  offsetDays,
  from,
  review: false,
  conditions: [],
  actions: [emptyAction("email")],
});

describe("moveItem", () => {
  it.each([
    [1, -1, ["b", "a", "c"]],
    [1, 1, ["a", "c", "b"]],
    [0, -1, ["a", "b", "c"]],
    [2, 1, ["a", "b", "c"]],
  ])("moves item %i by %i", (index, delta, expected) => {
    expect(moveItem(["a", "b", "c"], index, delta)).toEqual(expected);
  });
});

describe("suggestStepKey", () => {
  it.each([
    [{ offsetDays: -5, from: "due_date" as const }, [], "d-5"],
    [{ offsetDays: 0, from: "due_date" as const }, [], "d+0"],
    [{ offsetDays: 7, from: "due_date" as const }, ["d+7"], "d+7.2"],
    [{ offsetDays: 7, from: "due_date" as const }, ["d+7", "d+7.2"], "d+7.3"],
    [{ offsetDays: 7, from: "previous_step" as const }, [], "step-4"],
  ])("%o with %o taken", (offset, taken, expected) => {
    expect(suggestStepKey(offset, taken, 3)).toBe(expected);
  });
});

describe("newStep and insertionIndex", () => {
  it("puts a new step a week after the last one", () => {
    const created = newStep([step("d+0", 0), step("d+7", 7, "previous_step")]);
    expect(created).toMatchObject({ key: "d+14", offsetDays: 14, from: "due_date" });
  });

  it("inserts a step where it falls in time", () => {
    const steps = [step("d-5", -5), step("d+7", 7), step("d+30", 30)];
    expect(insertionIndex(steps, step("d+14", 14))).toBe(2);
    expect(insertionIndex(steps, step("d-10", -10))).toBe(0);
    expect(insertionIndex(steps, step("d+45", 45))).toBe(3);
    expect(insertionIndex(steps, step("next", 3, "previous_step"))).toBe(3);
  });
});

describe("cleanAction", () => {
  it("keeps only the fields of the action's type", () => {
    const messy: ScenarioAction = {
      ...emptyAction("task"),
      type: "email",
      template: "  standard.d+7 ",
      title: "",
      cc: ["sales_rep"],
      recipients: ["collector"],
    };
    expect(cleanAction(messy)).toEqual({
      type: "email",
      template: "standard.d+7",
      contactRoles: [],
      cc: ["sales_rep"],
      recipients: [],
      conditions: [],
    });
  });

  it("keeps a task's type, assignee, priority and due days", () => {
    expect(cleanAction({ ...emptyAction("task"), title: " Call " })).toMatchObject({
      taskType: "call",
      assigneeRole: "collector",
      priority: "normal",
      dueInDays: 2,
      title: "Call",
    });
  });
});

describe("cleanDefinition and isSameDefinition", () => {
  it("drops an empty description and trims names", () => {
    const definition = { description: "  ", steps: [{ ...step("d+7", 7), name: " Relance " }] };
    expect(cleanDefinition(definition)).toEqual({ steps: [{ ...step("d+7", 7), name: "Relance" }] });
  });

  it("sees no change where only leftovers differ", () => {
    const saved = { steps: [step("d+7", 7)] };
    const edited = {
      description: "",
      steps: [{ ...step("d+7", 7), actions: [{ ...emptyAction("email"), title: "x" }] }],
    };
    expect(isSameDefinition(saved, edited)).toBe(true);
    expect(isSameDefinition(saved, { steps: [step("d+8", 8)] })).toBe(false);
  });
});
