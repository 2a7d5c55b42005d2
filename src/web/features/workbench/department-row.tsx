import { Badge, Button, Switch, Table, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useState } from "react";
import type { DepartmentEntry } from "../../../domain/workbench/departments.schemas";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { departmentsApi, type useDepartmentChange } from "./departments-api";
import { issueOf } from "./use-workbench-mutations";

type RowProps = { department: DepartmentEntry; change: ReturnType<typeof useDepartmentChange> };

/** One department: its name and address (saved together), its active switch and the disputes it owns. */
export function DepartmentRow({ department, change }: RowProps): ReactNode {
  const t = useT();
  const [name, setName] = useState(department.name);
  const [email, setEmail] = useState(department.email);
  const [error, setError] = useState<unknown>(null);
  const isDirty = name !== department.name || email !== department.email;
  const label = { name: department.name };

  const run = (fn: (companyId: number) => Promise<unknown>) => {
    setError(null);
    change.mutate(fn as never, {
      onSuccess: () => notifications.show({ color: "green", message: t("departments.saved") }),
      onError: (failure) => {
        setError(failure);
        notifications.show({
          color: "red",
          message: isApiError(failure) ? failure.message : t("error.generic"),
        });
      },
    });
  };
  const save = () => {
    const input = {
      ...(name !== department.name ? { name } : {}),
      ...(email !== department.email ? { email } : {}),
    };
    run((companyId) => departmentsApi.update(companyId, department.id, input));
  };

  return (
    <Table.Tr data-testid="department-row" data-name={department.name}>
      <Table.Td>
        <TextInput
          aria-label={t("departments.nameOf", label)}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={issueOf(error, "name")}
          maxLength={120}
          size="xs"
          data-testid="department-name"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t("departments.emailOf", label)}
          type="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={issueOf(error, "email")}
          maxLength={320}
          size="xs"
          data-testid="department-email"
        />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t("departments.activeOf", label)}
          checked={department.isActive}
          disabled={change.isPending}
          onChange={(event) => {
            const isActive = event.currentTarget.checked;
            run((companyId) => departmentsApi.update(companyId, department.id, { isActive }));
          }}
          data-testid="department-active"
        />
      </Table.Td>
      <Table.Td ta="right">
        <Badge variant="light" color={department.activeDisputeCount > 0 ? "blue" : "gray"} radius="sm">
          {t("departments.disputeCount", {
            total: department.disputeCount,
            active: department.activeDisputeCount,
          })}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        <Button
          size="xs"
          variant="light"
          disabled={!isDirty}
          loading={change.isPending && isDirty}
          onClick={save}
          aria-label={t("departments.save", label)}
          data-testid="department-save"
        >
          {t("departments.saveLabel")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
