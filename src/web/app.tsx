import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { ErrorBoundary } from "./components/error-boundary";
import { ErrorFallback } from "./components/error-fallback";
import { NotFoundPage } from "./components/not-found-page";
import { LoginPage } from "./features/auth/login-page";
import { RequireAuth } from "./features/auth/require-auth";
import { RequireRole } from "./features/auth/require-role";
import { DUNNING_ROLES, IMPORT_ROLES } from "./features/auth/roles";
import { LettersPage } from "./features/communications/letters-page";
import { MessagesPage } from "./features/communications/messages-page";
import { TemplatesPage } from "./features/communications/templates-page";
import { CustomerPage } from "./features/customers/customer-page";
import { CustomersPage } from "./features/customers/customers-page";
import { DunningCalendarPage } from "./features/dunning/dunning-calendar-page";
import { ReviewQueuePage } from "./features/dunning/review-queue-page";
import { ImportsPage } from "./features/imports/imports-page";
import { InvoicesPage } from "./features/invoices/invoices-page";
import { DashboardPage } from "./features/kpis/dashboard-page";
import { KPI_ROLES } from "./features/kpis/kpis-api";
import { RATE_ADMIN_ROLES } from "./features/legal/legal-api";
import { ReferenceRatesPage } from "./features/legal/reference-rates-page";
import { MATCHING_READ_ROLES } from "./features/matching/matching-api";
import { MatchingPage } from "./features/matching/matching-page";
import { ScenarioPage } from "./features/scenarios/scenario-page";
import { ScenariosPage } from "./features/scenarios/scenarios-page";
import { AgendaPage } from "./features/workbench/agenda-page";
import { DEPARTMENT_ADMIN_ROLES } from "./features/workbench/departments-api";
import { DepartmentsPage } from "./features/workbench/departments-page";
import { DISPUTE_REASON_ADMIN_ROLES } from "./features/workbench/dispute-reasons-api";
import { DisputeReasonsPage } from "./features/workbench/dispute-reasons-page";
import { DisputesPage } from "./features/workbench/disputes-page";
import { HomeRedirect } from "./features/workbench/home-redirect";
import { I18nProvider } from "./i18n/i18n-provider";
import { AppLayout } from "./layout/app-layout";
import { LocalizedComponents } from "./localized-components";
import { cssVariablesResolver, theme } from "./theme";

export function AppRoutes(): ReactNode {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="customers/:id" element={<CustomerPage />} />
        <Route path="invoices" element={<InvoicesPage />} />
        <Route path="disputes" element={<DisputesPage />} />
        <Route path="agenda" element={<AgendaPage />} />
        <Route
          path="dashboard"
          element={
            <RequireRole roles={KPI_ROLES}>
              <DashboardPage />
            </RequireRole>
          }
        />
        <Route
          path="imports"
          element={
            <RequireRole roles={IMPORT_ROLES}>
              <ImportsPage />
            </RequireRole>
          }
        />
        <Route
          path="matching"
          element={
            <RequireRole roles={MATCHING_READ_ROLES}>
              <MatchingPage />
            </RequireRole>
          }
        />
        <Route path="messages" element={<MessagesPage />} />
        <Route
          path="letters"
          element={
            <RequireRole roles={DUNNING_ROLES}>
              <LettersPage />
            </RequireRole>
          }
        />
        <Route
          path="templates"
          element={
            <RequireRole roles={DUNNING_ROLES}>
              <TemplatesPage />
            </RequireRole>
          }
        />
        <Route path="dunning/calendar" element={<DunningCalendarPage />} />
        <Route
          path="dunning/review"
          element={
            <RequireRole roles={DUNNING_ROLES}>
              <ReviewQueuePage />
            </RequireRole>
          }
        />
        <Route
          path="scenarios"
          element={
            <RequireRole roles={DUNNING_ROLES}>
              <ScenariosPage />
            </RequireRole>
          }
        />
        <Route
          path="scenarios/:id"
          element={
            <RequireRole roles={DUNNING_ROLES}>
              <ScenarioPage />
            </RequireRole>
          }
        />
        <Route
          path="settings/reference-rates"
          element={
            <RequireRole roles={RATE_ADMIN_ROLES}>
              <ReferenceRatesPage />
            </RequireRole>
          }
        />
        <Route
          path="settings/dispute-reasons"
          element={
            <RequireRole roles={DISPUTE_REASON_ADMIN_ROLES}>
              <DisputeReasonsPage />
            </RequireRole>
          }
        />
        <Route
          path="settings/departments"
          element={
            <RequireRole roles={DEPARTMENT_ADMIN_ROLES}>
              <DepartmentsPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }): ReactNode {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nProvider>
        <LocalizedComponents>
          <ErrorBoundary fallback={(error, reset) => <ErrorFallback error={error} onReset={reset} />}>
            <QueryClientProvider client={queryClient}>
              <Notifications position="top-right" />
              <BrowserRouter>
                <AppRoutes />
              </BrowserRouter>
            </QueryClientProvider>
          </ErrorBoundary>
        </LocalizedComponents>
      </I18nProvider>
    </MantineProvider>
  );
}
