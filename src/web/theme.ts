import { type CSSVariablesResolver, createTheme } from "@mantine/core";
import { readableColorVariables } from "./theme-contrast";

const PRIMARY_COLOR = "indigo";

export const theme = createTheme({
  primaryColor: PRIMARY_COLOR,
  defaultRadius: "sm",
  fontFamily:
    "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "700" },
  components: {
    Table: { defaultProps: { tabularNums: true } },
    // A table wider than the screen scrolls sideways: its viewport takes the focus so that the keyboard
    // can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    // An active link's description is drawn at 90 % opacity by default, below AA contrast on its light background.
    NavLink: { styles: { description: { "--description-opacity": "1" } } },
    // Short labels (statuses, ages): never cut them to an ellipsis when a table column is tight.
    Badge: {
      styles: {
        root: { textTransform: "none", flexShrink: 0, overflow: "visible" },
        label: { overflow: "visible" },
      },
    },
  },
});

/** Text, links, badges and buttons at WCAG AA contrast in the light scheme (checked by axe in the browser tests). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: readableColorVariables(PRIMARY_COLOR),
  dark: {},
});
