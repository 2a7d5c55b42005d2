import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlayerPlay } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { MatchRunResult } from "../../../domain/matching/matching.schemas";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { matchingApi } from "./matching-api";
import { refreshAfterMatching } from "./use-matching-actions";

/** Matches again every line still open (after an import of invoices, say) and says what came of it. */
export function RunMatchingButton({
  companyId,
  onResult,
}: {
  companyId: number | undefined;
  onResult(result: MatchRunResult): void;
}): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => matchingApi.run(companyId),
    onSuccess: onResult,
    onError: (error) =>
      notifications.show({
        color: "red",
        title: t("matching.failed"),
        message: isApiError(error) ? error.message : t("error.generic"),
      }),
    onSettled: () => refreshAfterMatching(queryClient),
  });
  return (
    <Button
      variant="light"
      leftSection={<IconPlayerPlay size={16} />}
      onClick={() => mutation.mutate()}
      loading={mutation.isPending}
      data-testid="run-matching"
    >
      {t("matching.run")}
    </Button>
  );
}
