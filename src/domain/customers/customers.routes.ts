import { z } from "zod";
import { IdParam } from "../../shared/schemas";
import { Timeline, TimelineQuery } from "../audit/audit.schemas";
import { listTimeline } from "../audit/list-timeline";
import type { App, AppContext } from "../context";
import { InvoiceListItem } from "../ledger/ledger.schemas";
import { listCustomerInvoices } from "../ledger/list-customer-invoices";
import { actorOf, requireRoles } from "../users/users.http";
import { MANAGER_ROLES, READ_ROLES } from "../users/users.rules";
import { listCustomerGroups, saveCustomerGroup, setCreditSettings } from "./credit-settings";
import {
  ContactList,
  CreditSettingsInput,
  CustomerDetail,
  CustomerFacets,
  CustomerGroup,
  CustomerGroupList,
  CustomerInvoicesQuery,
  CustomerListQuery,
  CustomerPage,
  SaveCustomerGroupInput,
} from "./customers.schemas";
import { assertCustomerVisible, getCustomer } from "./get-customer";
import { listContacts } from "./list-contacts";
import { listCustomerFacets } from "./list-customer-facets";
import { listCustomers } from "./list-customers";

const ById = z.object({ id: IdParam });

export function customersRoutes(app: App, ctx: AppContext): void {
  const read = { onRequest: requireRoles(READ_ROLES) };

  app.get(
    "/api/customers",
    {
      ...read,
      schema: { tags: ["customers"], querystring: CustomerListQuery, response: { 200: CustomerPage } },
    },
    async (request) => listCustomers(ctx, actorOf(request), request.query),
  );

  app.get(
    "/api/customers/facets",
    {
      ...read,
      schema: {
        tags: ["customers"],
        querystring: z.object({ companyId: IdParam.optional() }),
        response: { 200: CustomerFacets },
      },
    },
    async (request) => listCustomerFacets(ctx, actorOf(request), request.query.companyId),
  );

  app.get(
    "/api/customers/:id",
    { ...read, schema: { tags: ["customers"], params: ById, response: { 200: CustomerDetail } } },
    async (request) => getCustomer(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/customers/:id/invoices",
    {
      ...read,
      schema: {
        tags: ["customers"],
        params: ById,
        querystring: CustomerInvoicesQuery,
        response: { 200: z.object({ items: z.array(InvoiceListItem) }) },
      },
    },
    async (request) => {
      // The list is already limited to the actor's portfolio: only an empty one needs to know which it is.
      const list = await listCustomerInvoices(ctx, actorOf(request), request.params.id, request.query.status);
      if (list.items.length === 0) await assertCustomerVisible(ctx, actorOf(request), request.params.id);
      return list;
    },
  );

  app.get(
    "/api/customers/:id/contacts",
    { ...read, schema: { tags: ["customers"], params: ById, response: { 200: ContactList } } },
    async (request) => listContacts(ctx, actorOf(request), request.params.id),
  );

  const manage = { onRequest: requireRoles(MANAGER_ROLES) };
  app.put(
    "/api/customers/:id/credit",
    {
      ...manage,
      schema: {
        tags: ["customers"],
        params: ById,
        body: CreditSettingsInput,
        response: { 200: CustomerDetail },
      },
    },
    async (request) => setCreditSettings(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/customer-groups",
    {
      ...read,
      schema: {
        tags: ["customers"],
        querystring: z.object({ companyId: IdParam }),
        response: { 200: CustomerGroupList },
      },
    },
    async (request) => listCustomerGroups(ctx, request.query.companyId),
  );
  app.put(
    "/api/customer-groups",
    {
      ...manage,
      schema: { tags: ["customers"], body: SaveCustomerGroupInput, response: { 200: CustomerGroup } },
    },
    async (request) => saveCustomerGroup(ctx, actorOf(request), request.body),
  );

  app.get(
    "/api/customers/:id/timeline",
    {
      ...read,
      schema: { tags: ["customers"], params: ById, querystring: TimelineQuery, response: { 200: Timeline } },
    },
    async (request) => {
      await assertCustomerVisible(ctx, actorOf(request), request.params.id);
      return listTimeline(ctx, request.params.id, request.query);
    },
  );
}
