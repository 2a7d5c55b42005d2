import { ActionIcon, Button, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { IconFile, IconX } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { formatFileSize } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { fileKey } from "./import-files";

type SelectedFilesProps = {
  files: readonly File[];
  onRemove(file: File): void;
  onClear(): void;
  disabled?: boolean;
};

/** The files about to be sent, with their sizes and a way to take one back. */
export function SelectedFiles({ files, onRemove, onClear, disabled = false }: SelectedFilesProps): ReactNode {
  const { t, locale } = useI18n();
  if (files.length === 0) return null;
  return (
    <Stack gap={6} data-testid="import-files">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t.plural("imports.files.count", files.length)}
        </Text>
        {files.length > 1 && (
          <Button variant="subtle" size="compact-xs" color="gray" onClick={onClear} disabled={disabled}>
            {t("imports.files.clear")}
          </Button>
        )}
      </Group>
      {files.map((file) => (
        <Paper key={fileKey(file)} withBorder radius="sm" px="sm" py={6} data-testid="import-file">
          <Group gap="sm" wrap="nowrap">
            <IconFile size={18} stroke={1.5} style={{ flexShrink: 0 }} />
            <Text size="sm" fw={500} truncate="end" style={{ flex: 1, minWidth: 0 }} title={file.name}>
              {file.name}
            </Text>
            <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {formatFileSize(file.size, locale)}
            </Text>
            <Tooltip label={t("imports.files.remove", { name: file.name })}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => onRemove(file)}
                disabled={disabled}
                aria-label={t("imports.files.remove", { name: file.name })}
                data-testid="import-file-remove"
              >
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
