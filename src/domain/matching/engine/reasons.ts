import type { Reason, ReasonCode } from "./engine.types";

export function reason(code: ReasonCode, values: Reason["values"] = {}): Reason {
  return { code, values };
}
