import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-i18n";

export function FullPageLoader(): ReactNode {
  const t = useT();
  return (
    <Center h="100vh" aria-busy aria-label={t("app.loading")}>
      <Loader />
    </Center>
  );
}
