import { notifications } from "@mantine/notifications";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type {
  ScenarioDefinition,
  ScenarioDetail,
  ScenarioStep,
} from "../../../domain/dunning/dunning.schemas";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { cleanDefinition, isSameDefinition, moveItem } from "./scenario-draft";
import { groupIssues, NO_ISSUES, type ScenarioIssues } from "./scenario-issues";
import { SCENARIOS_QUERY_KEY, scenarioQuery, scenariosApi } from "./scenarios-api";

export type ScenarioDraft = { name: string; definition: ScenarioDefinition };

export type ScenarioEditor = {
  draft: ScenarioDraft;
  isDirty: boolean;
  issues: ScenarioIssues;
  setName(name: string): void;
  setDescription(description: string): void;
  setStep(index: number, step: ScenarioStep): void;
  /** Puts the step at `index` (the end when it equals the number of steps). */
  insertStep(index: number, step: ScenarioStep): void;
  removeStep(index: number): void;
  moveStep(index: number, delta: -1 | 1): void;
  /** Takes an old version's steps as the draft, to be saved as a new version. */
  restore(definition: ScenarioDefinition): void;
  discard(): void;
  save: UseMutationResult<ScenarioDetail, Error, string>;
  makeDefault: UseMutationResult<ScenarioDetail, Error, void>;
};

function draftOf(scenario: ScenarioDetail): ScenarioDraft {
  return { name: scenario.name, definition: scenario.definition };
}

/** The scenario being edited: a draft of its name and steps, saved as a new version with a comment. */
export function useScenarioEditor(scenario: ScenarioDetail): ScenarioEditor {
  const t = useT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ScenarioDraft>(() => draftOf(scenario));
  const [issues, setIssues] = useState<ScenarioIssues>(NO_ISSUES);
  const isDirty =
    draft.name.trim() !== scenario.name || !isSameDefinition(draft.definition, scenario.definition);

  useEffect(() => {
    if (!isDirty) return;
    // Leaving the page (reload, another site) with unsaved steps asks first.
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  const stored = async (saved: ScenarioDetail): Promise<void> => {
    queryClient.setQueryData(scenarioQuery(saved.id).queryKey, saved);
    await queryClient.invalidateQueries({ queryKey: SCENARIOS_QUERY_KEY });
  };
  const save = useMutation({
    mutationFn: (comment: string) =>
      scenariosApi.update(scenario.id, {
        ...(draft.name.trim() !== scenario.name ? { name: draft.name.trim() } : {}),
        definition: cleanDefinition(draft.definition),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onMutate: () => setIssues(NO_ISSUES),
    onSuccess: async (saved) => {
      setDraft(draftOf(saved));
      await stored(saved);
      notifications.show({
        color: "green",
        message: t("scenarios.editor.saved", { version: saved.version }),
      });
    },
    onError: (error) => {
      if (isApiError(error, 400)) setIssues(groupIssues(error.issues));
    },
  });
  const makeDefault = useMutation({
    mutationFn: () => scenariosApi.update(scenario.id, { isDefault: true }),
    onSuccess: async (saved) => {
      await stored(saved);
      notifications.show({
        color: "green",
        message: t("scenarios.editor.isDefaultNow", { name: saved.name }),
      });
    },
    onError: (error) => notifications.show({ color: "red", message: error.message }),
  });

  const setSteps = (update: (steps: ScenarioStep[]) => ScenarioStep[], keepIssues = false): void => {
    setDraft((previous) => ({
      ...previous,
      definition: { ...previous.definition, steps: update(previous.definition.steps) },
    }));
    // Issues name steps by position: once steps move, the old positions mean nothing.
    if (!keepIssues) setIssues((previous) => ({ ...previous, steps: {} }));
  };

  return {
    draft,
    isDirty,
    issues,
    setName: (name) => setDraft((previous) => ({ ...previous, name })),
    setDescription: (description) =>
      setDraft((previous) => ({ ...previous, definition: { ...previous.definition, description } })),
    setStep: (index, step) => {
      setSteps((steps) => steps.map((item, position) => (position === index ? step : item)), true);
      setIssues((previous) => {
        const { [index]: _fixed, ...steps } = previous.steps;
        return { ...previous, steps };
      });
    },
    insertStep: (index, step) => setSteps((steps) => [...steps.slice(0, index), step, ...steps.slice(index)]),
    removeStep: (index) => setSteps((steps) => steps.filter((_, position) => position !== index)),
    moveStep: (index, delta) => setSteps((steps) => moveItem(steps, index, delta)),
    restore: (definition) => {
      setDraft((previous) => ({ ...previous, definition }));
      setIssues(NO_ISSUES);
    },
    discard: () => {
      setDraft(draftOf(scenario));
      setIssues(NO_ISSUES);
    },
    save,
    makeDefault,
  };
}
