import { ActionIcon, Checkbox, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { KeyboardEvent, ReactNode } from "react";
import type { PlannedAction } from "../../../domain/dunning/dunning.schemas";
import { DateText } from "../../components/date-text";
import { EmptyTableRow } from "../../components/empty-table-row";
import { Money } from "../../components/money";
import { TableSkeleton } from "../../components/table-skeleton";
import { useI18n } from "../../i18n/use-i18n";
import { ActionCell } from "./action-cell";
import { CustomerLink } from "./customer-link";
import { describeReason, describeRecipient } from "./describe-reason";
import { InvoiceNumbers } from "./invoice-numbers";
import { groupByCustomer } from "./sort-actions";

type ReviewTableProps = {
  /** Already sorted; undefined while loading. */
  actions: PlannedAction[] | undefined;
  isGrouped: boolean;
  selected: ReadonlySet<number>;
  onToggle(ids: readonly number[], isChecked: boolean): void;
  onEdit(action: PlannedAction): void;
};

/** Arrow keys move between the rows' checkboxes; Space ticks, Tab reaches the row's buttons. */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const boxes = [...event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  const index = boxes.indexOf(event.target as HTMLInputElement);
  if (index < 0) return;
  const next = boxes[index + (event.key === "ArrowDown" ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

function selectionState(ids: readonly number[], selected: ReadonlySet<number>) {
  const count = ids.filter((id) => selected.has(id)).length;
  return { checked: count > 0 && count === ids.length, indeterminate: count > 0 && count < ids.length };
}

/** The actions waiting for review, optionally under one heading row per customer. */
export function ReviewTable({ actions, isGrouped, selected, onToggle, onEdit }: ReviewTableProps): ReactNode {
  const { t } = useI18n();
  const columns = isGrouped ? 8 : 9;
  const allIds = actions?.map((action) => action.id) ?? [];
  const all = selectionState(allIds, selected);
  const groups = actions && isGrouped ? groupByCustomer(actions) : null;

  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="review-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t("dunning.review.selectAll")}
                  checked={all.checked}
                  indeterminate={all.indeterminate}
                  disabled={allIds.length === 0}
                  onChange={(event) => onToggle(allIds, event.currentTarget.checked)}
                  data-testid="review-select-all"
                />
              </Table.Th>
              <Table.Th>{t("dunning.col.date")}</Table.Th>
              <Table.Th>{t("dunning.col.action")}</Table.Th>
              {!isGrouped && <Table.Th>{t("dunning.col.customer")}</Table.Th>}
              <Table.Th>{t("dunning.col.recipient")}</Table.Th>
              <Table.Th>{t("dunning.col.invoices")}</Table.Th>
              <Table.Th ta="right">{t("dunning.col.amount")}</Table.Th>
              <Table.Th>{t("dunning.col.reason")}</Table.Th>
              <Table.Th w={56}>
                <VisuallyHidden>{t("dunning.col.edit")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody onKeyDown={moveFocus}>
            {!actions && <TableSkeleton columns={columns} rows={6} />}
            {actions?.length === 0 && (
              <EmptyTableRow
                columns={columns}
                title={t("dunning.review.empty")}
                description={t("dunning.review.emptyHint")}
              />
            )}
            {groups
              ? groups.map((group) => (
                  <CustomerGroupRows
                    key={`${group.customer.id}-${group.actions[0]?.id}`}
                    customer={group.customer}
                    actions={group.actions}
                    selected={selected}
                    onToggle={onToggle}
                    onEdit={onEdit}
                  />
                ))
              : actions?.map((action) => (
                  <ReviewRow
                    key={action.id}
                    action={action}
                    withCustomer
                    isSelected={selected.has(action.id)}
                    onToggle={onToggle}
                    onEdit={onEdit}
                  />
                ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

type GroupRowsProps = Pick<ReviewTableProps, "selected" | "onToggle" | "onEdit"> & {
  customer: PlannedAction["customer"];
  actions: PlannedAction[];
};

function CustomerGroupRows({ customer, actions, selected, onToggle, onEdit }: GroupRowsProps): ReactNode {
  const { t } = useI18n();
  const ids = actions.map((action) => action.id);
  const state = selectionState(ids, selected);
  return (
    <>
      <Table.Tr bg="var(--mantine-color-default-hover)" data-testid={`review-group-${customer.id}`}>
        <Table.Td>
          <Checkbox
            aria-label={t("dunning.review.selectCustomer", { customer: customer.name })}
            checked={state.checked}
            indeterminate={state.indeterminate}
            onChange={(event) => onToggle(ids, event.currentTarget.checked)}
          />
        </Table.Td>
        <Table.Td colSpan={7}>
          <Group gap="sm">
            <CustomerLink customer={customer} />
            <Text size="xs" c="dimmed">
              {customer.externalRef} · {t.plural("dunning.actions.count", actions.length)}
            </Text>
          </Group>
        </Table.Td>
      </Table.Tr>
      {actions.map((action) => (
        <ReviewRow
          key={action.id}
          action={action}
          withCustomer={false}
          isSelected={selected.has(action.id)}
          onToggle={onToggle}
          onEdit={onEdit}
        />
      ))}
    </>
  );
}

type ReviewRowProps = Pick<ReviewTableProps, "onToggle" | "onEdit"> & {
  action: PlannedAction;
  withCustomer: boolean;
  isSelected: boolean;
};

function ReviewRow({ action, withCustomer, isSelected, onToggle, onEdit }: ReviewRowProps): ReactNode {
  const { t, locale } = useI18n();
  const label = t("dunning.review.selectOne", { step: action.stepName, customer: action.customer.name });
  return (
    <Table.Tr
      data-testid={`review-row-${action.id}`}
      bg={isSelected ? "var(--mantine-primary-color-light)" : undefined}
    >
      <Table.Td>
        <Checkbox
          aria-label={label}
          checked={isSelected}
          onChange={(event) => onToggle([action.id], event.currentTarget.checked)}
          data-testid="review-select"
        />
      </Table.Td>
      <Table.Td>
        <DateText value={action.runDate} />
      </Table.Td>
      <Table.Td>
        <ActionCell action={action} withScenario withReviewBadge={false} />
      </Table.Td>
      {withCustomer && (
        <Table.Td>
          <CustomerLink customer={action.customer} />
        </Table.Td>
      )}
      <Table.Td maw={180}>
        <Text size="sm" truncate="end" title={action.recipient ?? undefined}>
          {describeRecipient(t, action)}
        </Text>
      </Table.Td>
      <Table.Td>
        <InvoiceNumbers numbers={action.invoiceNumbers} />
      </Table.Td>
      <Table.Td ta="right">
        <Money amount={action.amount} currency={action.currency} fw={600} />
      </Table.Td>
      <Table.Td miw={220} maw={420}>
        <Text size="sm">{describeReason(t, action, locale)}</Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={t("dunning.edit.title")}>
          <ActionIcon
            variant="subtle"
            aria-label={t("dunning.edit.label", { step: action.stepName, customer: action.customer.name })}
            onClick={() => onEdit(action)}
            data-testid="review-edit"
          >
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}
