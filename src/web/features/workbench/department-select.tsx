import { Select } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-i18n";
import { useDepartments } from "./departments-api";

type DepartmentSelectProps = {
  /** The customer's company: its active departments are offered (all of them to filter a list). */
  companyId: number | undefined;
  isActiveOnly?: boolean;
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  error?: string;
  placeholder?: string;
  "data-testid"?: string;
};

/** A department of the customer's company (name and address): it owns a dispute and is emailed about it. */
export function DepartmentSelect(props: DepartmentSelectProps): ReactNode {
  const t = useT();
  const departments = useDepartments(props.companyId, { isActiveOnly: props.isActiveOnly ?? true });
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      data={departments.items.map((department) => ({
        value: String(department.id),
        label: `${department.name} · ${department.email}`,
      }))}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      disabled={departments.isLoading}
      nothingFoundMessage={t("departments.empty")}
      error={props.error}
      w={{ base: "100%", xs: 280 }}
      data-testid={props["data-testid"]}
    />
  );
}
