import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { type Dispatch, type SetStateAction, useState } from "react";
import type { ImportMapping, ImportPreview } from "../../../domain/imports/imports.schemas";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import {
  type DateFormat,
  type DecimalSeparator,
  deleteImportMapping,
  IMPORT_MAPPINGS_QUERY_KEY,
  type MappableKind,
  previewImportFile,
  saveImportMapping,
} from "./import-mappings-api";
import { mergeSuggestions, suggestColumns } from "./suggest-columns";

export type MappingDraft = {
  name: string;
  /** Native column → header of the file. */
  columns: Record<string, string>;
  dateFormat: DateFormat;
  decimalSeparator: DecimalSeparator;
  /** Bank exports only: the lines' currency and account when the file does not say. */
  currency: string | null;
  accountIban: string | null;
};

/** Messages next to the fields (`name`, a native column) and at the top of the editor. */
export type MappingErrors = { name?: string; columns: Record<string, string>; top: string[] };

type MappingEditorOptions = {
  companyId: number;
  kind: MappableKind;
  /** The mapping to edit, or null for a new one. */
  mapping: ImportMapping | null;
  onSaved(mapping: ImportMapping): void;
  onDeleted(): void;
};

const NO_ERRORS: MappingErrors = { columns: {}, top: [] };

export type MappingEditorState = {
  draft: MappingDraft;
  setDraft: Dispatch<SetStateAction<MappingDraft>>;
  setColumn(column: string, header: string | null): void;
  errors: MappingErrors;
  /** A failure of saving that the fields' messages do not already tell (network, server, rights). */
  saveError: Error | null;
  sample: ImportPreview | null;
  preview: UseMutationResult<ImportPreview, Error, File>;
  /** The native columns the editor offers to map, and those the import requires. */
  nativeColumns: string[];
  required: string[];
  /** The headers to choose from: the sample file's, and those already chosen. */
  headers: string[];
  save: UseMutationResult<ImportMapping, Error, void>;
  submit(): void;
  remove: UseMutationResult<void, Error, void>;
};

/** The API answered with what the fields show (name taken, issues): no message at the top. */
function isToldByFields(error: Error): boolean {
  return isApiError(error, 409) || (isApiError(error, 400) && error.issues.length > 0);
}

/** The editor's draft, its sample file and what the API answers to saving and deleting it. */
export function useMappingEditor({
  companyId,
  kind,
  mapping,
  onSaved,
  onDeleted,
}: MappingEditorOptions): MappingEditorState {
  const t = useT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MappingDraft>(() => ({
    name: mapping?.name ?? "",
    columns: { ...(mapping?.columns ?? {}) },
    dateFormat: mapping?.dateFormat ?? "auto",
    decimalSeparator: mapping?.decimalSeparator ?? "auto",
    currency: mapping?.currency ?? null,
    accountIban: mapping?.accountIban ?? null,
  }));
  const [errors, setErrors] = useState<MappingErrors>(NO_ERRORS);

  const preview = useMutation({
    mutationFn: previewImportFile,
    onSuccess: (sample: ImportPreview) => {
      const native = sample.nativeColumns[kind]?.columns ?? [];
      setDraft((previous) => ({
        ...previous,
        columns: mergeSuggestions(
          previous.columns,
          suggestColumns(native, sample.header, kind),
          sample.header,
        ),
      }));
    },
  });
  const sample = preview.data ?? null;
  // Without a sample file, editing shows the columns already mapped, with their headers.
  const nativeColumns = sample?.nativeColumns[kind]?.columns ?? Object.keys(mapping?.columns ?? {});
  const required = sample?.nativeColumns[kind]?.required ?? [];
  const headers = [...new Set([...(sample?.header ?? []), ...Object.values(draft.columns)])];

  const refresh = (): Promise<void> => queryClient.invalidateQueries({ queryKey: IMPORT_MAPPINGS_QUERY_KEY });
  const save = useMutation({
    mutationFn: () =>
      saveImportMapping({ companyId, kind, ...draft, name: draft.name.trim() }, mapping?.id ?? null),
    onSuccess: async (saved) => {
      await refresh();
      onSaved(saved);
    },
    onError: (error) => setErrors(errorsOf(error)),
  });
  const remove = useMutation({
    mutationFn: () => (mapping ? deleteImportMapping(mapping.id) : Promise.resolve()),
    onSuccess: async () => {
      await refresh();
      onDeleted();
    },
  });

  function errorsOf(error: Error): MappingErrors {
    if (isApiError(error, 409)) return { ...NO_ERRORS, name: t("mapping.nameTaken") };
    if (!isApiError(error, 400) || error.issues.length === 0) return NO_ERRORS;
    const found: MappingErrors = { columns: {}, top: [] };
    for (const issue of error.issues) {
      const column = issue.field.startsWith("columns.") ? issue.field.slice("columns.".length) : null;
      if (issue.field === "name") found.name = issue.message;
      else if (column && nativeColumns.includes(column)) found.columns[column] = issue.message;
      else found.top.push(issue.field ? `${issue.field} — ${issue.message}` : issue.message);
    }
    return found;
  }

  const submit = (): void => {
    const found: MappingErrors = { columns: {}, top: [] };
    if (draft.name.trim() === "") found.name = t("mapping.nameRequired");
    for (const column of required) {
      if (!draft.columns[column]) found.columns[column] = t("mapping.columnRequired");
    }
    if (Object.keys(draft.columns).length === 0) found.top.push(t("mapping.columnsEmpty"));
    setErrors(found);
    if (found.name || found.top.length > 0 || Object.keys(found.columns).length > 0) return;
    save.reset();
    save.mutate();
  };

  const setColumn = (column: string, header: string | null): void => {
    setDraft((previous) => {
      const columns = { ...previous.columns };
      if (header) columns[column] = header;
      else delete columns[column];
      return { ...previous, columns };
    });
    setErrors((previous) => {
      const { [column]: _fixed, ...columns } = previous.columns;
      return { ...previous, columns };
    });
  };

  return {
    draft,
    setDraft,
    setColumn,
    errors,
    saveError: save.error && !isToldByFields(save.error) ? save.error : null,
    sample,
    preview,
    nativeColumns,
    required,
    headers,
    save,
    submit,
    remove,
  };
}
