import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { useMe } from "../auth/use-me";

/** The home page: collectors and sales reps start on their agenda, everyone else on the customer list. */
export function HomeRedirect(): ReactNode {
  const role = useMe()?.user.role;
  const home = role === "collector" || role === "sales" ? "/agenda" : "/customers";
  return <Navigate to={home} replace />;
}
