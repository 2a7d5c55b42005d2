import { Badge, Button, Paper, Table, Text } from "@mantine/core";
import { IconEye } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { ScenarioDefinition, ScenarioDetail } from "../../../domain/dunning/dunning.schemas";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { VersionModal } from "./version-modal";

type VersionHistoryProps = {
  scenario: ScenarioDetail;
  /** Takes an old version's steps into the editor (saved later as a new version). */
  onRestore(definition: ScenarioDefinition): void;
};

/** Every saved version, newest first: who saved it, when, and why. */
export function VersionHistory({ scenario, onRestore }: VersionHistoryProps): ReactNode {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  const versions = [...scenario.versions].sort((a, b) => b.version - a.version);

  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" data-testid="version-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("scenarios.versions.col.version")}</Table.Th>
              <Table.Th>{t("scenarios.versions.col.date")}</Table.Th>
              <Table.Th>{t("scenarios.versions.col.by")}</Table.Th>
              <Table.Th>{t("scenarios.versions.col.comment")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr key={version.version} data-testid={`version-row-${version.version}`}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Text span fw={600}>
                    {t("scenarios.versionShort", { version: version.version })}
                  </Text>
                  {version.version === scenario.version && (
                    <Badge ml="xs" size="sm" variant="light" color="teal" radius="sm">
                      {t("scenarios.versions.current")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, locale)}</time>
                </Table.Td>
                <Table.Td>{version.createdBy ?? t("scenarios.versions.system")}</Table.Td>
                <Table.Td>
                  {version.comment ? (
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {version.comment}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("common.none")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    variant="subtle"
                    size="xs"
                    leftSection={<IconEye size={14} />}
                    onClick={() => setOpen(version.version)}
                    aria-label={t("scenarios.versions.viewNamed", { version: version.version })}
                    data-testid={`version-view-${version.version}`}
                  >
                    {t("scenarios.versions.view")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open !== null && (
        <VersionModal
          scenarioId={scenario.id}
          version={open}
          isCurrent={open === scenario.version}
          onRestore={(definition) => {
            setOpen(null);
            onRestore(definition);
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </Paper>
  );
}
