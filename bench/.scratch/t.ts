import { sql } from "drizzle-orm";
import { openDatabase } from "/work/main/src/db/client";
const h = await openDatabase({ url: "postgres://postgres@127.0.0.1:5432/postgres" });
const r = await h.db.execute(sql`select * from unnest(${sql.param([1, 2, null])}::bigint[], ${sql.param(['a"b', "c,d", null])}::text[], ${sql.param(['{"x":1}', "{}", null])}::jsonb[]) as t(a,b,c)`);
console.log(r.rows, (h.db as any).$client?.options?.max);
const v = await h.db.execute(sql`select version(), array(select nextval('pg_class_oid_index'::regclass) limit 0) as x`).catch(e=>e.message);
console.log(v.rows ?? v);
await h.close();
