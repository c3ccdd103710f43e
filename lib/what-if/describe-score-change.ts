// Pure: the what-if's result in plain words. Exposure splits into the vendor's own footprint (E_f)
// and what reaches beyond it (B = E − E_f, docs/scoring.md); the two deltas are read side by side so
// that a control which only weakens the footprint does not read as amplification getting worse.

/** The parts of a vendor's score a what-if compares. */
export interface FootprintScore {
  exposure: number;
  footprintExposure: number;
  beyondFootprintExposure: number;
  amplification: number;
}

/** Below this an exposure change is shown as ±0.0, so it is no change in words either. */
const NOISE = 0.05;

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.abs(n).toFixed(0) : Math.abs(n).toFixed(1));
const percent = (share: number) => `${Math.round(share * 100)} %`;
const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);
const moves = (delta: number) => (delta < 0 ? "falls" : "rises");

function part(label: string, before: number, after: number): string {
  const delta = after - before;
  if (Math.abs(delta) < NOISE) return `${label} stays at ${fmt(after)}`;
  return `${label} ${moves(delta)} by ${fmt(delta)} (${fmt(before)} → ${fmt(after)})`;
}

/**
 * "Exposure falls by 1.9 (−1.7 %): its own footprint falls by 1.5 (12.7 → 11.2) and what reaches
 * beyond it falls by 0.4 (97.0 → 96.6). …", with a sentence on why amplification moved.
 */
export function describeScoreChange(
  vendorName: string,
  before: FootprintScore,
  after: FootprintScore,
): string {
  const dE = after.exposure - before.exposure;
  const dF = after.footprintExposure - before.footprintExposure;
  const dB = after.beyondFootprintExposure - before.beyondFootprintExposure;
  if (Math.abs(dE) < NOISE && Math.abs(dF) < NOISE && Math.abs(dB) < NOISE)
    return `The scenario does not change ${possessive(vendorName)} exposure (${fmt(before.exposure)}) or how much of it reaches beyond its own products and services.`;
  const share =
    before.exposure > 0 ? ` (${dE < 0 ? "−" : "+"}${percent(Math.abs(dE) / before.exposure)})` : "";
  const head =
    Math.abs(dE) < NOISE
      ? `${possessive(vendorName)} exposure stays at ${fmt(after.exposure)}`
      : `${possessive(vendorName)} exposure ${moves(dE)} by ${fmt(dE)}${share}`;
  const parts = `${head}: ${part("its own footprint", before.footprintExposure, after.footprintExposure)} and ${part("what reaches beyond it", before.beyondFootprintExposure, after.beyondFootprintExposure)}.`;

  const ampBefore = percent(before.amplification);
  const ampAfter = percent(after.amplification);
  if (ampBefore === ampAfter) return parts;
  const amp = `Amplification ${after.amplification > before.amplification ? "rises" : "falls"} from ${ampBefore} to ${ampAfter}`;
  if (after.amplification > before.amplification && dB <= -NOISE)
    return `${parts} ${amp} only because its own footprint fell proportionally more; what reaches beyond it fell too.`;
  if (after.amplification > before.amplification && dB < NOISE)
    return `${parts} ${amp} only because its own footprint shrank: what reaches beyond it did not grow, so the change makes nothing worse.`;
  if (after.amplification > before.amplification)
    return `${parts} ${amp}: more of what ${vendorName} can affect now passes through others' products, shared services or onward from your assets.`;
  if (dB <= -NOISE)
    return `${parts} ${amp}: the change cuts routes that lead beyond ${possessive(vendorName)} own products and services.`;
  return `${parts} ${amp}: its own footprint now accounts for more of what it reaches.`;
}
