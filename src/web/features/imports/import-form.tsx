import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconFileImport, IconFlask, IconInfoCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { ImportReport } from "../../../domain/imports/imports.schemas";
import { FileDropZone } from "../../components/file-drop-zone";
import { useT } from "../../i18n/use-i18n";
import { companiesQuery } from "../companies/companies-api";
import { ACCEPTED_EXTENSIONS, addFiles, canSnapshot, fileKey, IMPORT_KINDS, MAX_FILES } from "./import-files";
import { isMappableKind } from "./import-mappings-api";
import type { ImportKind, ImportRequest } from "./imports-api";
import { MappingPicker } from "./mapping-picker";
import { SelectedFiles } from "./selected-files";

type ImportFormProps = {
  /** `onDone` receives the reports once the server has answered. */
  onSubmit(request: ImportRequest, onDone: (reports: ImportReport[]) => void): void;
  isBusy: boolean;
};

type FormErrors = { company?: string; files?: string };

/** Kind, company, column mapping, snapshot option and files; then simulate or import. */
export function ImportForm({ onSubmit, isBusy }: ImportFormProps): ReactNode {
  const t = useT();
  const companies = useQuery(companiesQuery).data?.items ?? [];
  const [kind, setKind] = useState<ImportKind>("invoices");
  const [chosenCompany, setChosenCompany] = useState<string | null>(null);
  const [snapshot, setSnapshot] = useState(false);
  // A mapping belongs to one company and kind: changing either goes back to the native columns.
  const [mappingId, setMappingId] = useState<number | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [notices, setNotices] = useState<string[]>([]);
  // With a single company there is nothing to choose.
  const companyId = chosenCompany ?? (companies.length === 1 ? String(companies[0]?.id) : null);

  const add = (added: File[]): void => {
    const result = addFiles(files, added);
    setFiles(result.files);
    const next: string[] = [];
    if (result.refused.length > 0) next.push(t("imports.refused", { names: result.refused.join(", ") }));
    if (result.isTruncated) next.push(t("imports.tooMany", { max: MAX_FILES }));
    setNotices(next);
    if (result.files.length > 0) setErrors((previous) => ({ ...previous, files: undefined }));
  };

  const submit = (dryRun: boolean): void => {
    const found: FormErrors = {
      company: companyId ? undefined : t("imports.companyRequired"),
      files: files.length > 0 ? undefined : t("imports.filesRequired"),
    };
    setErrors(found);
    if (found.company || found.files || !companyId) return;
    const request = {
      kind,
      companyId: Number(companyId),
      snapshot: canSnapshot(kind) && snapshot,
      mappingId: isMappableKind(kind) ? mappingId : null,
      dryRun,
      files,
    };
    onSubmit(request, (reports) => {
      // Imported for good: the list is done with. A simulation or a rejected file keeps it for the next try.
      if (!dryRun && reports.every((report) => report.status !== "failed")) setFiles([]);
    });
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="import-form">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t("imports.form.title")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t("imports.kind")}
            data={IMPORT_KINDS.map((value) => ({ value, label: t(`importKind.${value}`) }))}
            value={kind}
            onChange={(value) => {
              if (!value) return;
              setKind(value as ImportKind);
              setMappingId(null);
            }}
            allowDeselect={false}
            disabled={isBusy}
            data-testid="import-kind"
          />
          <Select
            label={t("imports.company")}
            placeholder={t("imports.companyPlaceholder")}
            data={companies.map((company) => ({
              value: String(company.id),
              label: `${company.code} · ${company.name}`,
            }))}
            value={companyId}
            onChange={(value) => {
              setChosenCompany(value);
              setMappingId(null);
              if (value) setErrors((previous) => ({ ...previous, company: undefined }));
            }}
            searchable
            allowDeselect={false}
            disabled={isBusy}
            error={errors.company}
            data-testid="import-company"
          />
        </SimpleGrid>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconInfoCircle size={16} stroke={1.5} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
          <Text size="sm" c="dimmed" style={{ wordBreak: "break-word" }} data-testid="import-kind-hint">
            {t(`importHint.${kind}`)}
          </Text>
        </Group>
        {isMappableKind(kind) && (
          <MappingPicker
            companyId={companyId ? Number(companyId) : null}
            kind={kind}
            value={mappingId}
            onChange={setMappingId}
            disabled={isBusy}
          />
        )}
        {canSnapshot(kind) && (
          <Checkbox
            label={t("imports.snapshot")}
            description={t("imports.snapshotHint")}
            checked={snapshot}
            onChange={(event) => setSnapshot(event.currentTarget.checked)}
            disabled={isBusy}
            data-testid="import-snapshot"
          />
        )}
        <FileDropZone
          onFiles={add}
          accept={ACCEPTED_EXTENSIONS}
          texts={{
            label: t("imports.drop.label"),
            title: t("imports.drop.title"),
            active: t("imports.drop.active"),
            hint: t("imports.drop.hint", { extensions: ACCEPTED_EXTENSIONS.join(", ") }),
          }}
          testId="import"
          disabled={isBusy}
          error={errors.files}
        />
        {notices.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            withCloseButton
            closeButtonLabel={t("common.close")}
            onClose={() => setNotices([])}
            py="xs"
          >
            {notices.map((notice) => (
              <Text key={notice} size="sm">
                {notice}
              </Text>
            ))}
          </Alert>
        )}
        <SelectedFiles
          files={files}
          onRemove={(file) => setFiles((previous) => previous.filter((f) => fileKey(f) !== fileKey(file)))}
          onClear={() => setFiles([])}
          disabled={isBusy}
        />
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFlask size={18} />}
            onClick={() => submit(true)}
            disabled={isBusy}
            data-testid="import-dry-run"
          >
            {t("imports.dryRun")}
          </Button>
          <Button
            leftSection={<IconFileImport size={18} />}
            onClick={() => submit(false)}
            disabled={isBusy}
            data-testid="import-submit"
          >
            {t("imports.submit")}
          </Button>
          <Text size="sm" c="dimmed">
            {t("imports.dryRunHint")}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
