import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { ImportBatchDrawer } from "./import-batch-drawer";
import { ImportForm } from "./import-form";
import { ImportHistory } from "./import-history";
import { ImportProgress } from "./import-progress";
import { ImportResults } from "./import-results";
import { useImportUpload } from "./use-import-upload";

/** `/imports`: send files (simulate first if you like), read what happened, and the history below. */
export function ImportsPage(): ReactNode {
  const t = useT();
  useDocumentTitle(`${t("imports.title")} · Encours`);
  const { mutation, progress } = useImportUpload();
  const [openBatch, setOpenBatch] = useState<number | null>(null);
  const request = mutation.variables;

  return (
    <Stack gap="lg" data-testid="imports-page">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("imports.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("imports.subtitle")}
        </Text>
      </Stack>
      <ImportForm
        onSubmit={(next, onDone) => mutation.mutate(next, { onSuccess: onDone })}
        isBusy={mutation.isPending}
      />
      {progress !== undefined && request && <ImportProgress progress={progress} isDryRun={request.dryRun} />}
      {mutation.isError && (
        <Stack gap={4} data-testid="import-request-error">
          <Text fw={600}>{t("imports.requestFailed")}</Text>
          <QueryError error={mutation.error} />
        </Stack>
      )}
      {mutation.data && request && (
        <ImportResults
          reports={mutation.data}
          wasDryRun={request.dryRun}
          onConfirm={() => mutation.mutate({ ...request, dryRun: false })}
          isBusy={mutation.isPending}
        />
      )}
      <ImportHistory onOpen={setOpenBatch} />
      <ImportBatchDrawer batchId={openBatch} onClose={() => setOpenBatch(null)} />
    </Stack>
  );
}
