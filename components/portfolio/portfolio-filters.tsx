import Link from "next/link";

import { TIER_LABEL } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { STATUS_LABELS } from "@/lib/assessment/status-machine";
import type { PortfolioQuery } from "@/lib/domain/portfolio/portfolio-query";
import { EXPOSURE_BAND_LABEL, EXPOSURE_BANDS } from "@/lib/validation/exposure-bands";

const STATUSES = [
  "ACCEPTED",
  "SUBMITTED",
  "RESUBMITTED",
  "CHANGES_REQUESTED",
  "IN_PROGRESS",
  "OPENED",
  "SENT",
  "DRAFT",
  "CANCELLED",
] as const;

const SORT_OPTIONS: [PortfolioQuery["sort"], string][] = [
  ["exposure", "Exposure"],
  ["amplification", "Amplification"],
  ["beyond", "Beyond-footprint exposure"],
  ["trust", "Trust share"],
  ["inheritance", "Inheritance share"],
  ["adjacency", "Adjacency share"],
  ["gap", "Evidence gap"],
  ["critical", "Critical assets reached"],
  ["name", "Name"],
  ["tier", "Tier"],
  ["assessed", "Latest assessment"],
];

/** Search and filters as a plain GET form: the URL is the state, so views can be bookmarked and shared. */
export function PortfolioFilters({ query, filtered }: { query: PortfolioQuery; filtered: boolean }) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter vendors"
      className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-4 lg:grid-cols-6"
    >
      <div className="col-span-2">
        <label htmlFor="q" className="mb-1 block text-xs font-medium text-slate-600">
          Search
        </label>
        <Input id="q" name="q" type="search" placeholder="Vendor name" defaultValue={query.q ?? ""} />
      </div>
      <div>
        <label htmlFor="status" className="mb-1 block text-xs font-medium text-slate-600">
          Assessment
        </label>
        <Select id="status" name="status" defaultValue={query.status ?? ""}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
          <option value="NONE">Never assessed</option>
        </Select>
      </div>
      <div>
        <label htmlFor="tier" className="mb-1 block text-xs font-medium text-slate-600">
          Tier
        </label>
        <Select id="tier" name="tier" defaultValue={query.tier ?? ""}>
          <option value="">Any tier</option>
          {(["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const).map((t) => (
            <option key={t} value={t}>
              {TIER_LABEL[t]}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="kind" className="mb-1 block text-xs font-medium text-slate-600">
          Mostly via
        </label>
        <Select id="kind" name="kind" defaultValue={query.kind ?? ""}>
          <option value="">Any linkage kind</option>
          <option value="adjacency">Adjacency</option>
          <option value="inheritance">Inheritance</option>
          <option value="trust">Trust</option>
        </Select>
      </div>
      <div>
        <label htmlFor="band" className="mb-1 block text-xs font-medium text-slate-600">
          Exposure band
        </label>
        <Select id="band" name="band" defaultValue={query.band ?? ""}>
          <option value="">Any band</option>
          {EXPOSURE_BANDS.map((b) => (
            <option key={b} value={b}>
              {EXPOSURE_BAND_LABEL[b]}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="scored" className="mb-1 block text-xs font-medium text-slate-600">
          Score
        </label>
        <Select id="scored" name="scored" defaultValue={query.scored ?? ""}>
          <option value="">Scored or unknown</option>
          <option value="yes">Scored only</option>
          <option value="no">Unknown only (no accepted assessment)</option>
        </Select>
      </div>
      <div>
        <label htmlFor="minAmplification" className="mb-1 block text-xs font-medium text-slate-600">
          Amplification at least (%)
        </label>
        <Input
          id="minAmplification"
          name="minAmplification"
          type="number"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          defaultValue={query.minAmplification ?? ""}
        />
      </div>
      <div>
        <label htmlFor="minBeyond" className="mb-1 block text-xs font-medium text-slate-600">
          Beyond footprint at least
        </label>
        <Input
          id="minBeyond"
          name="minBeyond"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          defaultValue={query.minBeyond ?? ""}
        />
      </div>
      <div>
        <label htmlFor="minGap" className="mb-1 block text-xs font-medium text-slate-600">
          Evidence gap at least
        </label>
        <Input
          id="minGap"
          name="minGap"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          defaultValue={query.minGap ?? ""}
        />
      </div>
      <div>
        <label htmlFor="sort" className="mb-1 block text-xs font-medium text-slate-600">
          Sort by
        </label>
        <Select id="sort" name="sort" defaultValue={query.sort}>
          {SORT_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="critical"
          value="yes"
          defaultChecked={query.critical === "yes"}
          className="h-4 w-4 rounded border-slate-300"
        />
        Reaches critical assets
      </label>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        {filtered ? (
          <Link
            href={query.sort === "exposure" ? "/scores" : `/scores?sort=${query.sort}`}
            className={buttonClass("ghost")}
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
