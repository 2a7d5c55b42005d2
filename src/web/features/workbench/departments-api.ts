import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Role } from "../../../domain/users/users.schemas";
import type {
  AddDepartmentInput,
  DepartmentEntry,
  DepartmentList,
  UpdateDepartmentInput,
} from "../../../domain/workbench/departments.schemas";
import { api } from "../../api/api-client";
import { WORKBENCH_QUERY_KEY } from "./workbench-api";

/** Only an administrator edits the departments; the API checks the same role. */
export const DEPARTMENT_ADMIN_ROLES: readonly Role[] = ["admin"];

export const DEPARTMENTS_QUERY_KEY = ["departments"] as const;

export function departmentsQuery(companyId: number) {
  return queryOptions({
    queryKey: [...DEPARTMENTS_QUERY_KEY, companyId],
    queryFn: ({ signal }) =>
      api.get<DepartmentList>(`/companies/${companyId}/departments`, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

const base = (companyId: number) => `/companies/${companyId}/departments`;

export const departmentsApi = {
  add: (companyId: number, input: z.input<typeof AddDepartmentInput>): Promise<DepartmentList> =>
    api.post<DepartmentList>(base(companyId), input),
  update: (
    companyId: number,
    departmentId: number,
    input: z.input<typeof UpdateDepartmentInput>,
  ): Promise<DepartmentList> => api.patch<DepartmentList>(`${base(companyId)}/${departmentId}`, input),
};

/**
 * A company's departments for a picker: the active ones for the dispute forms, all of them for a filter
 * (empty while the company is unknown).
 */
export function useDepartments(
  companyId: number | undefined,
  { isActiveOnly }: { isActiveOnly: boolean },
): { items: DepartmentEntry[]; isLoading: boolean } {
  const query = useQuery({ ...departmentsQuery(companyId ?? 0), enabled: companyId !== undefined });
  return {
    items: (query.data?.items ?? []).filter((item) => item.isActive || !isActiveOnly),
    isLoading: query.isPending && companyId !== undefined,
  };
}

/** Runs one change of the departments and puts the list the API answers in the cache. */
export function useDepartmentChange(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: (companyId: number) => Promise<DepartmentList>) => change(companyId),
    onSuccess: (list) => {
      client.setQueryData(departmentsQuery(companyId).queryKey, list);
      // A rename shows in the dispute lists.
      void client.invalidateQueries({ queryKey: WORKBENCH_QUERY_KEY });
    },
  });
}
