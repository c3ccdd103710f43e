import { afterEach, describe, expect, it } from "vitest";

import {
  HEALTHY_FOR_MS,
  isDatabaseDown,
  noteDatabaseUnavailable,
  registerDatabaseProbe,
  resetDatabaseHealth,
} from "./health";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("database health for the 503 page", () => {
  afterEach(resetDatabaseHealth);

  it("is healthy with no probe yet, and probes at most once per HEALTHY_FOR_MS while healthy", async () => {
    expect(await isDatabaseDown()).toBe(false);
    let probes = 0;
    registerDatabaseProbe(async () => void probes++);
    const t = Date.now() + 1;
    expect(await Promise.all([isDatabaseDown(t), isDatabaseDown(t), isDatabaseDown(t)])).toEqual([
      false,
      false,
      false,
    ]);
    expect(probes).toBe(1);
    expect(await isDatabaseDown(Date.now() + 10)).toBe(false);
    expect(probes).toBe(1);
    await isDatabaseDown(Date.now() + HEALTHY_FOR_MS + 1);
    expect(probes).toBe(2);
  });

  it("a refused connection is down until a probe succeeds; a merely failing query is not an outage", async () => {
    let fail: Error | null = refused;
    registerDatabaseProbe(async () => {
      if (fail) throw fail;
    });
    expect(await isDatabaseDown()).toBe(true);
    fail = null;
    expect(await isDatabaseDown(Date.now() + 1_001)).toBe(false);
    fail = new Error("relation does not exist");
    expect(await isDatabaseDown(Date.now() + HEALTHY_FOR_MS + 1)).toBe(false);
  });

  it("a failure the layout met answers down at once, then is re-probed", async () => {
    registerDatabaseProbe(async () => {});
    noteDatabaseUnavailable();
    expect(await isDatabaseDown()).toBe(true);
    expect(await isDatabaseDown(Date.now() + 1_001)).toBe(false);
  });
});
