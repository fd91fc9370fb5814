import type { StorefrontContext } from '../../datasets/storefront/storefront-database.ts';

// The same n requests, then pg_stat_statements sorted by calls: the statement sent most often.
// Every call is a round trip, and pg_stat_statements does not see the network time of any.
export default async function mostCallsFirst({ db, n, sql }: StorefrontContext) {
  // pg_stat_statements keeps its figures across transactions (a rollback does not undo them),
  // so each run starts from zero and counts only its own traffic.
  await sql`SELECT pg_stat_statements_reset()`.execute(db);

  // GET /: the newest products. Nothing indexes created_at, so each call sorts the catalogue.
  const home = () =>
    db
      .selectFrom('products')
      .select(['id', 'name', 'price_cents'])
      .orderBy('created_at', 'desc')
      .limit(20)
      .modifyEnd(sql`/* GET / */`)
      .execute();

  // GET /products/:id: one product by primary key.
  const productPage = (id: number) =>
    db
      .selectFrom('products')
      .select(['id', 'name', 'price_cents', 'description'])
      .where('id', '=', id)
      .modifyEnd(sql`/* GET /products/:id */`)
      .execute();

  // GET /orders/:id: the order, its lines, then each line's product name one by one (an N+1).
  const orderPage = async (id: number) => {
    await db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.id', 'orders.status', 'orders.placed_at', 'customers.name'])
      .where('orders.id', '=', id)
      .modifyEnd(sql`/* GET /orders/:id */`)
      .execute();
    const lines = await db
      .selectFrom('order_lines')
      .select(['product_id', 'quantity', 'unit_price_cents'])
      .where('order_id', '=', id)
      .orderBy('id')
      .modifyEnd(sql`/* GET /orders/:id */`)
      .execute();
    for (const line of lines) {
      await db
        .selectFrom('products')
        .select('name')
        .where('id', '=', line.product_id)
        .modifyEnd(sql`/* GET /orders/:id */`)
        .execute();
    }
  };

  // GET /reports/sales: revenue per category over every order line ever sold.
  const salesReport = () =>
    db
      .selectFrom('order_lines')
      .innerJoin('products', 'products.id', 'order_lines.product_id')
      .innerJoin('categories', 'categories.id', 'products.category_id')
      .select((eb) => [
        'categories.name',
        eb.fn.sum<number>(sql`order_lines.quantity * order_lines.unit_price_cents`).as('revenue'),
      ])
      .groupBy('categories.name')
      .orderBy('revenue', 'desc')
      .modifyEnd(sql`/* GET /reports/sales */`)
      .execute();

  // The mix, by request number: half the requests are the home page, one in ten an order page,
  // the rest product pages, except one request in 100, which is the sales report.
  const requests = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const route =
      i % 100 === 99
        ? 'GET /reports/sales'
        : i % 10 < 5
          ? 'GET /'
          : i % 10 === 5
            ? 'GET /orders/:id'
            : 'GET /products/:id';
    requests.set(route, (requests.get(route) ?? 0) + 1);
    if (route === 'GET /reports/sales') await salesReport();
    else if (route === 'GET /') await home();
    else if (route === 'GET /orders/:id') await orderPage(1 + ((i * 7) % 2500));
    else await productPage(1 + ((i * 13) % 8000));
  }

  // The statements sent most often, and how many times per request of their route.
  const { rows } = await sql<{
    route: string;
    statement: string;
    calls: number;
    mean_ms: number;
    total_ms: number;
    share_of_time: string;
  }>`
    SELECT substring(query FROM '/\\* (.+) \\*/') AS route,
           left(split_part(query, ' /*', 1), 90) AS statement,
           calls::integer AS calls,
           round(mean_exec_time::numeric, 2)::float8 AS mean_ms,
           round(total_exec_time::numeric, 1)::float8 AS total_ms,
           round(100 * total_exec_time / sum(total_exec_time) OVER ()) || '%' AS share_of_time
    FROM pg_stat_statements
    WHERE query LIKE '%/* GET %'
    ORDER BY calls DESC
    LIMIT 3`.execute(db);
  return rows.map((row) => ({ ...row, per_request: row.calls / requests.get(row.route)! }));
}
