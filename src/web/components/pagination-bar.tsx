import { Group, Pagination, Select, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { formatNumber } from "../format";
import { PAGE_SIZES } from "../hooks/page-size";
import { useI18n } from "../i18n/use-i18n";

type PaginationBarProps = {
  page: number;
  pageSize: number;
  total: number;
  onPageChange(page: number): void;
  onPageSizeChange(pageSize: number): void;
};

/** "51–100 of 1,234", the page buttons and the page size, under a server-paginated table. */
export function PaginationBar(props: PaginationBarProps): ReactNode {
  const { page, pageSize, total, onPageChange, onPageSizeChange } = props;
  const { t, locale } = useI18n();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);

  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="pagination-range">
        {t("pagination.range", {
          from: formatNumber(from, locale),
          to: formatNumber(to, locale),
          total: formatNumber(total, locale),
        })}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Pagination
          total={pageCount}
          value={Math.min(page, pageCount)}
          onChange={onPageChange}
          size="sm"
          withEdges
          siblings={1}
          aria-label={t("pagination.label")}
          getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
        />
        <Select
          size="xs"
          w={80}
          aria-label={t("pagination.pageSize")}
          title={t("pagination.pageSize")}
          data={[...PAGE_SIZES]}
          value={String(pageSize)}
          onChange={(value) => value && onPageSizeChange(Number(value))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
    </Group>
  );
}
