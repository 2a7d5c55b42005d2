import { Alert, Anchor, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconCheck, IconPlayerPlay } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { RunResult } from "../../../domain/dunning/dunning.schemas";
import { QueryError } from "../../components/query-error";
import { useI18n } from "../../i18n/use-i18n";
import { DUNNING_ROLES, hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { browserToday } from "./browser-today";
import { countActions, DUNNING_QUERY_KEY, dunningApi } from "./dunning-api";
import { formatLongDate } from "./format-day";

type RunNowButtonProps = {
  companyId: number | undefined;
  /** "FR · Encours France", or null for every company. */
  companyLabel: string | null;
  /** The day to run, `YYYY-MM-DD`; known once the calendar has answered. */
  date: string | undefined;
  onRun(result: RunResult): void;
};

/** For credit managers: runs the day's dunning for real, after a confirmation, and says what it created. */
export function RunNowButton({ companyId, companyLabel, date, onRun }: RunNowButtonProps): ReactNode {
  const { t, locale } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const [isOpen, modal] = useDisclosure(false);
  const run = useMutation({
    mutationFn: () => dunningApi.run({ companyId, date }),
    onSuccess: (result) => {
      modal.close();
      onRun(result);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: DUNNING_QUERY_KEY }),
  });
  if (!hasRole(me, DUNNING_ROLES)) return null;

  return (
    <>
      <Button
        leftSection={<IconPlayerPlay size={16} />}
        color="red"
        variant="light"
        onClick={() => {
          run.reset();
          modal.open();
        }}
        disabled={!date}
        data-testid="run-now"
      >
        {t("dunning.run.button")}
      </Button>
      <Modal opened={isOpen} onClose={modal.close} title={t("dunning.run.confirmTitle")} size="lg">
        <Stack gap="md">
          <Text size="sm">
            {t("dunning.run.confirmText", {
              date: date ? formatLongDate(date, locale) : "",
              company: companyLabel ?? t("dunning.run.allCompanies"),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("dunning.run.confirmHint")}
          </Text>
          {date && date > browserToday() && (
            <Alert color="orange" icon={<IconAlertTriangle />} variant="light">
              {t("dunning.run.futureWarning")}
            </Alert>
          )}
          {run.isError && <QueryError error={run.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={modal.close} data-autofocus>
              {t("dunning.cancel")}
            </Button>
            <Button
              color="red"
              onClick={() => run.mutate()}
              loading={run.isPending}
              data-testid="run-confirm"
            >
              {t("dunning.run.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** What the run just did: how many actions it created, and a way to the ones waiting for review. */
export function RunResultAlert({ result, onClose }: { result: RunResult; onClose(): void }): ReactNode {
  const t = useI18n().t;
  const created = countActions(result);
  const toReview = result.days.reduce(
    (sum, day) => sum + day.actions.filter((action) => action.status === "pending_review").length,
    0,
  );
  return (
    <Alert
      color="green"
      icon={<IconCheck />}
      title={t.plural("dunning.run.created", created)}
      withCloseButton
      closeButtonLabel={t("common.close")}
      onClose={onClose}
      data-testid="run-result"
      data-count={created}
    >
      {toReview > 0 ? (
        <Anchor component={Link} to="/dunning/review" size="sm">
          {t.plural("dunning.run.toReview", toReview)}
        </Anchor>
      ) : (
        <Text size="sm">{t("dunning.run.noneToReview")}</Text>
      )}
    </Alert>
  );
}
