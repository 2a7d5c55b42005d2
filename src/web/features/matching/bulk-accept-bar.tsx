import { Button, Group, Modal, Paper, Slider, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChecks } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { bulkCandidatesQuery, matchingApi } from "./matching-api";
import { refreshAfterMatching } from "./use-matching-actions";

const DEFAULT_MIN_SCORE = 90;

/** Accept at once the best suggestion of every suggested line scoring at least the chosen threshold. */
export function BulkAcceptBar({ companyId }: { companyId: number | undefined }): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const [minScore, setMinScore] = useState(DEFAULT_MIN_SCORE);
  const [isConfirming, setConfirming] = useState(false);
  const candidates = useQuery(bulkCandidatesQuery({ companyId, minScore }));
  const count = candidates.data?.total ?? 0;
  const mutation = useMutation({
    mutationFn: () => matchingApi.bulkAccept({ companyId, minScore }),
    onSuccess: ({ accepted, skipped }) => {
      setConfirming(false);
      notifications.show({
        color: skipped > 0 ? "orange" : "green",
        message: [
          t.plural("matching.bulk.accepted", accepted),
          skipped > 0 ? t.plural("matching.bulk.skipped", skipped) : "",
        ].join(" "),
      });
    },
    onError: (error) =>
      notifications.show({
        color: "red",
        title: t("matching.failed"),
        message: isApiError(error) ? error.message : t("error.generic"),
      }),
    onSettled: () => refreshAfterMatching(queryClient),
  });

  return (
    <Paper withBorder radius="sm" p="sm" data-testid="bulk-accept">
      <Group gap="md" align="center" wrap="wrap">
        <Stack gap={2} style={{ flex: "1 1 260px" }}>
          <Text size="sm" fw={500} id="bulk-threshold-label">
            {t("matching.bulk.threshold", { score: minScore })}
          </Text>
          <Slider
            min={50}
            max={100}
            step={1}
            value={minScore}
            onChange={setMinScore}
            marks={[{ value: 50 }, { value: 75 }, { value: 90 }, { value: 100 }].map((mark) => ({
              ...mark,
              label: String(mark.value),
            }))}
            label={(value) => String(value)}
            thumbProps={{ "aria-labelledby": "bulk-threshold-label" }}
            mb="md"
            data-testid="bulk-threshold"
          />
        </Stack>
        <Text size="sm" data-testid="bulk-count" aria-live="polite">
          {t.plural("matching.bulk.count", count)}
        </Text>
        <Button
          leftSection={<IconChecks size={16} />}
          disabled={count === 0}
          onClick={() => setConfirming(true)}
          data-testid="bulk-open"
        >
          {t("matching.bulk.open")}
        </Button>
      </Group>
      <Modal
        opened={isConfirming}
        onClose={() => setConfirming(false)}
        title={t("matching.bulk.confirmTitle")}
        data-testid="bulk-confirm"
      >
        <Stack gap="sm">
          <Text size="sm">{t.plural("matching.bulk.confirmText", count, { score: minScore })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("matching.cancel")}
            </Button>
            <Button
              onClick={() => mutation.mutate()}
              loading={mutation.isPending}
              data-testid="bulk-confirm-submit"
            >
              {t.plural("matching.bulk.confirm", count)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
