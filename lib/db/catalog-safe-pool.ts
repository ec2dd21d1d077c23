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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

export type TCatalogSafePoolConfig = pg.PoolConfig & {
  /**
   * false: every query runs as an unnamed statement, whatever name its caller gave. The embedded
   * database serves all connections from one session, where a statement one connection
   * prepared collides with another's ("prepared statement … already exists").
   */
  namedStatements?: boolean;
};

export class CatalogSafeClient extends pg.Client {
  private readonly namedStatements: boolean;

  constructor(config: TCatalogSafePoolConfig = {}) {
    super(config);
    this.namedStatements = config.namedStatements !== false;
  }

  // The pg typings overload `query` many ways; one variadic override covers the callback and
  // promise forms alike.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    if (!this.namedStatements && isPlainObject(args[0]) && "name" in args[0]) {
      const { name: _name, ...unnamed } = args[0];
      args[0] = unnamed;
    }
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

/**
 * A pg.Pool whose clients report catalog `name`/`"char"` columns as text and, with
 * `namedStatements: false`, never prepare a named statement: the one place that decides it.
 */
export class CatalogSafePool extends pg.Pool {
  constructor(config: TCatalogSafePoolConfig = {}) {
    super({ ...config, Client: CatalogSafeClient });
  }
}
