import { Group, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCloudUpload } from "@tabler/icons-react";
import { type DragEvent, type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { useT } from "../../i18n/use-i18n";
import { STATEMENT_EXTENSIONS } from "./statement-files";

type StatementDropZoneProps = {
  onFiles(files: File[]): void;
  disabled: boolean;
  error: string | null;
};

function carriesFiles(event: { dataTransfer: DataTransfer | null }): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

/** Drop bank statements here, or click (Enter, Space) to pick them. */
export function StatementDropZone({ onFiles, disabled, error }: StatementDropZoneProps): ReactNode {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [isDragging, setDragging] = useState(false);
  const open = (): void => {
    if (!disabled) input.current?.click();
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (!disabled) setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles(Array.from(event.dataTransfer.files));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open();
    }
  };
  const border = error
    ? "var(--mantine-color-red-6)"
    : isDragging
      ? "var(--mantine-primary-color-filled)"
      : "var(--mantine-color-gray-4)";
  return (
    <Stack gap={4}>
      <Paper
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-label={t("matching.upload.dropLabel")}
        aria-disabled={disabled}
        onClick={open}
        onKeyDown={onKeyDown}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        radius="md"
        p="lg"
        bg={isDragging ? "var(--mantine-primary-color-light)" : "var(--mantine-color-gray-0)"}
        style={{ border: `2px dashed ${border}`, cursor: disabled ? "not-allowed" : "pointer" }}
        data-testid="statement-drop-zone"
      >
        <Group justify="center" gap="md" wrap="nowrap" style={{ pointerEvents: "none" }}>
          <ThemeIcon size={40} radius="xl" variant="light">
            <IconCloudUpload size={24} stroke={1.5} />
          </ThemeIcon>
          <div>
            <Text fw={600}>{t(isDragging ? "matching.upload.dropActive" : "matching.upload.dropTitle")}</Text>
            <Text size="sm" c="dimmed">
              {t("matching.upload.dropHint")}
            </Text>
          </div>
        </Group>
      </Paper>
      <input
        ref={input}
        type="file"
        multiple
        accept={STATEMENT_EXTENSIONS.join(",")}
        hidden
        disabled={disabled}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = "";
          if (files.length > 0) onFiles(files);
        }}
        data-testid="statement-file-input"
      />
      {error && (
        <Text size="sm" c="red.7" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
