import { ActionIcon, Group, Kbd, Popover, Stack, Table, Text } from "@mantine/core";
import { useWindowEvent } from "@mantine/hooks";
import { IconKeyboard } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { MessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/use-i18n";

const SHORTCUTS: readonly { keys: readonly string[]; label: MessageKey }[] = [
  { keys: ["j", "↓"], label: "matching.keys.next" },
  { keys: ["k", "↑"], label: "matching.keys.previous" },
  { keys: ["Entrée", "a"], label: "matching.keys.accept" },
  { keys: ["1–5"], label: "matching.keys.acceptRank" },
  { keys: ["s"], label: "matching.keys.manual" },
  { keys: ["i"], label: "matching.keys.ignore" },
  { keys: ["u"], label: "matching.keys.undo" },
  { keys: ["/"], label: "matching.keys.search" },
];

/**
 * The workspace's keyboard shortcuts, one click (or Tab and Enter) away. Any key but Tab closes it:
 * Escape, or the shortcut just read, which then does its work on the page.
 */
export function ShortcutsHelp(): ReactNode {
  const t = useT();
  const [isOpened, setOpened] = useState(false);
  useWindowEvent("keydown", (event) => {
    if (isOpened && event.key !== "Tab" && event.key !== "Shift") setOpened(false);
  });
  return (
    <Popover position="bottom-end" withArrow shadow="md" width={320} opened={isOpened} onChange={setOpened}>
      <Popover.Target>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t("matching.keys.title")}
          aria-expanded={isOpened}
          onClick={() => setOpened((previous) => !previous)}
          data-testid="shortcuts-open"
        >
          <IconKeyboard size={18} stroke={1.5} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown data-testid="shortcuts">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t("matching.keys.title")}
          </Text>
          <Table verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {SHORTCUTS.map((shortcut) => (
                <Table.Tr key={shortcut.label}>
                  <Table.Td w={110}>
                    <Group gap={4} wrap="nowrap">
                      {shortcut.keys.map((key) => (
                        <Kbd key={key} size="xs">
                          {key === "Entrée" ? t("matching.keys.enter") : key}
                        </Kbd>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(shortcut.label)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t("matching.keys.hint")}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
