import { Badge, Button, Card, Code, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowBackUp, IconDeviceFloppy, IconDownload, IconStar } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { ScenarioDetail } from "../../../domain/dunning/dunning.schemas";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { ConfirmModal } from "./confirm-modal";
import { DefaultBadge } from "./default-badge";
import { SaveModal } from "./save-modal";
import { scenarioExportUrl } from "./scenarios-api";
import type { ScenarioEditor } from "./use-scenario-editor";

type ScenarioHeaderProps = { scenario: ScenarioDetail; editor: ScenarioEditor };

/** Name, code and version of the scenario, and what can be done with it: save, export, make default. */
export function ScenarioHeader({ scenario, editor }: ScenarioHeaderProps): ReactNode {
  const { t, locale } = useI18n();
  const [isSaving, setSaving] = useState(false);
  const [isConfirmingDefault, setConfirmingDefault] = useState(false);
  const { isDirty } = editor;

  return (
    <Card withBorder radius="md" padding="lg" data-testid="scenario-header">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Group gap="xs" align="center">
            <Title order={1} size="h2" data-testid="scenario-name">
              {scenario.name}
            </Title>
            {scenario.isDefault && <DefaultBadge />}
            {isDirty && (
              <Badge color="orange" variant="light" radius="sm" data-testid="scenario-dirty">
                {t("scenarios.editor.unsaved")}
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <Code>{scenario.code}</Code>
            <Text size="sm" c="dimmed" data-testid="scenario-version">
              {t("scenarios.editor.versionOf", {
                version: scenario.version,
                date: formatDateTime(scenario.updatedAt, locale),
              })}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm">
          <Button
            component="a"
            href={scenarioExportUrl(scenario.id)}
            download={`scenario-${scenario.code}.json`}
            variant="default"
            leftSection={<IconDownload size={16} />}
            data-testid="scenario-export"
          >
            {t("scenarios.editor.export")}
          </Button>
          {!scenario.isDefault && (
            <Button
              variant="default"
              leftSection={<IconStar size={16} />}
              onClick={() => setConfirmingDefault(true)}
              data-testid="scenario-make-default"
            >
              {t("scenarios.editor.makeDefault")}
            </Button>
          )}
          {isDirty && (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={editor.discard}
              disabled={editor.save.isPending}
              data-testid="scenario-discard"
            >
              {t("scenarios.editor.discard")}
            </Button>
          )}
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={() => setSaving(true)}
            disabled={!isDirty}
            loading={editor.save.isPending}
            data-testid="scenario-save"
          >
            {t("scenarios.editor.save")}
          </Button>
        </Group>
      </Group>
      {isSaving && <SaveModal editor={editor} onClose={() => setSaving(false)} />}
      {isConfirmingDefault && (
        <ConfirmModal
          title={t("scenarios.editor.makeDefault")}
          message={t("scenarios.editor.makeDefaultConfirm", { name: scenario.name })}
          confirmLabel={t("scenarios.editor.makeDefault")}
          color="indigo"
          isPending={editor.makeDefault.isPending}
          onConfirm={() =>
            editor.makeDefault.mutate(undefined, { onSettled: () => setConfirmingDefault(false) })
          }
          onClose={() => setConfirmingDefault(false)}
          data-testid="scenario-default-confirm"
        />
      )}
    </Card>
  );
}
