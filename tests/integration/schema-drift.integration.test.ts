// The hand-applied SQL migrations and schema.prisma must describe the same database. After
// migrating an empty database, every model and field of the Prisma data model must exist with a
// compatible type, nullability, unique constraint and foreign key.
import { readFileSync } from "node:fs";

import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";

type DmmfField = {
  name: string;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  isUnique: boolean;
  isId: boolean;
  relationFromFields?: string[];
  relationToFields?: string[];
  dbName?: string | null;
};
type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  uniqueFields: string[][];
  primaryKey: { fields: string[] } | null;
};

const PG_TYPES: Record<string, string[]> = {
  String: ["text", "character varying"],
  Int: ["integer"],
  BigInt: ["bigint"],
  Float: ["double precision"],
  Decimal: ["numeric"],
  Boolean: ["boolean"],
  DateTime: ["timestamp without time zone", "timestamp with time zone"],
  Json: ["jsonb", "json"],
  Bytes: ["bytea"],
};

let client: pg.Client;
let models: DmmfModel[];
let columns: Map<string, { data_type: string; udt_name: string; is_nullable: string }>;
let uniques: Set<string>;
let foreignKeys: Set<string>;

beforeAll(async () => {
  const { getDMMF } = internals as unknown as {
    getDMMF: (o: { datamodel: string }) => Promise<{ datamodel: { models: DmmfModel[] } }>;
  };
  models = (await getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") })).datamodel.models;
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  const cols = await client.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema='public'`,
  );
  columns = new Map(cols.rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
  // Unique = a unique index (Prisma's @unique/@@unique) or the primary key, keyed by its column list.
  const idx = await client.query(`
    SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY array_position(i.indkey::int[], a.attnum::int)) AS cols
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey)
     WHERE n.nspname = 'public' AND i.indisunique GROUP BY t.relname, i.indexrelid`);
  uniques = new Set(idx.rows.map((r) => `${r.table_name}(${(r.cols as string[]).join(",")})`));
  const fks = await client.query(`
    SELECT tc.relname AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS cols, rt.relname AS ref_table, array_agg(ra.attname::text ORDER BY k.ord) AS ref_cols
      FROM pg_constraint c
      JOIN pg_class tc ON tc.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid
      CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, refcol, ord)
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
      JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.refcol
     WHERE c.contype = 'f' GROUP BY c.oid, tc.relname, rt.relname`);
  foreignKeys = new Set(
    fks.rows.map((r) => `${r.table_name}(${r.cols.join(",")})->${r.ref_table}(${r.ref_cols.join(",")})`),
  );
});

afterAll(async () => {
  await client?.end();
});

describe("schema.prisma and the migrated database agree", () => {
  it("the generated client was generated from the current schema.prisma", () => {
    const generated = Object.keys(Prisma.ModelName).sort();
    expect(generated).toEqual(models.map((m) => m.name).sort());
  });

  it("every model is a table and every scalar field a column of a compatible type and nullability", () => {
    const problems: string[] = [];
    for (const model of models) {
      const table = model.dbName ?? model.name;
      for (const field of model.fields) {
        if (field.kind === "object") continue;
        const column = field.dbName ?? field.name;
        const col = columns.get(`${table}.${column}`);
        if (!col) {
          problems.push(`${model.name}.${field.name}: column "${table}"."${column}" is missing`);
          continue;
        }
        if (field.kind === "enum") {
          if (col.data_type !== "USER-DEFINED" || col.udt_name !== field.type)
            problems.push(
              `${model.name}.${field.name}: expected enum ${field.type}, got ${col.data_type}/${col.udt_name}`,
            );
        } else if (field.isList) {
          if (col.data_type !== "ARRAY")
            problems.push(`${model.name}.${field.name}: expected an array column`);
        } else if (!(PG_TYPES[field.type] ?? []).includes(col.data_type)) {
          problems.push(`${model.name}.${field.name}: ${field.type} stored as ${col.data_type}`);
        }
        const nullable = col.is_nullable === "YES";
        // Prisma writes scalar lists as nullable array columns (an absent list reads as []).
        if (!field.isList && nullable === field.isRequired)
          problems.push(
            `${model.name}.${field.name}: required=${field.isRequired} but column nullable=${nullable}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it("every @id, @unique and @@unique has a unique index", () => {
    const problems: string[] = [];
    for (const model of models) {
      const table = model.dbName ?? model.name;
      const sets = [
        ...model.fields.filter((f) => f.isUnique || f.isId).map((f) => [f.dbName ?? f.name]),
        ...model.uniqueFields,
        ...(model.primaryKey ? [model.primaryKey.fields] : []),
      ];
      for (const cols of sets)
        if (!uniques.has(`${table}(${cols.join(",")})`))
          problems.push(`${table}(${cols.join(",")}) has no unique index`);
    }
    expect(problems).toEqual([]);
  });

  it("every relation is a foreign key", () => {
    const problems: string[] = [];
    for (const model of models) {
      for (const field of model.fields) {
        if (field.kind !== "object" || !field.relationFromFields?.length) continue;
        const target = models.find((m) => m.name === field.type)!;
        const key = `${model.dbName ?? model.name}(${field.relationFromFields.join(",")})->${target.dbName ?? target.name}(${field.relationToFields!.join(",")})`;
        if (!foreignKeys.has(key)) problems.push(`${model.name}.${field.name}: no foreign key ${key}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
