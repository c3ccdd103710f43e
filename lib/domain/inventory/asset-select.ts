import "server-only";

/** The columns that describe an asset wherever one is shown or compared (list, page, deployment, import). */
export const ASSET_FIELDS_SELECT = {
  id: true,
  name: true,
  type: true,
  criticality: true,
  safetyImpact: true,
  site: true,
  zone: true,
} as const;
