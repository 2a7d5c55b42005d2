import { useQuery } from "@tanstack/react-query";
import type { Me } from "../../../domain/users/users.schemas";
import { meQuery } from "./auth-api";

/** The signed-in user, or null (not signed in, or not known yet). */
export function useMe(): Me | null {
  return useQuery(meQuery).data ?? null;
}
