import { Alert } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { Role } from "../../../domain/users/users.schemas";
import { useT } from "../../i18n/use-i18n";
import { hasRole } from "./roles";
import { useMe } from "./use-me";

/** Shows its children to the roles given; anyone else reads why the page is closed to them. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }): ReactNode {
  const t = useT();
  const me = useMe();
  if (hasRole(me, roles)) return children;
  return (
    <Alert color="orange" icon={<IconLock />} title={t("error.forbiddenTitle")} data-testid="forbidden">
      {t("error.forbidden")}
    </Alert>
  );
}
