import { notFound } from "../../shared/errors";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { findNote, insertNote, type NoteRow, selectNotes, updatePinned } from "./notes.repo";
import type { AddNoteInput, Note, NoteList, PinNoteInput } from "./notes.schemas";
import { getWorkCustomer } from "./work-customer";

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    customerId: row.customer_id,
    body: row.body,
    isPinned: row.is_pinned,
    author: row.author_id === null ? null : { id: row.author_id, name: row.author_name ?? "" },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** A customer's notes, pinned ones first (the customer file shows those at the top). */
export async function listNotes(ctx: AppContext, actor: Actor, customerId: number): Promise<NoteList> {
  await getWorkCustomer(ctx, actor, customerId);
  return { items: (await selectNotes(ctx.db, customerId)).map(toNote) };
}

/** A note on the customer, pinned or not, with its timeline entry. */
export async function addNote(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  input: AddNoteInput,
): Promise<Note> {
  const customer = await getWorkCustomer(ctx, actor, customerId);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const noteId = await insertNote(tx, {
      customerId,
      authorId: actor.userId,
      body: input.body,
      isPinned: input.isPinned,
      now,
    });
    await recordActivity(tx, {
      companyId: customer.company_id,
      customerId,
      type: "note",
      actorId: actor.userId,
      occurredAt: now,
      summary: input.body,
      data: { noteId, isPinned: input.isPinned },
    });
    return noteId;
  });
  const row = await findNote(ctx.db, id);
  if (!row) throw notFound("Note", id);
  return toNote(row);
}

/** Pins a note to the top of the customer file, or unpins it; the audit log keeps who did. */
export async function pinNote(
  ctx: AppContext,
  actor: Actor,
  noteId: number,
  input: PinNoteInput,
): Promise<Note> {
  const row = await findNote(ctx.db, noteId);
  if (!row) throw notFound("Note", noteId);
  await getWorkCustomer(ctx, actor, row.customer_id);
  await ctx.db.transaction(async (tx) => {
    await updatePinned(tx, { id: noteId, isPinned: input.isPinned, now: ctx.clock.now() });
    await recordAudit(tx, {
      actor,
      action: input.isPinned ? "pin" : "unpin",
      entity: "note",
      entityId: noteId,
      before: { isPinned: row.is_pinned },
      after: { isPinned: input.isPinned },
    });
  });
  return toNote({ ...row, is_pinned: input.isPinned });
}
