import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "sm",
  fontFamily:
    "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "700" },
  components: {
    Table: { defaultProps: { tabularNums: true } },
    // Short labels (statuses, ages): never cut them to an ellipsis when a table column is tight.
    Badge: {
      styles: {
        root: { textTransform: "none", flexShrink: 0, overflow: "visible" },
        label: { overflow: "visible" },
      },
    },
  },
});
