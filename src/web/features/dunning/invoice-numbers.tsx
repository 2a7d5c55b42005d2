import { Text, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";

const SHOWN = 1;

/** "F-101 +3": the first invoice number, all of them in a tooltip. */
export function InvoiceNumbers({ numbers }: { numbers: readonly string[] }): ReactNode {
  const t = useT();
  if (numbers.length === 0) return <Text c="dimmed">{t("common.none")}</Text>;
  const shown = numbers.slice(0, SHOWN).join(", ");
  const rest = numbers.length - SHOWN;
  if (rest <= 0)
    return (
      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
        {shown}
      </Text>
    );
  return (
    <Tooltip label={numbers.join(", ")} multiline maw={320}>
      <Text size="sm" tabIndex={0} style={{ whiteSpace: "nowrap" }}>
        {shown}{" "}
        <Text span c="dimmed" size="xs">
          {t("dunning.invoices.more", { count: rest })}
        </Text>
      </Text>
    </Tooltip>
  );
}
