import { Badge, Popover, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import type { AgendaItem, ScoreTerm } from "../../../domain/workbench/agenda.schemas";
import { formatMoney, formatNumber } from "../../format";
import { useI18n } from "../../i18n/use-i18n";

function valueText(term: ScoreTerm, t: ReturnType<typeof useI18n>["t"], locale: string): string {
  if (term.factor === "strategic") return term.value === "true" ? t("agenda.yes") : t("agenda.no");
  if (term.factor === "overdueAmount") {
    const [amount = "0", currency = ""] = term.value.split(" ");
    return currency ? formatMoney(amount, currency, locale) : term.value;
  }
  return term.value === "" ? t("common.none") : term.value;
}

/** The score as a badge; a click shows each term, weight × factor, and the total. */
export function ScoreExplanation({ item }: { item: AgendaItem }): ReactNode {
  const { t, locale } = useI18n();
  const color = item.score >= 50 ? "red" : item.score >= 25 ? "orange" : "gray";
  return (
    <Popover width={420} position="bottom-end" withArrow shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <UnstyledButton
          aria-label={t("agenda.score", { score: formatNumber(item.score, locale) })}
          data-testid="agenda-score"
        >
          <Badge color={color} variant="light" size="lg" radius="sm" style={{ cursor: "pointer" }}>
            {formatNumber(item.score, locale)}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="agenda-score-explanation">
          <Text fw={600} size="sm">
            {t("agenda.scoreTitle")}
          </Text>
          {item.explanation.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("agenda.scoreNone")}
            </Text>
          ) : (
            <Table fz="xs" withRowBorders={false} verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("agenda.scoreCol.factor")}</Table.Th>
                  <Table.Th>{t("agenda.scoreCol.value")}</Table.Th>
                  <Table.Th ta="right">{t("agenda.scoreCol.factorValue")}</Table.Th>
                  <Table.Th ta="right">{t("agenda.scoreCol.weight")}</Table.Th>
                  <Table.Th ta="right">{t("agenda.scoreCol.points")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {item.explanation.map((term) => (
                  <Table.Tr key={term.factor}>
                    <Table.Td>{t(`agenda.factor.${term.factor}`)}</Table.Td>
                    <Table.Td>{valueText(term, t, locale)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(term.factorValue, locale)}</Table.Td>
                    <Table.Td ta="right">× {term.weight} %</Table.Td>
                    <Table.Td ta="right">{formatNumber(term.points, locale)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td colSpan={4} fw={600}>
                    {t("agenda.scoreTotal")}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatNumber(item.score, locale)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
