import {
  Alert,
  Button,
  Divider,
  FileInput,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { IconAlertTriangle, IconFileSpreadsheet, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { ImportMapping, ImportPreview } from "../../../domain/imports/imports.schemas";
import { QueryError } from "../../components/query-error";
import type { Translate } from "../../i18n/messages";
import { useT } from "../../i18n/use-i18n";
import { BankMappingFields } from "./bank-mapping-fields";
import type { MappableKind } from "./import-mappings-api";
import { MappingColumnFields } from "./mapping-column-fields";
import { PreviewTable } from "./preview-table";
import { useMappingEditor } from "./use-mapping-editor";

type MappingEditorProps = {
  companyId: number;
  kind: MappableKind;
  /** The mapping to edit, or null to create one. */
  mapping: ImportMapping | null;
  onClose(): void;
  onSaved(mapping: ImportMapping): void;
  onDeleted(): void;
};

const SAMPLE_ROWS = 10;

/** How the server read the sample: an XLSX sheet, or a CSV's encoding and separator when it tells them. */
function sampleInfo(sample: ImportPreview, t: Translate): string {
  if (sample.format === "xlsx") return t("mapping.sampleXlsx");
  if (!sample.encoding || !sample.separator) return "CSV";
  return t("mapping.sampleCsv", { encoding: sample.encoding, separator: sample.separator });
}

/**
 * Builds a column mapping from a sample file: its name, which header feeds each native column,
 * how dates and amounts are written, and how the first rows would then be read.
 */
export function MappingEditor({
  companyId,
  kind,
  mapping,
  onClose,
  onSaved,
  onDeleted,
}: MappingEditorProps): ReactNode {
  const t = useT();
  const editor = useMappingEditor({ companyId, kind, mapping, onSaved, onDeleted });
  const { draft, setDraft, errors, sample, preview, save, remove } = editor;
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const isBusy = save.isPending || remove.isPending;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={mapping ? t("mapping.titleEdit", { name: mapping.name }) : t("mapping.titleNew")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      data-testid="mapping-editor"
    >
      <Stack gap="md" data-testid="mapping-editor-body">
        <Text size="sm" c="dimmed">
          {t("mapping.intro", { kind: t(`importKind.${kind}`) })}
        </Text>
        {errors.top.length > 0 && (
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            title={t("mapping.saveFailed")}
            data-testid="mapping-errors"
          >
            {errors.top.map((message) => (
              <Text key={message} size="sm">
                {message}
              </Text>
            ))}
          </Alert>
        )}
        {editor.saveError && (
          <Stack gap={4}>
            <Text fw={600}>{t("mapping.saveFailed")}</Text>
            <QueryError error={editor.saveError} />
          </Stack>
        )}
        <TextInput
          label={t("mapping.name")}
          placeholder={t("mapping.namePlaceholder")}
          value={draft.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            setDraft((previous) => ({ ...previous, name }));
          }}
          error={errors.name}
          withAsterisk
          maxLength={100}
          disabled={isBusy}
          data-testid="mapping-name"
        />
        <FileInput
          label={t("mapping.sample")}
          description={t("mapping.sampleHint")}
          placeholder={t("mapping.samplePlaceholder")}
          accept=".csv,.txt,.xlsx"
          leftSection={preview.isPending ? <Loader size={14} /> : <IconFileSpreadsheet size={16} />}
          onChange={(file) => file && preview.mutate(file)}
          clearable={false}
          disabled={isBusy || preview.isPending}
          data-testid="mapping-sample"
        />
        {preview.isError && (
          <Stack gap={4}>
            <Text fw={600}>{t("mapping.sampleFailed")}</Text>
            <QueryError error={preview.error} />
          </Stack>
        )}
        {sample && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("mapping.sampleRows")}
            </Text>
            <Text size="xs" c="dimmed" data-testid="mapping-sample-info">
              {sampleInfo(sample, t)}
            </Text>
            <PreviewTable
              header={sample.header}
              rows={sample.rows.slice(0, SAMPLE_ROWS)}
              data-testid="mapping-sample-rows"
            />
          </Stack>
        )}
        <Divider />
        <MappingColumnFields editor={editor} disabled={isBusy} />
        {kind === "bank" && <BankMappingFields editor={editor} disabled={isBusy} />}
        {remove.isError && (
          <Stack gap={4}>
            <Text fw={600}>{t("mapping.deleteFailed")}</Text>
            <QueryError error={remove.error} />
          </Stack>
        )}
        {isConfirmingDelete && mapping ? (
          <Alert color="red" variant="light" title={t("mapping.deleteConfirm", { name: mapping.name })}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t("mapping.deleteConfirmHint")}</Text>
              <Group gap="sm">
                <Button
                  color="red"
                  size="xs"
                  onClick={() => remove.mutate()}
                  loading={remove.isPending}
                  data-testid="mapping-delete-confirm"
                >
                  {t("mapping.deleteConfirmButton")}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => setConfirmingDelete(false)}
                  disabled={isBusy}
                >
                  {t("mapping.cancel")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Group justify="space-between">
            <Group gap="sm">
              <Button
                onClick={editor.submit}
                loading={save.isPending}
                disabled={isBusy}
                data-testid="mapping-save"
              >
                {t("mapping.save")}
              </Button>
              <Button variant="default" onClick={onClose} disabled={isBusy}>
                {t("mapping.cancel")}
              </Button>
            </Group>
            {mapping && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setConfirmingDelete(true)}
                disabled={isBusy}
                data-testid="mapping-delete"
              >
                {t("mapping.delete")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
