/**
 * Amount thresholds stay decimal strings ("5000.00"), never floats. What the user types ("5 000,50",
 * "5000.5") becomes the API's form; what is stored is shown back with the locale's decimal mark.
 */
export function toDecimalString(typed: string): string {
  return typed.replace(/[\s\u00a0\u202f']/g, "").replace(",", ".");
}

export function decimalMark(locale: string): string {
  return (
    new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? "."
  );
}

export function toDecimalInput(value: string, locale: string): string {
  return value.replace(".", decimalMark(locale));
}
