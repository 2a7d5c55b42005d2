import { type SQL, sql } from "drizzle-orm";
import { CURRENCY_EXPONENTS } from "../shared/currencies";

const SPECIAL_EXPONENTS = Object.entries(CURRENCY_EXPONENTS).filter(([, exponent]) => exponent !== 2);

/** SQL of a currency column's minor-unit exponent (2 unless ISO 4217 says otherwise). */
export function exponentSql(currencyColumn: string): string {
  const special = SPECIAL_EXPONENTS.map(([code, exponent]) => `when '${code}' then ${exponent}`).join(" ");
  return `(case ${currencyColumn} ${special} else 2 end)`;
}

/** 10^exponent of a currency column: thresholds are written in major units, amounts stored in minor units. */
export function minorFactorSql(currencyColumn: string): string {
  const special = SPECIAL_EXPONENTS.map(([code, exponent]) => `when '${code}' then ${10 ** exponent}`).join(
    " ",
  );
  return `(case ${currencyColumn} ${special} else 100 end)`;
}

/** SQL text of an amount in major units ("1200.50", "-288.02", "1000" for JPY), from minor units and currency columns. */
export function decimalSql(minorColumn: string, currencyColumn: string): SQL {
  const exponent = exponentSql(currencyColumn);
  return sql.raw(`round(${minorColumn}::numeric / (10::numeric ^ ${exponent}), ${exponent})::text`);
}
