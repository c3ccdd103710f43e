// Public surface of linkage extraction: pure, framework-free (answers + template + inventory → linkages).
export { extractLinkages, resolveExtractionConfig } from "./extract-linkages";
export {
  componentKey,
  formatPurl,
  normalizeComponentName,
  normalizeCpe,
  normalizePurl,
  normalizeVersion,
  parsePurl,
  resolveComponentIdentity,
  type ComponentIdentity,
  type ComponentKeyBasis,
  type ParsedPurl,
  type ResolvedComponentIdentity,
} from "./component-identity";
export { toGraphDocument, type ToGraphDocumentOptions } from "./to-graph-document";
export { computeInheritedExposure, firmwareNodeKey, type InheritedExposure } from "./inherited-exposure";
export * from "./types";
export { BUYER_CONTROLS, BUYER_CONTROL_RULES, type BuyerControl } from "./buyer-controls";
export {
  BUYER_CONTROL_LABELS,
  indexBuyerControls,
  weightWithBuyerControls,
  type BuyerControlLabel,
  type BuyerControlSource,
  type BuyerControlTarget,
} from "./buyer-control-targets";
