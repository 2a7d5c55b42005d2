import { Avatar, Box, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconLogout } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { UserSummary } from "../../domain/users/users.schemas";
import { useLogout } from "../features/auth/use-auth-actions";
import { useT } from "../i18n/use-i18n";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}

/** The signed-in user's name and role, and the way out. */
export function UserMenu({ user }: { user: UserSummary }): ReactNode {
  const t = useT();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("user.menu")} data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" radius="xl" color="blue">
              {initials(user.name)}
            </Avatar>
            <Box visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2} data-testid="user-name">
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} data-testid="user-role">
                {t(`role.${user.role}`)}
              </Text>
            </Box>
            <IconChevronDown size={14} stroke={1.5} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py={6}>
          <Text size="sm" fw={600}>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`role.${user.role}`)} · {user.email}
          </Text>
        </Box>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} stroke={1.5} />}
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
          data-testid="logout"
        >
          {t("user.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
