import { Button, Center, Code, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconMoodSad } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-i18n";

/** The friendly page shown by the error boundary: what happened, and two ways out. */
export function ErrorFallback({ error, onReset }: { error: unknown; onReset: () => void }): ReactNode {
  const t = useT();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Center py={64} px="md" data-testid="error-boundary">
      <Stack align="center" gap="md" maw={520}>
        <ThemeIcon size={56} radius="xl" variant="light" color="red">
          <IconMoodSad size={32} stroke={1.5} />
        </ThemeIcon>
        <Title order={2} ta="center">
          {t("error.title")}
        </Title>
        <Text c="dimmed" ta="center">
          {t("error.generic")}
        </Text>
        {detail && (
          <Code block w="100%">
            {detail}
          </Code>
        )}
        <Group>
          <Button onClick={onReset}>{t("error.retry")}</Button>
          <Button variant="default" onClick={() => window.location.assign("/")}>
            {t("error.home")}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
