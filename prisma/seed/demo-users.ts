// The demo's sign-ins, apart from the seed itself: Playwright specs import them without loading the
// server-only use cases the seed runs.
export const DEMO_PASSWORD = "trustmap-demo";

export const DEMO_USERS = {
  admin: "admin@northwind.test",
  procurement: "procurement@northwind.test",
  risk: "risk@northwind.test",
  supplier: "supplier@helix-controls.test",
  otherOrgAdmin: "admin@southbridge.test",
} as const;
