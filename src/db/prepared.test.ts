import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/helpers/db";
import type { DatabaseHandle } from "./client";
import { executePrepared } from "./prepared";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe("executePrepared", () => {
  it("prepares a statement again on a new connection, even where connections share one session", async () => {
    const read = () => executePrepared<{ n: number }>(handle.db, "probe", sql`select ${41}::int + 1 as n`);
    expect((await read()).rows).toEqual([{ n: 42 }]);
    // Close the pooled connection, as the pool does with an idle one: the next read opens another. On the
    // embedded database it reaches the same session, which still holds the statement.
    const client = await handle.pool.connect();
    client.release(true);
    expect((await read()).rows).toEqual([{ n: 42 }]);
  });
});
