import { Code, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";
import { DATE_FORMAT_OPTIONS, DECIMAL_SEPARATOR_OPTIONS } from "./import-mappings-api";
import { PreviewTable } from "./preview-table";
import { readMappedRows } from "./read-mapped-rows";
import type { MappingEditorState } from "./use-mapping-editor";

type MappingColumnFieldsProps = { editor: MappingEditorState; disabled: boolean };

/** One select per native column (the file's header that feeds it), the formats, and the reading. */
export function MappingColumnFields({ editor, disabled }: MappingColumnFieldsProps): ReactNode {
  const t = useT();
  const { draft, setDraft, nativeColumns, required, headers, errors, sample } = editor;
  const headerOptions = headers.map((header) => ({ value: header, label: header }));
  const read = sample
    ? readMappedRows({
        header: sample.header,
        rows: sample.rows,
        columns: draft.columns,
        dateFormat: draft.dateFormat,
        decimalSeparator: draft.decimalSeparator,
      })
    : [];
  const readColumns = nativeColumns.filter((column) => draft.columns[column] !== undefined);

  if (nativeColumns.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="mapping-needs-sample">
        {t("mapping.columnsNeedSample")}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("mapping.columnsHint")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        {nativeColumns.map((column) => (
          <Select
            key={column}
            label={<Code>{column}</Code>}
            withAsterisk={required.includes(column)}
            placeholder={t("mapping.columnNone")}
            data={headerOptions}
            value={draft.columns[column] ?? null}
            onChange={(header) => editor.setColumn(column, header)}
            clearable
            searchable
            disabled={disabled}
            error={errors.columns[column]}
            data-testid={`mapping-column-${column}`}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("mapping.dateFormat")}
          data={DATE_FORMAT_OPTIONS.map((value) => ({ value, label: t(`mappingDateFormat.${value}`) }))}
          value={draft.dateFormat}
          onChange={(value) =>
            value &&
            setDraft((previous) => ({ ...previous, dateFormat: value as typeof previous.dateFormat }))
          }
          allowDeselect={false}
          disabled={disabled}
          data-testid="mapping-date-format"
        />
        <Select
          label={t("mapping.decimalSeparator")}
          data={DECIMAL_SEPARATOR_OPTIONS.map((value) => ({ value, label: t(`mappingDecimal.${value}`) }))}
          value={draft.decimalSeparator}
          onChange={(value) =>
            value &&
            setDraft((previous) => ({
              ...previous,
              decimalSeparator: value as typeof previous.decimalSeparator,
            }))
          }
          allowDeselect={false}
          disabled={disabled}
          data-testid="mapping-decimal-separator"
        />
      </SimpleGrid>
      {sample && readColumns.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("mapping.readPreview")}
          </Text>
          <Text size="xs" c="dimmed">
            {t("mapping.readPreviewHint")}
          </Text>
          <PreviewTable
            header={readColumns}
            rows={read.map((row) =>
              readColumns.map((column) => (column in row ? (row[column] ?? null) : "")),
            )}
            data-testid="mapping-read-preview"
          />
        </Stack>
      )}
    </Stack>
  );
}
