import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../domain/context";
import { runScheduledDunning } from "../domain/dunning/run-scheduled";
import { takeScheduledSnapshots } from "../domain/kpis/take-scheduled-snapshots";

export type Scheduler = { stop(): Promise<void> };

/**
 * Runs the day's dunning for every company once its day begins, then checks again every interval.
 * A failed tick is logged and retried at the next one; nothing is kept in memory between ticks.
 */
export function startScheduler(
  ctx: AppContext,
  logger: FastifyBaseLogger,
  intervalSeconds: number,
): Scheduler {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runScheduledDunning(ctx)
      .then((runs) => {
        for (const run of runs) logger.info(run, "dunning run");
      })
      .catch((error: unknown) => logger.error({ err: error }, "dunning run failed"))
      // After the day's dunning: yesterday's KPI snapshot of each company, once.
      .then(() => takeScheduledSnapshots(ctx))
      .then((snapshots) => {
        for (const snapshot of snapshots) logger.info(snapshot, "kpi snapshot");
      })
      .catch((error: unknown) => logger.error({ err: error }, "kpi snapshot failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  setImmediate(tick);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
