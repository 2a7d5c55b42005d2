import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type ReactNode, useState } from "react";
import { RATE_SERIES, type RateSeries, type ReferenceRate } from "../../../domain/legal/legal.schemas";
import { isApiError } from "../../api/api-error";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { DateField } from "../dunning/date-field";
import { useRateChange } from "./legal-api";

type RateFormModalProps = {
  /** The rate to correct; null to add one. */
  rate: ReferenceRate | null;
  onClose(): void;
};

/** Adds a rate (or replaces the one of the same series and date), or corrects an existing one. */
export function RateFormModal({ rate, onClose }: RateFormModalProps): ReactNode {
  const t = useT();
  const [series, setSeries] = useState<RateSeries>(rate?.series ?? "ECB_MRO");
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(rate?.effectiveFrom ?? null);
  const [ratePercent, setRatePercent] = useState(rate?.ratePercent ?? "");
  const [note, setNote] = useState(rate?.note ?? "");
  const [isProvisional, setProvisional] = useState(rate?.isProvisional ?? false);
  const [dateError, setDateError] = useState<string | undefined>();
  const change = useRateChange();
  const issues = isApiError(change.error) ? change.error.issues : [];
  const issueOf = (field: string) => issues.find((issue) => issue.field === field)?.message;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const values = { ratePercent: ratePercent.trim(), note: note.trim() || null, isProvisional };
    if (rate) {
      change.mutate({ kind: "update", id: rate.id, rate: values }, { onSuccess: done });
      return;
    }
    setDateError(effectiveFrom ? undefined : t("legal.rates.form.dateRequired"));
    if (!effectiveFrom) return;
    change.mutate({ kind: "save", rate: { series, effectiveFrom, ...values } }, { onSuccess: done });
  };
  const done = (): void => {
    notifications.show({ color: "green", message: t("legal.rates.saved") });
    onClose();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(rate ? "legal.rates.form.editTitle" : "legal.rates.form.addTitle")}
    >
      <form onSubmit={submit} noValidate data-testid="rate-form">
        <Stack gap="sm">
          <Select
            label={t("legal.rates.col.series")}
            data={RATE_SERIES.map((value) => ({ value, label: t(`legal.series.${value}`) }))}
            value={series}
            onChange={(value) => value && setSeries(value as RateSeries)}
            allowDeselect={false}
            disabled={rate !== null}
            error={issueOf("series")}
          />
          <DateField
            label={t("legal.rates.col.effectiveFrom")}
            value={effectiveFrom}
            onChange={setEffectiveFrom}
            error={dateError ?? issueOf("effectiveFrom")}
            data-testid="rate-form-date"
          />
          <TextInput
            label={t("legal.rates.col.rate")}
            description={t("legal.rates.form.rateHint")}
            value={ratePercent}
            onChange={(event) => setRatePercent(event.currentTarget.value)}
            inputMode="decimal"
            required
            error={issueOf("ratePercent")}
            data-testid="rate-form-rate"
          />
          <TextInput
            label={t("legal.rates.col.note")}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={issueOf("note")}
          />
          <Checkbox
            label={t("legal.rates.form.provisional")}
            checked={isProvisional}
            onChange={(event) => setProvisional(event.currentTarget.checked)}
          />
          {change.error && issues.length === 0 && <QueryError error={change.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("legal.rates.form.cancel")}
            </Button>
            <Button type="submit" loading={change.isPending} data-testid="rate-form-save">
              {t("legal.rates.form.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
