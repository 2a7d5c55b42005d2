import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import type { MatchingSettings } from "../../../domain/matching/matching.schemas";
import { isApiError } from "../../api/api-error";
import { QueryError } from "../../components/query-error";
import { useI18n, useT } from "../../i18n/use-i18n";
import { companiesQuery } from "../companies/companies-api";
import { toTypedAmount } from "./manual-match";
import { MATCHING_QUERY_KEY, matchingApi, matchingSettingsQuery } from "./matching-api";

const DECIMAL = /^\d+([.,]\d{1,2})?$/;

type MatchingSettingsModalProps = { opened: boolean; defaultCompanyId: number | undefined; onClose(): void };

/** A company's automatic-matching threshold and write-off tolerance (admins and credit managers). */
export function MatchingSettingsModal({
  opened,
  defaultCompanyId,
  onClose,
}: MatchingSettingsModalProps): ReactNode {
  const t = useT();
  const companies = useQuery(companiesQuery).data?.items ?? [];
  const [picked, setPicked] = useState<number | null>(null);
  const companyId = picked ?? defaultCompanyId ?? companies[0]?.id ?? null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("matching.settings.title")}
      data-testid="matching-settings"
    >
      <Stack gap="sm">
        <Select
          label={t("matching.upload.company")}
          data={companies.map((company) => ({
            value: String(company.id),
            label: `${company.code} · ${company.name}`,
          }))}
          value={companyId === null ? null : String(companyId)}
          onChange={(next) => setPicked(next ? Number(next) : null)}
          allowDeselect={false}
        />
        {companyId !== null && <SettingsForm key={companyId} companyId={companyId} onClose={onClose} />}
      </Stack>
    </Modal>
  );
}

function SettingsForm({ companyId, onClose }: { companyId: number; onClose(): void }): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const query = useQuery(matchingSettingsQuery(companyId));
  const mutation = useMutation({
    mutationFn: (settings: MatchingSettings) => matchingApi.saveSettings(companyId, settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(matchingSettingsQuery(companyId).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: MATCHING_QUERY_KEY });
      notifications.show({ color: "green", message: t("matching.settings.saved") });
      onClose();
    },
  });
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Text size="sm">{t("app.loading")}</Text>;
  return (
    <SettingsFields
      initial={query.data}
      isBusy={mutation.isPending}
      error={mutation.error}
      onSave={mutation.mutate}
    />
  );
}

function SettingsFields(props: {
  initial: MatchingSettings;
  isBusy: boolean;
  error: Error | null;
  onSave(settings: MatchingSettings): void;
}): ReactNode {
  const { t, locale } = useI18n();
  const [threshold, setThreshold] = useState<number | string>(props.initial.autoThreshold);
  const [tolerance, setTolerance] = useState(toTypedAmount(props.initial.writeOffTolerance, locale));
  const thresholdValue = typeof threshold === "number" ? threshold : Number.NaN;
  const isThresholdValid = Number.isInteger(thresholdValue) && thresholdValue >= 50 && thresholdValue <= 100;
  const isToleranceValid = DECIMAL.test(tolerance.trim());

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!isThresholdValid || !isToleranceValid) return;
    props.onSave({ autoThreshold: thresholdValue, writeOffTolerance: tolerance.trim().replace(",", ".") });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <NumberInput
          label={t("matching.settings.threshold")}
          description={t("matching.settings.thresholdHint")}
          value={threshold}
          onChange={setThreshold}
          min={50}
          max={100}
          allowDecimal={false}
          error={isThresholdValid ? undefined : t("matching.settings.thresholdInvalid")}
          data-testid="settings-threshold"
        />
        <TextInput
          label={t("matching.settings.tolerance")}
          description={t("matching.settings.toleranceHint")}
          value={tolerance}
          onChange={(event) => setTolerance(event.currentTarget.value)}
          inputMode="decimal"
          error={isToleranceValid ? undefined : t("matching.settings.toleranceInvalid")}
          data-testid="settings-tolerance"
        />
        {props.error && (
          <Alert color="red" variant="light">
            {isApiError(props.error) ? props.error.message : t("error.generic")}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={props.isBusy} data-testid="settings-save">
            {t("matching.settings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
