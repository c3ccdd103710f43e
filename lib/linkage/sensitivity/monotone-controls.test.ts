/**
 * Property (issue 12): for every question with an ordered control scale, a stronger answer never
 * raises a reference vendor's exposure — whatever a few other answers are (drawn from the answers
 * the sensitivity report tries).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { getLatestOtSupplierBaselineTemplate, type Question } from "../../questionnaire";
import { CONTROL_SCALES } from "./control-scales";
import { HMI_REFERENCE, PLC_REFERENCE } from "./reference-vendors";
import { adaptAnswers, referenceExposure } from "./sensitivity-report";

const template = getLatestOtSupplierBaselineTemplate();
const questions = template.sections.flatMap((s) => s.questions);
const byId = new Map(questions.map((q) => [q.id, q]));

/** Known answers of a choice or yes/no question. */
function knownChoices(q: Question): string[] {
  if (q.type === "yesno") return ["yes", "no"];
  if (q.type === "single_choice") return q.choices.filter((c) => !c.unknown).map((c) => c.id);
  return [];
}

/** Scales of whole questions (choices strongest first), as present in this template. */
const scales = Object.entries(CONTROL_SCALES).flatMap(([id, scale]) => {
  const q = byId.get(id);
  if (!q || !("order" in scale)) return [];
  const order = scale.order.filter((c) => knownChoices(q).includes(c));
  return order.length >= 2 ? [{ id, order }] : [];
});
const perturbable = questions.filter((q) => knownChoices(q).length > 0);

describe("a stronger control never raises exposure", () => {
  it("covers the ordered scales of the template", () => {
    expect(scales.length).toBeGreaterThanOrEqual(30);
  });

  it("holds for random scale questions under random other answers (both reference vendors)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(PLC_REFERENCE, HMI_REFERENCE),
        fc.constantFrom(...scales),
        fc.array(fc.tuple(fc.constantFrom(...perturbable), fc.nat()), { maxLength: 3 }),
        (ref, scale, changes) => {
          const answers = adaptAnswers(template, ref.answers);
          for (const [q, n] of changes) {
            if (q.id === scale.id) continue;
            const options = knownChoices(q);
            answers[q.id] = options[n % options.length]!;
          }
          const exposures = scale.order.map((choice) =>
            referenceExposure(template, ref, { ...answers, [scale.id]: choice }),
          );
          for (let i = 1; i < exposures.length; i++) {
            expect(
              exposures[i - 1]!,
              `${ref.id} ${scale.id}: ${scale.order[i - 1]} vs ${scale.order[i]} with ${JSON.stringify(changes.map(([q, n]) => [q.id, n]))}`,
            ).toBeLessThanOrEqual(exposures[i]! + 1e-9);
          }
        },
      ),
      { numRuns: 60, seed: 20261203 },
    );
    // 60 runs score a 40-unit reference fleet a few times each: ~10 s alone, more on a shared machine.
  }, 180_000);
});
