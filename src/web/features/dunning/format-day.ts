const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-04-06" → "lundi 6 avril 2026" (fr-FR) / "Monday 6 April 2026" (en-GB), the day never shifted. */
export function formatLongDate(isoDate: string, locale: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    formatters.set(locale, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)));
}

/** The long date as a heading: "Lundi 6 avril 2026" (the French weekday takes a capital at the start). */
export function formatDayHeading(isoDate: string, locale: string): string {
  const text = formatLongDate(isoDate, locale);
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
