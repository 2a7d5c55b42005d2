/** ISO weekday (1 = Monday … 7 = Sunday) in the locale's words: "lundi", "Monday". */
export function weekdayName(isoDay: number, locale: string, width: "long" | "short" = "long"): string {
  // 1 January 2024 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isoDay, 12));
  const name = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" }).format(date);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
