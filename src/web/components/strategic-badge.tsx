import { Badge, Tooltip } from "@mantine/core";
import { IconStarFilled } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-i18n";

export function StrategicBadge({ size = "xs" }: { size?: "xs" | "sm" | "md" }): ReactNode {
  const t = useT();
  return (
    <Tooltip label={t("common.strategicHint")}>
      <Badge
        size={size}
        variant="light"
        color="yellow"
        leftSection={<IconStarFilled size={10} />}
        style={{ flexShrink: 0 }}
        data-testid="strategic-badge"
      >
        {t("common.strategic")}
      </Badge>
    </Tooltip>
  );
}
