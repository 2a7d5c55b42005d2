import { z } from "zod";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { MANAGER_ROLES, READ_ROLES } from "../users/users.rules";
import type { Role } from "../users/users.schemas";
import { selectCollectors } from "./agenda.repo";
import {
  Agenda,
  AgendaQuery,
  CollectorList,
  PrioritySettings,
  PrioritySettingsQuery,
  ReassignInput,
  ReassignResult,
  SavePrioritySettings,
  Snooze,
  SnoozeInput,
} from "./agenda.schemas";
import { addNote, listNotes, pinNote } from "./customer-notes";
import { getAgenda } from "./get-agenda";
import { AddNoteInput, Note, NoteList, PinNoteInput } from "./notes.schemas";
import { getPrioritySettings, savePrioritySettings } from "./priority-settings";
import { reassignCustomers } from "./reassign-customers";
import { snoozeAgendaItem } from "./snooze-agenda-item";

/** Who may put an agenda item aside or write a note: the people who work customers, and sales reps on their own. */
const SNOOZE_ROLES: readonly Role[] = ["admin", "credit_manager", "collector", "sales"];

/** The agenda ("my day"), its weights, snoozes and the reassignment of customers. */
export function agendaRoutes(app: App, ctx: AppContext): void {
  const tags = ["agenda"];
  const read = { onRequest: requireRoles(READ_ROLES) };
  const manage = { onRequest: requireRoles(MANAGER_ROLES) };

  app.get(
    "/api/agenda",
    { ...read, schema: { tags, querystring: AgendaQuery, response: { 200: Agenda } } },
    async (request) => getAgenda(ctx, actorOf(request), request.query),
  );
  app.get(
    "/api/agenda/weights",
    { ...read, schema: { tags, querystring: PrioritySettingsQuery, response: { 200: PrioritySettings } } },
    async (request) => getPrioritySettings(ctx, request.query.companyId),
  );
  app.put(
    "/api/agenda/weights",
    { ...manage, schema: { tags, body: SavePrioritySettings, response: { 200: PrioritySettings } } },
    async (request) => savePrioritySettings(ctx, actorOf(request), request.body),
  );
  app.post(
    "/api/agenda/snooze",
    {
      onRequest: requireRoles(SNOOZE_ROLES),
      schema: { tags, body: SnoozeInput, response: { 201: Snooze } },
    },
    async (request, reply) =>
      reply.code(201).send(await snoozeAgendaItem(ctx, actorOf(request), request.body)),
  );
  app.post(
    "/api/agenda/reassign",
    { ...manage, schema: { tags, body: ReassignInput, response: { 200: ReassignResult } } },
    async (request) => reassignCustomers(ctx, actorOf(request), request.body),
  );
  const ById = z.object({ id: IdParam });
  const notes = { tags: ["workbench"], params: ById };
  app.get(
    "/api/customers/:id/notes",
    { ...read, schema: { ...notes, response: { 200: NoteList } } },
    async (request) => listNotes(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/customers/:id/notes",
    {
      onRequest: requireRoles(SNOOZE_ROLES),
      schema: { ...notes, body: AddNoteInput, response: { 201: Note } },
    },
    async (request, reply) =>
      reply.code(201).send(await addNote(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/notes/:id/pin",
    {
      onRequest: requireRoles(SNOOZE_ROLES),
      schema: { ...notes, body: PinNoteInput, response: { 200: Note } },
    },
    async (request) => pinNote(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/agenda/collectors",
    { ...read, schema: { tags, response: { 200: CollectorList } } },
    async () => ({ items: await selectCollectors(ctx.db) }),
  );
}
