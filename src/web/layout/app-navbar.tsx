import { NavLink, Stack } from "@mantine/core";
import {
  type Icon,
  IconArrowsExchange,
  IconCalendarDue,
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconFileImport,
  IconFileInvoice,
  IconMail,
  IconMailbox,
  IconMessageReport,
  IconPercentage,
  IconRoute,
  IconSitemap,
  IconTags,
  IconTemplate,
  IconUsers,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import type { Role } from "../../domain/users/users.schemas";
import { DUNNING_ROLES, hasRole, IMPORT_ROLES } from "../features/auth/roles";
import { useMe } from "../features/auth/use-me";
import { KPI_ROLES } from "../features/kpis/kpis-api";
import { RATE_ADMIN_ROLES } from "../features/legal/legal-api";
import { MATCHING_READ_ROLES } from "../features/matching/matching-api";
import { DEPARTMENT_ADMIN_ROLES } from "../features/workbench/departments-api";
import { DISPUTE_REASON_ADMIN_ROLES } from "../features/workbench/dispute-reasons-api";
import type { MessageKey } from "../i18n/messages";
import { useT } from "../i18n/use-i18n";

/** `roles`: the entry is shown to these roles only (the API refuses the others anyway). */
type NavItem = { to: string; label: MessageKey; icon: Icon; roles?: readonly Role[] };

/** Agenda, dunning, matching and dashboards join this list when their pages exist. */
const NAV_ITEMS: readonly NavItem[] = [
  { to: "/agenda", label: "nav.agenda", icon: IconCalendarDue },
  { to: "/customers", label: "nav.customers", icon: IconUsers },
  { to: "/invoices", label: "nav.invoices", icon: IconFileInvoice },
  { to: "/disputes", label: "nav.disputes", icon: IconMessageReport },
  { to: "/matching", label: "nav.matching", icon: IconArrowsExchange, roles: MATCHING_READ_ROLES },
  { to: "/dashboard", label: "nav.dashboard", icon: IconChartBar, roles: KPI_ROLES },
  { to: "/dunning/calendar", label: "nav.calendar", icon: IconCalendarEvent },
  { to: "/dunning/review", label: "nav.review", icon: IconChecklist, roles: DUNNING_ROLES },
  { to: "/messages", label: "nav.messages", icon: IconMail },
  { to: "/letters", label: "nav.letters", icon: IconMailbox, roles: DUNNING_ROLES },
  { to: "/templates", label: "nav.templates", icon: IconTemplate, roles: DUNNING_ROLES },
  { to: "/scenarios", label: "nav.scenarios", icon: IconRoute, roles: DUNNING_ROLES },
  { to: "/imports", label: "nav.imports", icon: IconFileImport, roles: IMPORT_ROLES },
  {
    to: "/settings/reference-rates",
    label: "nav.referenceRates",
    icon: IconPercentage,
    roles: RATE_ADMIN_ROLES,
  },
  {
    to: "/settings/dispute-reasons",
    label: "nav.disputeReasons",
    icon: IconTags,
    roles: DISPUTE_REASON_ADMIN_ROLES,
  },
  {
    to: "/settings/departments",
    label: "nav.departments",
    icon: IconSitemap,
    roles: DEPARTMENT_ADMIN_ROLES,
  },
];

export function AppNavbar({ onNavigate }: { onNavigate: () => void }): ReactNode {
  const t = useT();
  const me = useMe();
  const { pathname } = useLocation();
  return (
    <Stack component="nav" gap={4} aria-label={t("nav.main")}>
      {NAV_ITEMS.filter((item) => hasRole(me, item.roles)).map((item) => {
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
