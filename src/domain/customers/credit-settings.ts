import { notFound, validationError } from "../../shared/errors";
import { parseMajor } from "../../shared/money";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import { listCompanies } from "../companies/list-companies";
import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import { assertRole, MANAGER_ROLES, portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import {
  countGroupMembers,
  findGroup,
  selectGroupExposure,
  selectGroups,
  updateCreditSettings,
  upsertGroup,
} from "./credit.repo";
import { findCustomer } from "./customers.repo";
import type {
  CreditSettingsInput,
  CustomerDetail,
  CustomerGroup,
  CustomerGroupList,
  SaveCustomerGroupInput,
} from "./customers.schemas";
import { getCustomer } from "./get-customer";

/** A limit in major units of `currency`, zero or more; null stays null. */
function limitMinor(text: string | null, currency: string, field: string): number | null {
  if (text === null) return null;
  try {
    const amount = parseMajor(text, currency);
    if (amount.minor >= 0) return amount.minor;
  } catch (error) {
    const message = error instanceof RangeError ? error.message : "is not an amount";
    throw validationError("Invalid credit limit", [{ field, value: text, message }]);
  }
  throw validationError("Invalid credit limit", [{ field, value: text, message: "must be zero or more" }]);
}

/** A credit manager sets a customer's credit limit and group; imports keep the limit set here. */
export async function setCreditSettings(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  input: CreditSettingsInput,
): Promise<CustomerDetail> {
  assertRole(actor, MANAGER_ROLES);
  const row = await findCustomer(ctx.db, customerId, portfolioScope(actor));
  if (!row) throw notFound("Customer", customerId);
  const creditLimitMinor = limitMinor(input.creditLimit, row.currency, "creditLimit");
  if (input.groupKey !== null && !(await findGroup(ctx.db, row.company_id, input.groupKey))) {
    throw validationError("Unknown group", [
      { field: "groupKey", value: input.groupKey, message: `is not a group of company ${row.company_code}` },
    ]);
  }
  const now = ctx.clock.now();
  const before = {
    creditLimit: row.credit_limit_minor === null ? null : decimal(row.credit_limit_minor, row.currency),
    groupKey: row.group_key,
  };
  const after = {
    creditLimit: creditLimitMinor === null ? null : decimal(creditLimitMinor, row.currency),
    groupKey: input.groupKey,
  };
  await ctx.db.transaction(async (tx) => {
    await updateCreditSettings(tx, { id: customerId, creditLimitMinor, groupKey: input.groupKey, now });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "customer_credit",
      entityId: customerId,
      before,
      after,
    });
    await recordActivity(tx, {
      companyId: row.company_id,
      customerId,
      type: "credit_settings_changed",
      actorId: actor.userId,
      occurredAt: now,
      summary: `Credit limit ${before.creditLimit ?? "—"} → ${after.creditLimit ?? "—"} ${row.currency}${
        before.groupKey === after.groupKey
          ? ""
          : `, group ${before.groupKey ?? "—"} → ${after.groupKey ?? "—"}`
      }`,
      data: { before, after, currency: row.currency },
    });
  });
  return getCustomer(ctx, actor, customerId);
}

async function groupOf(
  ctx: AppContext,
  companyId: number,
  row: Awaited<ReturnType<typeof selectGroups>>[number],
) {
  const [exposure, members] = await Promise.all([
    selectGroupExposure(ctx.db, { companyId, key: row.key, currency: row.currency }),
    countGroupMembers(ctx.db, companyId, row.key),
  ]);
  return {
    key: row.key,
    name: row.name,
    creditLimit: row.creditLimitMinor === null ? null : decimal(row.creditLimitMinor, row.currency),
    currency: row.currency,
    exposure: decimal(exposure, row.currency),
    members,
  } satisfies CustomerGroup;
}

/** The groups of companies of a company, with their limit, exposure and number of customers. */
export async function listCustomerGroups(ctx: AppContext, companyId: number): Promise<CustomerGroupList> {
  const rows = await selectGroups(ctx.db, companyId);
  return { items: await Promise.all(rows.map((row) => groupOf(ctx, companyId, row))) };
}

/** Creates or renames a group and sets its limit, in the company's currency. */
export async function saveCustomerGroup(
  ctx: AppContext,
  actor: Actor,
  input: SaveCustomerGroupInput,
): Promise<CustomerGroup> {
  assertRole(actor, MANAGER_ROLES);
  const company = (await listCompanies(ctx)).items.find((c) => c.id === input.companyId);
  if (!company) throw notFound("Company", input.companyId);
  const creditLimitMinor = limitMinor(input.creditLimit, company.currency, "creditLimit");
  await ctx.db.transaction(async (tx) => {
    const before = await findGroup(tx, company.id, input.key);
    await upsertGroup(tx, {
      companyId: company.id,
      key: input.key,
      name: input.name,
      creditLimitMinor,
      currency: before?.currency ?? company.currency,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, {
      actor,
      action: before ? "update" : "create",
      entity: "customer_group",
      entityId: `${company.id}:${input.key}`,
      before,
      after: { name: input.name, creditLimit: input.creditLimit },
    });
  });
  const saved = await findGroup(ctx.db, company.id, input.key);
  if (!saved) throw notFound("Customer group", input.key);
  return groupOf(ctx, company.id, saved);
}
