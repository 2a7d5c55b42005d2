import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconReceiptEuro } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-i18n";

export function ProductLogo({ size = "md" }: { size?: "md" | "lg" }): ReactNode {
  const t = useT();
  const isLarge = size === "lg";
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={isLarge ? 40 : 30} radius="md" variant="filled">
        <IconReceiptEuro size={isLarge ? 24 : 18} stroke={1.8} />
      </ThemeIcon>
      <Text fw={800} fz={isLarge ? 28 : 20} lh={1} style={{ letterSpacing: "-0.02em" }}>
        {t("app.name")}
      </Text>
    </Group>
  );
}
