import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/notifications/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { setCsrfToken } from "./api/api-client";
import { createQueryClient } from "./api/create-query-client";
import { App } from "./app";
import { ME_QUERY_KEY } from "./features/auth/auth-api";

const queryClient = createQueryClient(() => {
  // The session is gone: forget the user, and <RequireAuth> sends them to the login page.
  setCsrfToken(null);
  queryClient.setQueryData(ME_QUERY_KEY, null);
});

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
