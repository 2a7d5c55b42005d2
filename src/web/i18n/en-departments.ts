import type { frDepartments } from "./fr-departments";

/** English texts of a company's departments, which own disputes: the settings page and the pickers. */
export const enDepartments: Record<keyof typeof frDepartments, string> = {
  "nav.departments": "Departments",
  "departments.title": "Departments",
  "departments.subtitle":
    "The departments (sales administration, logistics, quality…) a dispute can be given to, with or without an owner. Each dispute given to a department is sent to it by an internal email, in the company's language. A department that no longer handles disputes is deactivated: it is no longer offered, its disputes keep it.",
  "departments.company": "Company",
  "departments.col.name": "Name",
  "departments.col.email": "Email address",
  "departments.col.active": "Active",
  "departments.col.disputes": "Disputes (active)",
  "departments.nameOf": "Name of the department {name}",
  "departments.emailOf": "Email address of the department {name}",
  "departments.activeOf": "{name} offered when opening a dispute",
  "departments.save": "Save {name}",
  "departments.saveLabel": "Save",
  "departments.saved": "Departments saved",
  "departments.addTitle": "New department",
  "departments.add": "Add the department",
  "departments.emailHint": "One address, e.g. a shared mailbox",
  "departments.empty": "No department yet",
  "departments.disputeCount": "{total} ({active})",
  "workbench.dispute.department": "Department",
  "workbench.dispute.noDepartment": "No department",
  "workbench.dispute.departmentOf": "Department: {name}",
  "workbench.dispute.col.ownerDepartment": "Owner / department",
  "workbench.timeline.department": "department: {name}",
  "workbench.disputes.department": "Department",
  "workbench.disputes.departmentAll": "All departments",
};
