import { Group, Loader, Paper, Progress, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { formatPercent } from "../../format";
import { useI18n } from "../../i18n/use-i18n";

/**
 * `progress` from 0 to 1 while the files are sent; null once they are, while the server checks and
 * saves the rows (it says nothing until it is done, hence the indeterminate bar).
 */
export function ImportProgress({
  progress,
  isDryRun,
}: {
  progress: number | null;
  isDryRun: boolean;
}): ReactNode {
  const { t, locale } = useI18n();
  const isUploading = progress !== null;
  const label = isUploading
    ? t("imports.uploading", { percent: formatPercent(progress, locale) })
    : t(isDryRun ? "imports.processingDryRun" : "imports.processing");
  return (
    <Paper withBorder radius="md" p="md" aria-live="polite" data-testid="import-progress">
      <Stack gap="xs">
        <Group gap="xs">
          {!isUploading && <Loader size="xs" />}
          <Text size="sm" fw={500}>
            {label}
          </Text>
        </Group>
        <Progress
          value={isUploading ? Math.round(progress * 100) : 100}
          animated={!isUploading}
          size="lg"
          radius="xl"
          aria-label={label}
          transitionDuration={200}
        />
      </Stack>
    </Paper>
  );
}
