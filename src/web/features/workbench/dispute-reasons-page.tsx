import { Button, Card, Group, Skeleton, Stack, Table, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, type ReactNode, useState } from "react";
import type { DisputeReasonEntry } from "../../../domain/workbench/dispute-reasons.schemas";
import { isApiError } from "../../api/api-error";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { CompanyCatalogPage } from "./company-catalog-page";
import { DisputeReasonRow } from "./dispute-reason-row";
import { disputeReasonsApi, disputeReasonsQuery, useDisputeReasonChange } from "./dispute-reasons-api";
import { issueOf } from "./use-workbench-mutations";

const COLUMNS = 7;

function ReasonsTable({ items, companyId }: { items: DisputeReasonEntry[]; companyId: number }): ReactNode {
  const t = useT();
  const change = useDisputeReasonChange(companyId);
  const order = items.map((item) => item.code);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" fz="sm" data-testid="dispute-reasons-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t("disputeReasons.col.order")}</Table.Th>
            <Table.Th>{t("disputeReasons.col.code")}</Table.Th>
            <Table.Th>{t("disputeReasons.col.labelFr")}</Table.Th>
            <Table.Th>{t("disputeReasons.col.labelEn")}</Table.Th>
            <Table.Th>{t("disputeReasons.col.active")}</Table.Th>
            <Table.Th ta="right">{t("disputeReasons.col.used")}</Table.Th>
            <Table.Th w={150} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyTableRow columns={COLUMNS} title={t("disputeReasons.empty")} />}
          {items.map((reason) => (
            // Keyed on the labels too: a rename saved elsewhere resets the row's inputs.
            <DisputeReasonRow
              key={`${reason.code}:${reason.labelFr}:${reason.labelEn}`}
              reason={reason}
              order={order}
              change={change}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const EMPTY = { code: "", labelFr: "", labelEn: "" };

function AddReasonForm({ companyId }: { companyId: number }): ReactNode {
  const t = useT();
  const change = useDisputeReasonChange(companyId);
  const [draft, setDraft] = useState(EMPTY);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate((id) => disputeReasonsApi.add(id, draft), {
      onSuccess: () => {
        setDraft(EMPTY);
        notifications.show({ color: "green", message: t("disputeReasons.saved") });
      },
      onError: (failure) =>
        notifications.show({
          color: "red",
          message: isApiError(failure) ? failure.message : t("error.generic"),
        }),
    });
  };
  const field = (name: keyof typeof EMPTY) => ({
    value: draft[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
    error: issueOf(change.error, name),
    required: true,
  });
  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} data-testid="dispute-reason-add-form">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("disputeReasons.addTitle")}
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t("disputeReasons.col.code")}
            description={t("disputeReasons.codeHint")}
            maxLength={40}
            autoComplete="off"
            w={{ base: "100%", xs: 220 }}
            {...field("code")}
            data-testid="dispute-reason-new-code"
          />
          <TextInput
            label={t("disputeReasons.col.labelFr")}
            maxLength={120}
            w={{ base: "100%", xs: 260 }}
            {...field("labelFr")}
            data-testid="dispute-reason-new-fr"
          />
          <TextInput
            label={t("disputeReasons.col.labelEn")}
            maxLength={120}
            w={{ base: "100%", xs: 260 }}
            {...field("labelEn")}
            data-testid="dispute-reason-new-en"
          />
        </Group>
        <Group>
          <Button
            type="submit"
            leftSection={<IconPlus size={16} />}
            loading={change.isPending}
            data-testid="dispute-reason-add"
          >
            {t("disputeReasons.add")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CompanyReasons({ companyId }: { companyId: number }): ReactNode {
  const reasons = useQuery(disputeReasonsQuery(companyId));
  if (reasons.isError) return <QueryError error={reasons.error} onRetry={() => void reasons.refetch()} />;
  if (reasons.isPending) return <Skeleton height={320} radius="md" />;
  return (
    <>
      <Card withBorder radius="md" padding={0}>
        <ReasonsTable items={reasons.data.items} companyId={companyId} />
      </Card>
      <AddReasonForm key={companyId} companyId={companyId} />
    </>
  );
}

/** `/settings/dispute-reasons`: the administrator edits each company's dispute reasons, in French and English. */
export function DisputeReasonsPage(): ReactNode {
  const t = useT();
  return (
    <CompanyCatalogPage
      title={t("disputeReasons.title")}
      subtitle={t("disputeReasons.subtitle")}
      companyLabel={t("disputeReasons.company")}
      testId="dispute-reasons"
    >
      {(companyId) => <CompanyReasons key={companyId} companyId={companyId} />}
    </CompanyCatalogPage>
  );
}
