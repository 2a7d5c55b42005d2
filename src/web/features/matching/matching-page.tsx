import { ActionIcon, Button, Grid, Group, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconSettings, IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { MatchRunResult } from "../../../domain/matching/matching.schemas";
import { PaginationBar } from "../../components/pagination-bar";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { BankLineList } from "./bank-line-list";
import { BulkAcceptBar } from "./bulk-accept-bar";
import { LineFilters } from "./line-filters";
import { MatchRunSummary } from "./match-run-summary";
import { bankLinesQuery, MATCHING_ROLES, MATCHING_SETTINGS_ROLES } from "./matching-api";
import { MatchingSettingsModal } from "./matching-settings-modal";
import { RunMatchingButton } from "./run-matching-button";
import { SelectedLinePanel } from "./selected-line-panel";
import { ShortcutsHelp } from "./shortcuts-help";
import { StatementUploadModal } from "./statement-upload-modal";
import { useMatchingParams } from "./use-matching-params";

/** `/matching`: bank lines to work on the left, the selected line's candidates on the right. */
export function MatchingPage(): ReactNode {
  const t = useT();
  useDocumentTitle(`${t("matching.title")} · Encours`);
  const me = useMe();
  const canMatch = hasRole(me, MATCHING_ROLES);
  const canSettle = hasRole(me, MATCHING_SETTINGS_ROLES);
  const { params, update } = useMatchingParams();
  const query = useQuery(bankLinesQuery(params));
  const lines = query.data?.items;
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<"upload" | "settings" | null>(null);
  const [runResult, setRunResult] = useState<MatchRunResult | null>(null);
  const searchRef = useRef<HTMLDivElement>(null);
  // Where the selected line was in the list: a line that leaves it (accepted, ignored) leaves its place to the next.
  const lastIndex = useRef(0);

  const index = lines?.findIndex((line) => line.id === selectedId) ?? -1;
  if (index >= 0) lastIndex.current = index;

  useEffect(() => {
    if (selectedId === null && lines && lines.length > 0) setSelectedId(lines[0]?.id ?? null);
  }, [lines, selectedId]);

  // Other filters, another list: start again from its first line.
  const filtersKey = JSON.stringify({ ...params, page: undefined });
  const [shownFilters, setShownFilters] = useState(filtersKey);
  if (shownFilters !== filtersKey) {
    setShownFilters(filtersKey);
    setSelectedId(null);
    lastIndex.current = 0;
  }

  const move = (step: 1 | -1): void => {
    if (!lines || lines.length === 0) return;
    const from = index >= 0 ? index + step : step === 1 ? lastIndex.current : lastIndex.current - 1;
    const target = lines[Math.min(Math.max(from, 0), lines.length - 1)];
    if (target) setSelectedId(target.id);
  };
  const focusSearch = (): void => searchRef.current?.querySelector("input")?.focus();

  return (
    <Stack gap="md" data-testid="matching-page">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t("matching.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("matching.subtitle")}
          </Text>
        </Stack>
        <Group gap="xs">
          {canMatch && (
            <Button
              variant="default"
              leftSection={<IconUpload size={16} />}
              onClick={() => setDialog("upload")}
              data-testid="upload-open"
            >
              {t("matching.upload.open")}
            </Button>
          )}
          {canMatch && <RunMatchingButton companyId={params.companyId} onResult={setRunResult} />}
          {canSettle && (
            <Tooltip label={t("matching.settings.title")}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t("matching.settings.title")}
                onClick={() => setDialog("settings")}
                data-testid="settings-open"
              >
                <IconSettings size={18} stroke={1.5} />
              </ActionIcon>
            </Tooltip>
          )}
          <ShortcutsHelp />
        </Group>
      </Group>
      {runResult && <MatchRunSummary result={runResult} onClose={() => setRunResult(null)} />}
      <LineFilters values={params} onChange={(changes) => update(changes)} searchRef={searchRef} />
      {canMatch && <BulkAcceptBar companyId={params.companyId} />}
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed" data-testid="lines-total">
                {query.data ? t.plural("matching.lines.count", query.data.total) : t("app.loading")}
              </Text>
              <BankLineList lines={lines} selectedId={selectedId} onSelect={setSelectedId} />
              {query.data && query.data.total > params.pageSize && (
                <PaginationBar
                  page={params.page}
                  pageSize={params.pageSize}
                  total={query.data.total}
                  onPageChange={(page) => update({ page })}
                  onPageSizeChange={(pageSize) => update({ pageSize })}
                />
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <div style={{ position: "sticky", top: 72, maxHeight: "calc(100vh - 88px)", overflowY: "auto" }}>
              <SelectedLinePanel
                lineId={selectedId}
                canMatch={canMatch}
                areKeysOn={dialog === null}
                onNext={() => move(1)}
                onPrevious={() => move(-1)}
                onFocusSearch={focusSearch}
              />
            </div>
          </Grid.Col>
        </Grid>
      )}
      <StatementUploadModal
        opened={dialog === "upload"}
        defaultCompanyId={params.companyId}
        onClose={() => setDialog(null)}
      />
      <MatchingSettingsModal
        opened={dialog === "settings"}
        defaultCompanyId={params.companyId}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
