import { AppShell, Burger, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Outlet, useLocation } from "react-router";
import { ErrorBoundary } from "../components/error-boundary";
import { ErrorFallback } from "../components/error-fallback";
import { useMe } from "../features/auth/use-me";
import { useT } from "../i18n/use-i18n";
import { AppNavbar } from "./app-navbar";
import { LanguageSwitch } from "./language-switch";
import { ProductLogo } from "./product-logo";
import { UserMenu } from "./user-menu";

/** Header, navigation (a burger menu on small screens) and the current page. */
export function AppLayout(): ReactNode {
  const t = useT();
  const me = useMe();
  const { pathname } = useLocation();
  const [isNavbarOpen, navbar] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !isNavbarOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavbarOpen}
              onClick={navbar.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("nav.toggle")}
            />
            <ProductLogo />
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            {me && <UserMenu user={me.user} />}
          </Group>
        </Group>
      </AppShell.Header>
      {/* Scrolls when its entries outgrow a short window: the last ones stay reachable. */}
      <AppShell.Navbar p="sm" style={{ overflowY: "auto" }}>
        <AppNavbar onNavigate={navbar.close} />
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        {/* Keyed by page so that leaving a broken page clears the error. */}
        <ErrorBoundary
          key={pathname}
          fallback={(error, reset) => <ErrorFallback error={error} onReset={reset} />}
        >
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
