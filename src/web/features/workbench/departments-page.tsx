import { Button, Card, Group, Skeleton, Stack, Table, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, type ReactNode, useRef, useState } from "react";
import type { DepartmentEntry } from "../../../domain/workbench/departments.schemas";
import { isApiError } from "../../api/api-error";
import { EmptyTableRow } from "../../components/empty-table-row";
import { QueryError } from "../../components/query-error";
import { useT } from "../../i18n/use-i18n";
import { CompanyCatalogPage } from "./company-catalog-page";
import { DepartmentRow } from "./department-row";
import { departmentsApi, departmentsQuery, useDepartmentChange } from "./departments-api";
import { issueOf } from "./use-workbench-mutations";

const COLUMNS = 5;

function DepartmentsTable({ items, companyId }: { items: DepartmentEntry[]; companyId: number }): ReactNode {
  const t = useT();
  const change = useDepartmentChange(companyId);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" fz="sm" data-testid="departments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("departments.col.name")}</Table.Th>
            <Table.Th>{t("departments.col.email")}</Table.Th>
            <Table.Th>{t("departments.col.active")}</Table.Th>
            <Table.Th ta="right">{t("departments.col.disputes")}</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyTableRow columns={COLUMNS} title={t("departments.empty")} />}
          {items.map((department) => (
            // Keyed on the saved values too: a change saved elsewhere resets the row's inputs.
            <DepartmentRow
              key={`${department.id}:${department.name}:${department.email}`}
              department={department}
              change={change}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const EMPTY = { name: "", email: "" };

function AddDepartmentForm({ companyId }: { companyId: number }): ReactNode {
  const t = useT();
  const change = useDepartmentChange(companyId);
  const [draft, setDraft] = useState(EMPTY);
  const inputs = { name: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null) };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate((id) => departmentsApi.add(id, draft), {
      onSuccess: () => {
        setDraft(EMPTY);
        notifications.show({ color: "green", message: t("departments.saved") });
        // Ready for the next one.
        inputs.name.current?.focus();
      },
      onError: (failure) => {
        notifications.show({
          color: "red",
          message: isApiError(failure) ? failure.message : t("error.generic"),
        });
        // The field the API refused, so that a keyboard or screen-reader user lands on its message.
        (issueOf(failure, "email") && !issueOf(failure, "name")
          ? inputs.email
          : inputs.name
        ).current?.focus();
      },
    });
  };
  const field = (name: keyof typeof EMPTY) => ({
    value: draft[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
    error: issueOf(change.error, name),
    required: true,
    ref: inputs[name],
  });
  return (
    // The API checks the fields and names the one it refuses, which takes the focus (no browser bubble).
    <Card
      withBorder
      radius="md"
      component="form"
      onSubmit={submit}
      noValidate
      data-testid="department-add-form"
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("departments.addTitle")}
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t("departments.col.name")}
            maxLength={120}
            autoComplete="off"
            w={{ base: "100%", xs: 260 }}
            {...field("name")}
            data-testid="department-new-name"
          />
          <TextInput
            label={t("departments.col.email")}
            description={t("departments.emailHint")}
            type="email"
            maxLength={320}
            autoComplete="off"
            w={{ base: "100%", xs: 320 }}
            {...field("email")}
            data-testid="department-new-email"
          />
        </Group>
        <Group>
          <Button
            type="submit"
            leftSection={<IconPlus size={16} />}
            loading={change.isPending}
            data-testid="department-add"
          >
            {t("departments.add")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CompanyDepartments({ companyId }: { companyId: number }): ReactNode {
  const departments = useQuery(departmentsQuery(companyId));
  if (departments.isError) {
    return <QueryError error={departments.error} onRetry={() => void departments.refetch()} />;
  }
  if (departments.isPending) return <Skeleton height={240} radius="md" />;
  return (
    <>
      <Card withBorder radius="md" padding={0}>
        <DepartmentsTable items={departments.data.items} companyId={companyId} />
      </Card>
      <AddDepartmentForm key={companyId} companyId={companyId} />
    </>
  );
}

/** `/settings/departments`: the administrator keeps each company's departments, which own disputes. */
export function DepartmentsPage(): ReactNode {
  const t = useT();
  return (
    <CompanyCatalogPage
      title={t("departments.title")}
      subtitle={t("departments.subtitle")}
      companyLabel={t("departments.company")}
      testId="departments"
    >
      {(companyId) => <CompanyDepartments key={companyId} companyId={companyId} />}
    </CompanyCatalogPage>
  );
}
