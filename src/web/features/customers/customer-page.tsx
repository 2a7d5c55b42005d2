import { Anchor, Group, Skeleton, Stack, Tabs } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import {
  IconAddressBook,
  IconArrowLeft,
  IconBellRinging,
  IconFileInvoice,
  IconHistory,
  IconPhoneCall,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation, useParams } from "react-router";
import { NotFoundPage } from "../../components/not-found-page";
import { QueryError } from "../../components/query-error";
import { readChoice, useUrlParams } from "../../hooks/use-url-params";
import { useT } from "../../i18n/use-i18n";
import { hasRole } from "../auth/roles";
import { useMe } from "../auth/use-me";
import { CustomerDunningPanel } from "../dunning/customer-dunning-panel";
import { CustomerDunningSummary } from "../dunning/customer-dunning-summary";
import { FollowUpPanel } from "../workbench/follow-up-panel";
import { PinnedNotes } from "../workbench/notes-card";
import { WORKBENCH_WRITE_ROLES } from "../workbench/workbench-api";
import { ContactsTable } from "./contacts-table";
import { CustomerHeader } from "./customer-header";
import { CustomerTimeline } from "./customer-timeline";
import { CustomerTotals } from "./customer-totals";
import { customerQuery } from "./customers-api";
import { ITEM_STATUSES, OpenItems } from "./open-items";

const TABS = ["items", "contacts", "dunning", "followup", "timeline"] as const;
type Tab = (typeof TABS)[number];

/** `/customers/:id`; an id that is not a positive integer is a page that does not exist. */
export function CustomerPage(): ReactNode {
  const { id } = useParams();
  const customerId = id && /^\d{1,9}$/.test(id) ? Number(id) : 0;
  if (customerId <= 0) return <NotFoundPage />;
  return <CustomerView key={customerId} customerId={customerId} />;
}

function BackToList(): ReactNode {
  const t = useT();
  const state: unknown = useLocation().state;
  const listSearch =
    state && typeof state === "object" && "listSearch" in state && typeof state.listSearch === "string"
      ? state.listSearch
      : "";
  return (
    <Anchor component={Link} to={`/customers${listSearch}`} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t("customer.back")}
      </Group>
    </Anchor>
  );
}

function CustomerView({ customerId }: { customerId: number }): ReactNode {
  const t = useT();
  const customer = useQuery(customerQuery(customerId));
  useDocumentTitle(customer.data ? `${customer.data.name} · Encours` : "Encours");
  const { params, update } = useUrlParams();
  const tab = readChoice<Tab>(params, "tab", TABS, "items");
  const itemStatus = readChoice(params, "items", ITEM_STATUSES, "open");
  const canWriteNotes = hasRole(useMe(), [...WORKBENCH_WRITE_ROLES, "sales"]);

  return (
    <Stack gap="md">
      <BackToList />
      {customer.isError && (
        <QueryError
          error={customer.error}
          notFoundMessage="customer.notFound"
          onRetry={() => void customer.refetch()}
        />
      )}
      {customer.isPending && <Skeleton height={220} radius="md" />}
      {customer.data && (
        <>
          <CustomerHeader customer={customer.data} />
          <PinnedNotes customerId={customerId} canWrite={canWriteNotes} />
          <CustomerDunningSummary customerId={customerId} />
          <CustomerTotals totals={customer.data.totals} />
          <Tabs
            value={tab}
            onChange={(next) => update({ tab: next === "items" ? null : next }, { replace: true })}
            keepMounted={false}
            variant="outline"
          >
            <Tabs.List>
              <Tabs.Tab value="items" leftSection={<IconFileInvoice size={16} />}>
                {t("customer.tab.items")}
              </Tabs.Tab>
              <Tabs.Tab
                value="contacts"
                leftSection={<IconAddressBook size={16} />}
                data-testid="tab-contacts"
              >
                {t("customer.tab.contacts")}
              </Tabs.Tab>
              <Tabs.Tab
                value="dunning"
                leftSection={<IconBellRinging size={16} />}
                data-testid="customer-dunning-tab"
              >
                {t("dunning.customer.tab")}
              </Tabs.Tab>
              <Tabs.Tab value="followup" leftSection={<IconPhoneCall size={16} />} data-testid="tab-followup">
                {t("workbench.tab")}
              </Tabs.Tab>
              <Tabs.Tab value="timeline" leftSection={<IconHistory size={16} />} data-testid="tab-timeline">
                {t("customer.tab.timeline")}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="items" pt="md">
              <OpenItems
                customerId={customerId}
                status={itemStatus}
                onStatusChange={(status) =>
                  update({ items: status === "open" ? null : status }, { replace: true })
                }
              />
            </Tabs.Panel>
            <Tabs.Panel value="contacts" pt="md">
              <ContactsTable customerId={customerId} />
            </Tabs.Panel>
            <Tabs.Panel value="dunning" pt="md">
              <CustomerDunningPanel customerId={customerId} companyId={customer.data.company.id} />
            </Tabs.Panel>
            <Tabs.Panel value="followup" pt="md">
              <FollowUpPanel customerId={customerId} />
            </Tabs.Panel>
            <Tabs.Panel value="timeline" pt="md">
              <CustomerTimeline customerId={customerId} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
