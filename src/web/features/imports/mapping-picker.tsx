import { Button, Group, Select } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useT } from "../../i18n/use-i18n";
import { importMappingsQuery, type MappableKind } from "./import-mappings-api";
import { MappingEditor } from "./mapping-editor";

type MappingPickerProps = {
  /** Null until a company is chosen: mappings belong to one company. */
  companyId: number | null;
  kind: MappableKind;
  /** The chosen mapping; null reads the file with the native columns. */
  value: number | null;
  onChange(mappingId: number | null): void;
  disabled: boolean;
};

const NATIVE = "native";

/** The column mapping to read the files with, and the buttons that create or edit one. */
export function MappingPicker({ companyId, kind, value, onChange, disabled }: MappingPickerProps): ReactNode {
  const t = useT();
  const mappings = useQuery({ ...importMappingsQuery(companyId ?? 0, kind), enabled: companyId !== null });
  const items = mappings.data?.items ?? [];
  const chosen = items.find((mapping) => mapping.id === value) ?? null;
  // null: closed; "new" or the mapping being edited.
  const [editing, setEditing] = useState<"new" | "edit" | null>(null);

  return (
    <>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t("imports.mapping")}
          description={t("imports.mappingHint")}
          data={[
            {
              value: NATIVE,
              label: t(kind === "bank" ? "imports.mappingBankFormat" : "imports.mappingNative"),
            },
            ...items.map((mapping) => ({ value: String(mapping.id), label: mapping.name })),
          ]}
          value={chosen ? String(chosen.id) : NATIVE}
          onChange={(next) => onChange(next && next !== NATIVE ? Number(next) : null)}
          allowDeselect={false}
          disabled={disabled || companyId === null}
          error={mappings.isError ? t("imports.mappingLoadFailed") : undefined}
          style={{ flex: "1 1 240px" }}
          data-testid="import-mapping"
        />
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing("new")}
          disabled={disabled || companyId === null}
          data-testid="import-mapping-new"
        >
          {t("imports.mappingNew")}
        </Button>
        {chosen && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => setEditing("edit")}
            disabled={disabled}
            data-testid="import-mapping-edit"
          >
            {t("imports.mappingEdit")}
          </Button>
        )}
      </Group>
      {editing && companyId !== null && (
        <MappingEditor
          companyId={companyId}
          kind={kind}
          mapping={editing === "edit" ? chosen : null}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            onChange(saved.id);
            setEditing(null);
          }}
          onDeleted={() => {
            onChange(null);
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
