import { createTheme, Drawer, MantineThemeProvider, Modal, Notification } from "@mantine/core";
import { type ReactNode, useMemo } from "react";
import { useT } from "./i18n/use-i18n";

/**
 * Names Mantine's icon-only close buttons (notifications, modals, drawers) in the interface language: without a
 * name a screen reader announces just "button" (axe's button-name rule). Nested inside the I18nProvider, on top
 * of the application theme.
 */
export function LocalizedComponents({ children }: { children: ReactNode }): ReactNode {
  const t = useT();
  const close = t("common.close");
  const theme = useMemo(() => {
    const closeButtonProps = { "aria-label": close };
    return createTheme({
      components: {
        Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
        Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      },
    });
  }, [close]);
  return <MantineThemeProvider theme={theme}>{children}</MantineThemeProvider>;
}
