import { Timeline } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ScenarioStep } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";
import { ActionTypeIcon } from "./action-icon";
import { cumulativeOffsets } from "./offset-label";
import { countIssues, type StepIssues } from "./scenario-issues";
import type { StepControls } from "./step-item";
import { StepItem } from "./step-item";

type StepTimelineProps = {
  steps: readonly ScenarioStep[];
  issues?: Record<number, StepIssues>;
  /** Absent: read-only (an old version). */
  controls?(index: number): StepControls;
  "data-testid"?: string;
};

/** The scenario's steps, top to bottom in the order they happen. */
export function StepTimeline({ steps, issues = {}, controls, ...props }: StepTimelineProps): ReactNode {
  const t = useT();
  const offsets = cumulativeOffsets(steps);
  return (
    <Timeline
      active={steps.length - 1}
      bulletSize={30}
      lineWidth={2}
      role="list"
      aria-label={t("scenarios.tab.steps")}
      data-testid={props["data-testid"] ?? "step-timeline"}
    >
      {steps.map((step, index) => {
        const hasIssues = countIssues(issues[index]) > 0;
        const dueDay = offsets[index] ?? step.offsetDays;
        const previous = offsets[index - 1];
        const first = step.actions[0];
        return (
          <Timeline.Item
            // Keys are unique once saved; while editing two steps may share one, hence the position.
            // biome-ignore lint/suspicious/noArrayIndexKey: the items hold no state of their own
            key={`${index}:${step.key}`}
            color={hasIssues ? "red" : step.review ? "violet" : undefined}
            bullet={
              hasIssues ? (
                <IconAlertTriangle size={16} aria-hidden />
              ) : first ? (
                <ActionTypeIcon type={first.type} />
              ) : null
            }
            role="listitem"
          >
            <StepItem
              step={step}
              dueDay={dueDay}
              isOutOfOrder={previous !== undefined && dueDay <= previous}
              issues={issues[index]}
              controls={controls?.(index)}
            />
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
