import { Center } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { FullPageLoader } from "../../components/full-page-loader";
import { QueryError } from "../../components/query-error";
import { meQuery } from "./auth-api";
import { loginPathFor } from "./safe-next-path";
import { useProfileLanguage } from "./use-profile-language";

/** Shows its children to a signed-in user; anyone else goes to the login page, which brings them back. */
export function RequireAuth({ children }: { children: ReactNode }): ReactNode {
  const { data: me, isPending, error, refetch } = useQuery(meQuery);
  const location = useLocation();
  useProfileLanguage(me ?? null);

  if (isPending) return <FullPageLoader />;
  if (error) {
    return (
      <Center h="100vh" p="md">
        <QueryError error={error} onRetry={() => void refetch()} />
      </Center>
    );
  }
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  return children;
}
