import type { Role } from "../domain/users/users.schemas";

export type DemoCompanyCode = "FR" | "DE";

/** Every demo account shares this password; it is printed at start so that anyone can try each role. */
export const DEMO_PASSWORD = "encours-demo";

export type DemoUser = { email: string; name: string; role: Role; language: "fr" | "de" };

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@demo.encours.app", name: "Admin Démo", role: "admin", language: "fr" },
  { email: "claire.martin@demo.encours.app", name: "Claire Martin", role: "credit_manager", language: "fr" },
  { email: "sophie.bernard@demo.encours.app", name: "Sophie Bernard", role: "collector", language: "fr" },
  { email: "julien.petit@demo.encours.app", name: "Julien Petit", role: "collector", language: "fr" },
  { email: "anna.schmidt@demo.encours.app", name: "Anna Schmidt", role: "collector", language: "de" },
  { email: "thomas.leroy@demo.encours.app", name: "Thomas Leroy", role: "sales", language: "fr" },
  { email: "lena.weber@demo.encours.app", name: "Lena Weber", role: "sales", language: "de" },
  { email: "cfo@demo.encours.app", name: "Marc Durand", role: "viewer", language: "fr" },
];

/** Who works which company's customers: French collectors for France, the German one for Germany. */
export const DEMO_STAFF: Record<DemoCompanyCode, { collectors: readonly string[]; salesRep: string }> = {
  FR: {
    collectors: ["sophie.bernard@demo.encours.app", "julien.petit@demo.encours.app"],
    salesRep: "thomas.leroy@demo.encours.app",
  },
  DE: { collectors: ["anna.schmidt@demo.encours.app"], salesRep: "lena.weber@demo.encours.app" },
};
