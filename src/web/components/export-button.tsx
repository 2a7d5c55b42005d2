import { Button, Menu } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-i18n";

type ExportButtonProps = {
  /** The download address of each format. */
  urls: { csv: string; xlsx: string };
  "data-testid"?: string;
};

/** "Export" with a CSV and an XLSX choice; plain links, so the browser downloads the file. */
export function ExportButton({ urls, ...rest }: ExportButtonProps): ReactNode {
  const t = useT();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="compact-sm" data-testid={rest["data-testid"]}>
          {t("export.button")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={urls.csv} download>
          {t("export.csv")}
        </Menu.Item>
        <Menu.Item component="a" href={urls.xlsx} download>
          {t("export.xlsx")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
