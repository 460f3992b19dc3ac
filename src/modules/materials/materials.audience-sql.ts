import { sql, type SQL } from 'drizzle-orm';
import { AUDIENCE_FIELDS, clauseFields, clauseKeys, type AudienceDef } from './materials.audience.js';
import type { AudienceClause } from './materials.table.js';

/**
 * The audience rules of materials.audience.ts as SQL conditions on a members row, so roll-ups over a
 * whole province run in the database. Semantics must stay identical to the JS evaluator (a property
 * test on both engines compares them on random members).
 */

/** SQL twin of matchKey(): NFD, strip combining marks, đ → d, lower, non-alphanumerics → one space. */
export function matchKeySql(expr: SQL): SQL {
  return sql`btrim(regexp_replace(lower(translate(regexp_replace(normalize(coalesce(${expr}, ''), NFD), '[\\u0300-\\u036f]', '', 'g'), 'đĐ', 'dD')), '[^a-z0-9]+', ' ', 'g'))`;
}

function column(alias: string, field: keyof typeof AUDIENCE_FIELDS): SQL {
  // Both parts come from code (the alias) and the whitelist of fields, never from the request.
  return sql.raw(`${alias}.${AUDIENCE_FIELDS[field].column}`);
}

function fieldSql(col: SQL, clause: AudienceClause, keys: string[]): SQL {
  if (clause.op === 'is_true') return sql`coalesce(${col}, false)`;
  const key = matchKeySql(col);
  const list = sql.join(keys.map((k) => sql`${k}`), sql`, `);
  switch (clause.op) {
    case 'not_empty': return sql`${key} <> ''`;
    case 'in': return keys.length ? sql`${key} in (${list})` : sql`false`;
    case 'not_in': return keys.length ? sql`${key} not in (${list})` : sql`true`;
    case 'contains_any': {
      if (!keys.length) return sql`false`;
      const padded = sql`' ' || ${key} || ' '`;
      return sql`(${sql.join(keys.map((k) => sql`position(${` ${k} `} in ${padded}) > 0`), sql` or `)})`;
    }
  }
}

export function clauseSql(clause: AudienceClause, alias: string): SQL {
  const keys = clauseKeys(clause);
  const parts = clauseFields(clause).map((f) => fieldSql(column(alias, f), clause, keys));
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Condition "the member row `alias` fits the audience"; public audiences and empty rules fit no one. */
export function audienceSql(audience: Pick<AudienceDef, 'rule' | 'isPublic'>, alias = 'm'): SQL {
  if (audience.isPublic || audience.rule.length === 0) return sql`false`;
  return sql`(${sql.join(audience.rule.map((c) => clauseSql(c, alias)), sql` and `)})`;
}

/**
 * `case when <fits audience 1> then 'variant 1' … else 'master' end`: the version each member row
 * reads, audiences given already in priority order and limited to those that have a variant.
 */
export function resolvedVersionSql(alias: string, masterId: string, variants: Array<{ audience: AudienceDef; materialId: string }>): SQL {
  if (variants.length === 0) return sql`${masterId}::uuid`;
  const whens = variants.map((v) => sql`when ${audienceSql(v.audience, alias)} then ${v.materialId}::uuid`);
  return sql`(case ${sql.join(whens, sql` `)} else ${masterId}::uuid end)`;
}
