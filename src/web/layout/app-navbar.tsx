import { NavLink, Stack } from "@mantine/core";
import { type Icon, IconFileInvoice, IconUsers } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import type { MessageKey } from "../i18n/messages";
import { useT } from "../i18n/use-i18n";

type NavItem = { to: string; label: MessageKey; icon: Icon };

/** Agenda, dunning, matching and dashboards join this list when their pages exist. */
const NAV_ITEMS: readonly NavItem[] = [
  { to: "/customers", label: "nav.customers", icon: IconUsers },
  { to: "/invoices", label: "nav.invoices", icon: IconFileInvoice },
];

export function AppNavbar({ onNavigate }: { onNavigate: () => void }): ReactNode {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Stack component="nav" gap={4} aria-label={t("nav.main")}>
      {NAV_ITEMS.map((item) => {
        const isActive = pathname === item.to || pathname.startsWith(`${item.to}/`);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} stroke={1.5} />}
            active={isActive}
            aria-current={isActive ? "page" : undefined}
            onClick={onNavigate}
            variant="light"
            style={{ borderRadius: "var(--mantine-radius-sm)" }}
            data-testid={`nav-${item.to.slice(1)}`}
          />
        );
      })}
    </Stack>
  );
}
