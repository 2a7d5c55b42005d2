import { Badge } from "@mantine/core";
import { IconStarFilled } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";

/** Marks the company's default scenario, the one that covers every customer no rule assigns. */
export function DefaultBadge({ size = "sm" }: { size?: "xs" | "sm" | "md" }): ReactNode {
  const t = useT();
  return (
    <Badge
      size={size}
      variant="light"
      color="teal"
      radius="sm"
      leftSection={<IconStarFilled size={10} aria-hidden />}
      title={t("scenarios.defaultHint")}
      data-testid="scenario-default-badge"
    >
      {t("scenarios.default")}
    </Badge>
  );
}
