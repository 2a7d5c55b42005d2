import { Group, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCloudUpload } from "@tabler/icons-react";
import { type DragEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";

type FileDropZoneProps = {
  onFiles(files: File[]): void;
  /** The extensions the file picker offers (`.csv`…). */
  accept: readonly string[];
  /** The zone's accessible name, its title (and while files are dragged over it), and the hint below. */
  texts: { label: string; title: string; active: string; hint: string };
  /** Prefix of the test ids: `<testId>-drop-zone`, `<testId>-file-input`. */
  testId: string;
  disabled?: boolean;
  error?: string | null;
};

function carriesFiles(event: { dataTransfer: DataTransfer | null }): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

/**
 * Drop files here or click (Enter, Space) to pick them. A file dropped beside the zone would make the
 * browser open it and leave the page: while the zone is shown, such drops are ignored.
 */
export function FileDropZone({
  onFiles,
  accept,
  texts,
  testId,
  disabled = false,
  error,
}: FileDropZoneProps): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  const [isDragging, setDragging] = useState(false);

  useEffect(() => {
    const ignore = (event: globalThis.DragEvent): void => {
      if (carriesFiles(event)) event.preventDefault();
    };
    window.addEventListener("dragover", ignore);
    window.addEventListener("drop", ignore);
    return () => {
      window.removeEventListener("dragover", ignore);
      window.removeEventListener("drop", ignore);
    };
  }, []);

  const open = (): void => {
    if (!disabled) input.current?.click();
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? "none" : "copy";
    if (!disabled) setDragging(true);
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>): void => {
    // Moving over a child element fires dragleave on the zone too: only leaving it counts.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
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

  const borderColor = error
    ? "var(--mantine-color-red-6)"
    : isDragging
      ? "var(--mantine-primary-color-filled)"
      : "var(--mantine-color-gray-4)";
  return (
    <Stack gap={4}>
      <Paper
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-label={texts.label}
        aria-disabled={disabled}
        onClick={open}
        onKeyDown={onKeyDown}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        radius="md"
        p="lg"
        bg={isDragging ? "var(--mantine-primary-color-light)" : "var(--mantine-color-gray-0)"}
        style={{
          border: `2px dashed ${borderColor}`,
          cursor: disabled ? "not-allowed" : "pointer",
          opacity: disabled ? 0.6 : 1,
          transition: "background-color 120ms, border-color 120ms",
        }}
        data-testid={`${testId}-drop-zone`}
      >
        <Group justify="center" gap="md" wrap="nowrap" style={{ pointerEvents: "none" }}>
          <ThemeIcon size={44} radius="xl" variant="light">
            <IconCloudUpload size={26} stroke={1.5} />
          </ThemeIcon>
          <div>
            <Text fw={600}>{isDragging ? texts.active : texts.title}</Text>
            <Text size="sm" c="dimmed">
              {texts.hint}
            </Text>
          </div>
        </Group>
      </Paper>
      <input
        ref={input}
        type="file"
        multiple
        accept={accept.join(",")}
        hidden
        disabled={disabled}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Cleared, so that picking the same file again (after removing it) still fires a change.
          event.currentTarget.value = "";
          if (files.length > 0) onFiles(files);
        }}
        data-testid={`${testId}-file-input`}
      />
      {error && (
        <Text size="sm" c="red.7" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
