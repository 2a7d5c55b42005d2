import { Group, Table, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-i18n";

export type SortOrder = "asc" | "desc";

type SortableThProps<S extends string> = {
  column: S;
  label: string;
  sort: S;
  order: SortOrder;
  onSort(column: S, order: SortOrder): void;
  /** Order used when the column gets sorted for the first time (amounts and ages read best descending). */
  firstOrder?: SortOrder;
  align?: "left" | "right";
};

/** A column header that sorts on the server: first click uses `firstOrder`, the next ones toggle. */
export function SortableTh<S extends string>(props: SortableThProps<S>): ReactNode {
  const { column, label, sort, order, onSort, firstOrder = "asc", align = "left" } = props;
  const t = useT();
  const isActive = sort === column;
  const nextOrder: SortOrder = isActive ? (order === "asc" ? "desc" : "asc") : firstOrder;
  const Icon = isActive ? (order === "asc" ? IconChevronUp : IconChevronDown) : IconSelector;
  const ariaSort = isActive ? (order === "asc" ? "ascending" : "descending") : "none";
  return (
    <Table.Th aria-sort={ariaSort} style={{ whiteSpace: "nowrap" }}>
      <UnstyledButton
        onClick={() => onSort(column, nextOrder)}
        title={nextOrder === "asc" ? t("common.sortAscending") : t("common.sortDescending")}
        fw={700}
        fz="sm"
        w="100%"
      >
        <Group gap={4} wrap="nowrap" justify={align === "right" ? "flex-end" : "flex-start"}>
          <span>{label}</span>
          <Icon size={14} stroke={1.5} opacity={isActive ? 1 : 0.5} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
