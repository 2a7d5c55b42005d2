import { compareDates, type IsoDate } from "../../shared/dates";
import { DomainError, notFound, validationError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import { listCompanies } from "../companies/list-companies";
import type { AppContext } from "../context";
import { assertRole } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { reportOf } from "./kpi-report";
import {
  deleteSnapshot,
  insertSnapshot,
  type SnapshotRow,
  type SnapshotSource,
  selectCompanyRows,
  selectSnapshotDates,
  setWholeTablePlans,
} from "./kpi-snapshots.repo";
import { ALL_KEY } from "./kpis.repo";
import type { KpiReport } from "./kpis.schemas";
import { selectComponents } from "./kpis-components.repo";

/** Only these roles may replace a stored snapshot; the scheduler and the CLI act as the system (admin). */
export const RECOMPUTE_ROLES = ["admin", "credit_manager"] as const;

export type TakeSnapshotInput = {
  companyId: number;
  date: IsoDate;
  /** Replace an existing snapshot: explicit, restricted and written to the audit log. */
  recompute?: boolean;
  source: SnapshotSource;
};

export type SnapshotResult = {
  companyId: number;
  date: IsoDate;
  /** `stored`: it existed and is returned as it is; `created`; `recomputed`. */
  outcome: "stored" | "created" | "recomputed";
  rows: number;
  /** The company-wide figures, one per currency (the CLI contract's objects). */
  items: KpiReport[];
};

type Company = { id: number; code: string; currency: string; timeZone: string };

export async function companyOf(ctx: AppContext, companyId: number): Promise<Company> {
  const company = (await listCompanies(ctx)).items.find((c) => c.id === companyId);
  if (!company) throw notFound("company", companyId);
  return company;
}

/**
 * Takes the KPI snapshot of one company for one date: every currency, segment and collector, computed by
 * one grouped statement (GROUPING SETS) from the history known on that date, and written in one
 * transaction. A snapshot that exists is returned as it is, never recomputed silently; `recompute`
 * replaces it and leaves the before/after figures in the audit log. A date after the company's today is
 * refused: its snapshot would freeze a day that is not over.
 */
export async function takeKpiSnapshot(
  ctx: AppContext,
  actor: Actor,
  input: TakeSnapshotInput,
): Promise<SnapshotResult> {
  if (input.recompute) assertRole(actor, RECOMPUTE_ROLES);
  const company = await companyOf(ctx, input.companyId);
  const today = ctx.clock.today(company.timeZone);
  if (compareDates(input.date, today) > 0) {
    throw validationError(
      `No KPI snapshot of a future day: ${input.date} is after ${today} in ${company.code}`,
      [{ field: "date", value: input.date, message: `is after today (${today}) in ${company.timeZone}` }],
    );
  }
  return ctx.db.transaction(async (tx) => {
    const exists = (await selectSnapshotDates(tx, company.id, [input.date])).size > 0;
    if (exists && !input.recompute) {
      const items = await selectCompanyRows(tx, company.id, input.date);
      return { companyId: company.id, date: input.date, outcome: "stored" as const, rows: 0, items };
    }
    const before = exists ? await selectCompanyRows(tx, company.id, input.date) : [];
    await setWholeTablePlans(tx);
    if (exists) await deleteSnapshot(tx, company.id, input.date);
    const rows = await snapshotRows(tx, company, input.date);
    const written = await insertSnapshot(tx, company.id, rows, {
      source: input.source,
      recomputedAt: exists ? ctx.clock.now() : null,
    });
    const items = rows.filter(isCompanyWide).map((r) => r.report);
    if (exists) {
      await recordAudit(tx, {
        actor,
        action: "kpi_snapshot.recompute",
        entity: "kpi_snapshot",
        entityId: `${company.code}:${input.date}`,
        before: { items: before },
        after: { items, rows: written },
      });
    }
    if (written === 0 && !exists) {
      throw new DomainError(
        "CONFLICT",
        `The KPI snapshot of ${company.code} for ${input.date} was taken meanwhile`,
      );
    }
    return {
      companyId: company.id,
      date: input.date,
      outcome: exists ? ("recomputed" as const) : ("created" as const),
      rows: written,
      items,
    };
  });
}

function isCompanyWide(row: SnapshotRow): boolean {
  return row.segmentKey === ALL_KEY && row.collectorKey === ALL_KEY;
}

async function snapshotRows(
  tx: Parameters<typeof selectComponents>[0],
  company: Company,
  date: IsoDate,
): Promise<SnapshotRow[]> {
  const components = await selectComponents(
    tx,
    { companyId: company.id, portfolio: { kind: "all" } },
    date,
    "all",
  );
  const rows: SnapshotRow[] = [];
  for (const c of components.values()) {
    if (c.stock === null) continue;
    rows.push({ ...c, date, report: reportOf(c, c.currency, date) });
  }
  // A company without items yet still has its (all zero) row, so that the day counts as taken.
  if (rows.length === 0) {
    rows.push({
      currency: company.currency,
      segmentKey: ALL_KEY,
      collectorKey: ALL_KEY,
      date,
      report: reportOf(null, company.currency, date),
    });
  }
  return rows.sort((a, b) => a.currency.localeCompare(b.currency));
}
