import { Button, Center, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../i18n/use-i18n";

export function NotFoundPage(): ReactNode {
  const t = useT();
  return (
    <Center py={64} data-testid="not-found">
      <Stack align="center" gap="md" maw={480}>
        <Text fz={64} fw={800} c="dimmed" lh={1}>
          404
        </Text>
        <Title order={2} ta="center">
          {t("error.notFoundTitle")}
        </Title>
        <Text c="dimmed" ta="center">
          {t("error.notFound")}
        </Text>
        <Button component={Link} to="/">
          {t("error.home")}
        </Button>
      </Stack>
    </Center>
  );
}
