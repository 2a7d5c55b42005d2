import {
  Alert,
  Button,
  CloseButton,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from "@mantine/core";
import { IconAlertTriangle, IconFile } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { BankImportResult } from "../../../domain/matching/matching.schemas";
import { isApiError } from "../../api/api-error";
import { FileDropZone } from "../../components/file-drop-zone";
import { formatFileSize, formatNumber } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { companiesQuery } from "../companies/companies-api";
import { ImportErrorsTable } from "../imports/import-errors-table";
import { MappingPicker } from "../imports/mapping-picker";
import { MatchRunSummary } from "./match-run-summary";
import { type StatementUpload, uploadStatements } from "./matching-api";
import { addStatementFiles, needsMapping, STATEMENT_EXTENSIONS } from "./statement-files";
import { refreshAfterMatching } from "./use-matching-actions";

type StatementUploadModalProps = {
  opened: boolean;
  defaultCompanyId: number | undefined;
  onClose(): void;
};

const COUNTS = ["statements", "rows", "created", "unchanged"] as const;

/** Bank statements in: pick the company, drop the files, import (and match right away by default). */
export function StatementUploadModal({
  opened,
  defaultCompanyId,
  onClose,
}: StatementUploadModalProps): ReactNode {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const companies = useQuery(companiesQuery).data?.items ?? [];
  const [companyId, setCompanyId] = useState<number | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const [shouldMatch, setMatch] = useState(true);
  // A mapping belongs to one company: choosing another company goes back to the bank formats.
  const [mappingId, setMappingId] = useState<number | null>(null);
  const chosenCompany = companyId ?? defaultCompanyId ?? companies[0]?.id ?? null;
  const isCsv = needsMapping(files);

  const mutation = useMutation({
    mutationFn: (request: StatementUpload) => uploadStatements(request),
    onSuccess: (result) => {
      if (result.errors.length === 0) setFiles([]);
    },
    onSettled: () => refreshAfterMatching(queryClient),
  });
  const result: BankImportResult | undefined = mutation.data;

  const submit = (): void => {
    if (chosenCompany === null || files.length === 0) return;
    mutation.mutate({
      companyId: chosenCompany,
      match: shouldMatch,
      mappingId: isCsv ? mappingId : null,
      files,
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("matching.upload.title")}
      size="xl"
      data-testid="statement-upload"
    >
      <Stack gap="sm">
        <Select
          label={t("matching.upload.company")}
          data={companies.map((company) => ({
            value: String(company.id),
            label: `${company.code} · ${company.name}`,
          }))}
          value={chosenCompany === null ? null : String(chosenCompany)}
          onChange={(next) => {
            setCompanyId(next ? Number(next) : null);
            setMappingId(null);
          }}
          allowDeselect={false}
          required
          data-testid="upload-company"
        />
        <FileDropZone
          accept={STATEMENT_EXTENSIONS}
          texts={{
            label: t("matching.upload.dropLabel"),
            title: t("matching.upload.dropTitle"),
            active: t("matching.upload.dropActive"),
            hint: t("matching.upload.dropHint"),
          }}
          testId="statement"
          disabled={mutation.isPending}
          error={refused.length > 0 ? t("matching.upload.refused", { names: refused.join(", ") }) : null}
          onFiles={(added) => {
            const next = addStatementFiles(files, added);
            setFiles(next.files);
            setRefused(next.refused);
          }}
        />
        {files.length > 0 && (
          <Stack gap={4} data-testid="upload-files">
            {files.map((file) => (
              <Paper
                key={`${file.name}|${file.size}|${file.lastModified}`}
                withBorder
                radius="sm"
                px="sm"
                py={4}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <IconFile size={16} stroke={1.5} />
                    <Text size="sm" truncate="end">
                      {file.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatFileSize(file.size, locale)}
                    </Text>
                  </Group>
                  <CloseButton
                    size="sm"
                    aria-label={t("matching.upload.remove", { name: file.name })}
                    onClick={() => setFiles(files.filter((other) => other !== file))}
                    disabled={mutation.isPending}
                  />
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {isCsv && (
          <MappingPicker
            companyId={chosenCompany}
            kind="bank"
            value={mappingId}
            onChange={setMappingId}
            disabled={mutation.isPending}
          />
        )}
        <Switch
          label={t("matching.upload.match")}
          checked={shouldMatch}
          onChange={(event) => setMatch(event.currentTarget.checked)}
          data-testid="upload-match"
        />
        {mutation.isPending && <Progress value={100} animated aria-label={t("matching.upload.progress")} />}
        {mutation.isError && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle />}
            title={t("matching.upload.failed")}
            data-testid="upload-error"
          >
            {isApiError(mutation.error) ? mutation.error.message : t("error.generic")}
          </Alert>
        )}
        {result && (
          <Stack gap="xs" data-testid="upload-result" data-errors={result.errors.length}>
            {result.errors.length > 0 ? (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertTriangle />}
                title={t("matching.upload.rejected")}
              >
                {t.plural("matching.upload.rejectedText", result.errors.length)}
              </Alert>
            ) : (
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                {COUNTS.map((name) => (
                  <Paper
                    key={name}
                    withBorder
                    radius="sm"
                    px="sm"
                    py={6}
                    data-testid={`upload-count-${name}`}
                  >
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                      {t(`matching.upload.count.${name}`)}
                    </Text>
                    <Text fz="lg" fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
                      {formatNumber(result[name], locale)}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>
            )}
            <ImportErrorsTable errors={result.errors} />
            {result.match && <MatchRunSummary result={result.match} />}
          </Stack>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.close")}
          </Button>
          <Button
            onClick={submit}
            disabled={files.length === 0 || chosenCompany === null || (isCsv && mappingId === null)}
            loading={mutation.isPending}
            data-testid="upload-submit"
          >
            {t.plural("matching.upload.submit", files.length)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
