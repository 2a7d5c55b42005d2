import { readPageSize } from "../../hooks/page-size";
import { type ParamValue, readPositiveInt, useUrlParams } from "../../hooks/use-url-params";
import { IMPORT_KINDS } from "./import-files";
import type { ImportHistoryParams } from "./imports-api";

/** The history's filters and page, kept in the query string like the other lists. */
export function useImportHistoryParams(): {
  params: ImportHistoryParams;
  update(changes: Partial<Record<keyof ImportHistoryParams, ParamValue>>): void;
} {
  const { params, update } = useUrlParams();
  const kind = params.get("kind");
  return {
    params: {
      page: readPositiveInt(params, "page") ?? 1,
      pageSize: readPageSize(params),
      companyId: readPositiveInt(params, "companyId"),
      kind: IMPORT_KINDS.find((value) => value === kind),
    },
    update,
  };
}
