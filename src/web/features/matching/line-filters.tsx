import { Group, Select, TextInput } from "@mantine/core";
import { type ReactNode, type RefObject, useState } from "react";
import { SearchInput } from "../../components/search-input";
import { useT } from "../../i18n/use-i18n";
import { CompanySelect } from "../dunning/company-select";
import { DateField } from "../dunning/date-field";
import type { BankLineStatusFilter } from "./matching-api";

export const STATUS_FILTERS: readonly BankLineStatusFilter[] = [
  "todo",
  "suggested",
  "unmatched",
  "matched",
  "unapplied",
  "ignored",
  "returned",
  "all",
];

export type LineFilterValues = {
  companyId?: number;
  status: BankLineStatusFilter;
  q?: string;
  from?: string;
  to?: string;
  minAmount?: string;
  maxAmount?: string;
  account?: string;
};

type LineFiltersProps = {
  values: LineFilterValues;
  onChange(changes: Partial<Record<keyof LineFilterValues, string | number | null | undefined>>): void;
  searchRef: RefObject<HTMLDivElement | null>;
};

const AMOUNT = /^-?\d+([.,]\d+)?$/;

/** An amount bound typed by hand: committed on blur or Enter, when it reads as an amount. */
function AmountFilter(props: {
  label: string;
  value: string | undefined;
  onCommit(value: string | null): void;
  testId: string;
}): ReactNode {
  const t = useT();
  const [text, setText] = useState(props.value ?? "");
  const [committed, setCommitted] = useState(props.value);
  if (committed !== props.value) {
    setCommitted(props.value);
    setText(props.value ?? "");
  }
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "");
  const isValid = cleaned === "" || AMOUNT.test(cleaned);
  const commit = (): void => {
    if (isValid) props.onCommit(cleaned === "" ? null : cleaned.replace(",", "."));
  };
  return (
    <TextInput
      label={props.label}
      value={text}
      inputMode="decimal"
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
      error={isValid ? undefined : t("matching.filters.amountInvalid")}
      w={{ base: "100%", xs: 130 }}
      data-testid={props.testId}
    />
  );
}

/** Status, dates, amounts, account and free text: the workspace's filters, kept in the URL. */
export function LineFilters({ values, onChange, searchRef }: LineFiltersProps): ReactNode {
  const t = useT();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="matching-filters">
      <CompanySelect value={values.companyId} onChange={(companyId) => onChange({ companyId })} />
      <Select
        label={t("matching.filters.status")}
        data={STATUS_FILTERS.map((status) => ({ value: status, label: t(`matching.filter.${status}`) }))}
        value={values.status}
        onChange={(next) => onChange({ status: next && next !== "todo" ? next : null })}
        allowDeselect={false}
        w={{ base: "100%", xs: 200 }}
        data-testid="filter-status"
      />
      <div ref={searchRef} style={{ flex: "1 1 220px" }}>
        <SearchInput
          value={values.q ?? ""}
          onSearch={(q) => onChange({ q })}
          placeholder={t("matching.filters.search")}
          data-testid="filter-search"
        />
      </div>
      <DateField
        label={t("matching.filters.from")}
        value={values.from ?? null}
        onChange={(from) => onChange({ from })}
        isClearable
        data-testid="filter-from"
      />
      <DateField
        label={t("matching.filters.to")}
        value={values.to ?? null}
        onChange={(to) => onChange({ to })}
        isClearable
        data-testid="filter-to"
      />
      <AmountFilter
        label={t("matching.filters.minAmount")}
        value={values.minAmount}
        onCommit={(minAmount) => onChange({ minAmount })}
        testId="filter-min-amount"
      />
      <AmountFilter
        label={t("matching.filters.maxAmount")}
        value={values.maxAmount}
        onCommit={(maxAmount) => onChange({ maxAmount })}
        testId="filter-max-amount"
      />
      <AccountFilter value={values.account} onCommit={(account) => onChange({ account })} />
    </Group>
  );
}

function AccountFilter(props: {
  value: string | undefined;
  onCommit(value: string | null): void;
}): ReactNode {
  const t = useT();
  const [text, setText] = useState(props.value ?? "");
  const [committed, setCommitted] = useState(props.value);
  if (committed !== props.value) {
    setCommitted(props.value);
    setText(props.value ?? "");
  }
  const commit = (): void => props.onCommit(text.replace(/\s/g, "").toUpperCase() || null);
  return (
    <TextInput
      label={t("matching.filters.account")}
      placeholder={t("matching.filters.accountPlaceholder")}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
      w={{ base: "100%", xs: 220 }}
      data-testid="filter-account"
    />
  );
}
