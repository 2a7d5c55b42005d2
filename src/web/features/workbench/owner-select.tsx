import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";
import { activeUsersQuery } from "./workbench-api";

type OwnerSelectProps = {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  error?: string;
  placeholder?: string;
  isClearable?: boolean;
  "data-testid"?: string;
};

/** A person of the company (name and role): the owner of a dispute, the assignee of a task. */
export function OwnerSelect(props: OwnerSelectProps): ReactNode {
  const t = useT();
  const users = useQuery(activeUsersQuery);
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      data={(users.data ?? []).map((user) => ({
        value: String(user.id),
        label: `${user.name} · ${t(`role.${user.role}`)}`,
      }))}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable={props.isClearable}
      nothingFoundMessage={t("workbench.nobody")}
      error={props.error}
      w={{ base: "100%", xs: 280 }}
      data-testid={props["data-testid"]}
    />
  );
}
