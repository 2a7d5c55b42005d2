import { Alert, Checkbox, Group, Paper, Select, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { ManualMatchBody } from "../../../domain/matching/matching.schemas";
import { Money } from "../../components/money";
import { formatMoney } from "../../format";
import { useI18n } from "../../i18n/use-i18n";
import { isWithinTolerance } from "./manual-match";

export type WriteOffReason = NonNullable<ManualMatchBody["writeOff"]>["reason"];
export type WriteOffChoice = { isOn: boolean; invoiceId: number | null; reason: WriteOffReason };

const REASONS: readonly WriteOffReason[] = ["bank_fees", "rounding", "other"];

/** "frais bancaires" (said inside a sentence) → "Frais bancaires" (a choice in a list). */
function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

type WriteOffFieldsProps = {
  choice: WriteOffChoice;
  /** Ticked items left partly open by their allocation: what could be written off on each. */
  options: readonly { invoiceId: number; number: string; amount: string }[];
  currency: string;
  tolerance: string | undefined;
  onChange(choice: WriteOffChoice): void;
};

/** Write off what a ticked item still owes (bank fees, rounding) instead of leaving it open. */
export function WriteOffFields({
  choice,
  options,
  currency,
  tolerance,
  onChange,
}: WriteOffFieldsProps): ReactNode {
  const { t, locale } = useI18n();
  const selected = options.find((option) => option.invoiceId === choice.invoiceId) ?? options[0];
  const isTooLarge = selected !== undefined && !isWithinTolerance(selected.amount, tolerance, currency);
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="write-off">
      <Stack gap="xs">
        <Checkbox
          label={t("matching.writeOff.toggle")}
          checked={choice.isOn}
          onChange={(event) =>
            onChange({ ...choice, isOn: event.currentTarget.checked, invoiceId: selected?.invoiceId ?? null })
          }
          data-testid="write-off-toggle"
        />
        {choice.isOn && selected && (
          <>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Select
                label={t("matching.writeOff.item")}
                data={options.map((option) => ({
                  value: String(option.invoiceId),
                  label: `${option.number} · ${formatMoney(option.amount, currency, locale)}`,
                }))}
                value={String(selected.invoiceId)}
                onChange={(next) => onChange({ ...choice, invoiceId: next ? Number(next) : null })}
                allowDeselect={false}
                style={{ flex: "1 1 220px" }}
              />
              <Select
                label={t("matching.writeOff.reason")}
                data={REASONS.map((reason) => ({
                  value: reason,
                  label: capitalize(t(`matching.writeOffReason.${reason}`), locale),
                }))}
                value={choice.reason}
                onChange={(next) =>
                  onChange({ ...choice, reason: (next as WriteOffReason | null) ?? "other" })
                }
                allowDeselect={false}
                style={{ flex: "1 1 180px" }}
                data-testid="write-off-reason"
              />
            </Group>
            <Text size="sm">
              {t("matching.writeOff.amount")} <Money amount={selected.amount} currency={currency} fw={600} />
            </Text>
            {isTooLarge && tolerance !== undefined && (
              <Alert color="orange" variant="light">
                {t("matching.writeOff.tooLarge", { tolerance: formatMoney(tolerance, currency, locale) })}
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
