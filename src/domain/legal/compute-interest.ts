import type { AppContext } from "../context";
import { loadRateTable } from "./ensure-reference-rates";
import { computeInterest } from "./interest.rules";
import { toInterestCase } from "./interest-case";
import { toInterestResult } from "./interest-result";
import type { InterestInput, InterestResult } from "./legal.schemas";

/** `encours interest` and `POST /api/interest`: one case, on the rates of the database. */
export async function computeInterestOf(ctx: AppContext, input: InterestInput): Promise<InterestResult> {
  const interestCase = toInterestCase(input);
  const table = await loadRateTable(ctx);
  return toInterestResult(interestCase, computeInterest(interestCase, table));
}
