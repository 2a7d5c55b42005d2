import { z } from "zod";
import { Ref } from "../../shared/schemas";

/**
 * HTTP API of the collector's notes on a customer (shared with the web app). Notes are collector work:
 * no import ever changes or deletes them.
 *
 * - GET  /api/customers/:id/notes              → NoteList (pinned first, then the newest)
 * - POST /api/customers/:id/notes (AddNoteInput) → 201 Note
 * - POST /api/notes/:id/pin (PinNoteInput)     → Note
 */

export const AddNoteInput = z.object({
  body: z.string().trim().min(1, "write the note").max(5000),
  isPinned: z.boolean().default(false),
});
export type AddNoteInput = z.infer<typeof AddNoteInput>;

export const PinNoteInput = z.object({ isPinned: z.boolean() });
export type PinNoteInput = z.infer<typeof PinNoteInput>;

export const Note = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  body: z.string(),
  isPinned: z.boolean(),
  author: Ref.nullable(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof Note>;

export const NoteList = z.object({ items: z.array(Note) });
export type NoteList = z.infer<typeof NoteList>;
