import { isIsoDate } from "../../../shared/dates";
import { readChoice, readPositiveInt, useUrlParams } from "../../hooks/use-url-params";
import type { CalendarParams } from "./dunning-api";

export const CALENDAR_SPANS = ["7", "14", "30", "60"] as const;
export const CALENDAR_VIEWS = ["days", "customers"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** The calendar's company, start date, span and view live in the query string. */
export function useCalendarParams() {
  const { params, update } = useUrlParams();
  const rawDate = params.get("date");
  const query: CalendarParams = {
    companyId: readPositiveInt(params, "companyId"),
    date: rawDate && isIsoDate(rawDate) ? rawDate : undefined,
    days: Number(readChoice(params, "days", CALENDAR_SPANS, "14")),
  };
  const view = readChoice<CalendarView>(params, "view", CALENDAR_VIEWS, "days");
  return { query, view, update };
}
