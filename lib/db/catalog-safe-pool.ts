import pg from "pg";

// Works around prisma/orm#27403: the pg driver adapter rejects result columns of the
// catalog types `name` (oid 19) and `"char"` (oid 18), which Prisma's own schema engine
// reads when it introspects or migrates. Reporting them as `text` is lossless.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function rewriteCatalogTypes<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const one of results as QueryResultLike[]) {
    for (const field of one?.fields ?? []) {
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

export class CatalogSafeClient extends pg.Client {
  // The pg typings overload `query` many ways; one variadic override covers the callback and
  // promise forms alike.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (err: Error | null, result: unknown) => void;
      args[callbackIndex] = (err: Error | null, result: unknown) =>
        callback(err, err ? result : rewriteCatalogTypes(result));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (pg.Client.prototype.query as any).apply(this, args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const returned = (pg.Client.prototype.query as any).apply(this, args);
    if (returned && typeof returned.then === "function") return returned.then(rewriteCatalogTypes);
    return returned;
  }
}

/** A pg.Pool whose clients report catalog `name`/`"char"` columns as text. */
export class CatalogSafePool extends pg.Pool {
  constructor(config: pg.PoolConfig = {}) {
    super({ ...config, Client: CatalogSafeClient });
  }
}
