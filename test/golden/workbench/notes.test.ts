import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client";
import type { Note } from "../../../src/domain/workbench/notes.schemas";
import { fixedClock } from "../../../src/shared/clock";
import { openTestDatabase } from "../../helpers/db";
import { importCsv } from "../../helpers/imports";
import { makeWorkbenchWorld, type WorkbenchWorld } from "./workbench-world";

/** Notes on the customer file: pinned ones first, and none of them touched by an import of the customer. */
let handle: DatabaseHandle;
let w: WorkbenchWorld;

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeWorkbenchWorld(handle);
});
afterAll(async () => {
  await w?.app.close();
  await handle?.close();
});

const notesOf = async (customerId = w.customers.A): Promise<Note[]> =>
  (await w.sessions.sophie.get(`/api/customers/${customerId}/notes`)).json().items;

describe("notes", () => {
  it("adds notes, pins one to the top, and an import of the customer leaves them as they are", async () => {
    const add = (body: object) =>
      w.sessions.sophie.send("POST", `/api/customers/${w.customers.A}/notes`, body);
    expect((await add({ body: "  " })).statusCode).toBe(400);
    const first: Note = (await add({ body: "Toujours payer par virement, jamais par chèque" })).json();
    const second = await add({ body: "Comptable absente le mercredi" });
    expect(second.statusCode).toBe(201);
    expect((await notesOf()).map((n) => n.body)).toEqual([
      "Comptable absente le mercredi",
      "Toujours payer par virement, jamais par chèque",
    ]);
    const pinned = await w.sessions.sophie.send("POST", `/api/notes/${first.id}/pin`, { isPinned: true });
    expect(pinned.json()).toMatchObject({ id: first.id, isPinned: true, author: { name: "Sophie Bernard" } });
    expect((await notesOf()).map((n) => [n.body, n.isPinned])).toEqual([
      ["Toujours payer par virement, jamais par chèque", true],
      ["Comptable absente le mercredi", false],
    ]);

    const report = await importCsv(
      { db: handle.db, clock: fixedClock("2026-03-02T10:00:00Z") },
      "customers",
      "external_ref;name;company;segment;currency\nA;A (nouveau nom);WB;key_accounts;EUR\n",
    );
    expect(report).toMatchObject({ status: "succeeded", updated: 1, errors: [] });
    const customer = await handle.db.execute<{ name: string }>(
      sql`select name from customer where id = ${w.customers.A}`,
    );
    expect(customer.rows[0]?.name).toBe("A (nouveau nom)");
    expect((await notesOf()).map((n) => [n.body, n.isPinned])).toEqual([
      ["Toujours payer par virement, jamais par chèque", true],
      ["Comptable absente le mercredi", false],
    ]);
  });

  it("keeps another collector's customers' notes out of reach", async () => {
    expect((await w.sessions.sophie.get(`/api/customers/${w.customers.X}/notes`)).statusCode).toBe(404);
    const note: Note = (await notesOf())[0] as Note;
    expect(
      (await w.sessions.julien.send("POST", `/api/notes/${note.id}/pin`, { isPinned: false })).statusCode,
    ).toBe(404);
    expect(
      (await w.sessions.viewer.send("POST", `/api/notes/${note.id}/pin`, { isPinned: false })).statusCode,
    ).toBe(403);
  });
});
