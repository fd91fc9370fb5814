import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

const POOL_SIZE = 10; // like OPTIONS: {"pool": {"max_size": 10}}, or a PgBouncer pool
const STREAM_MS = 25_000; // the stream ends itself; EventSource reconnects with Last-Event-ID
const HEARTBEAT_MS = 15_000; // a ": ping" comment line when no event came for 15 s
const API_WORK_MS = 20; // the rest of an API request, holding its connection

// The same handler, except that the stream gives its connection back right after the
// catch-up read (in Django: close the connection, which returns it to the pool), and only
// then starts waiting for events. Streams now hold a connection for one query each.
export default async function handle({ db, clock, request }: OrdersContext) {
  const pool = poolFor(db);
  const orderId = 1 + ((request?.index ?? 0) % 1000) * 3; // one of tenant 1's orders

  await pool.acquire();
  let released = false;
  try {
    await db
      .selectFrom('orders')
      .select(['id', 'status'])
      .where('tenant_id', '=', 1)
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (request?.route !== 'order-events') {
      await clock.sleep(API_WORK_MS);
      return;
    }
    pool.release();
    released = true;
    // Stream: events arrive from a pub/sub channel, and a heartbeat goes out when none did.
    for (let streamed = 0; streamed < STREAM_MS; streamed += HEARTBEAT_MS) {
      await clock.sleep(Math.min(HEARTBEAT_MS, STREAM_MS - streamed));
    }
  } finally {
    if (!released) pool.release();
  }
}

/** A pool of database connections on the simulated clock: first come, first served. */
class ConnectionPool {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
}

// One pool per run of the simulation (one app server): every request of a run shares `db`.
const pools = new WeakMap<object, ConnectionPool>();
function poolFor(db: object): ConnectionPool {
  let pool = pools.get(db);
  if (!pool) pools.set(db, (pool = new ConnectionPool(POOL_SIZE)));
  return pool;
}
