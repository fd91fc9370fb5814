import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

// The same checkout: create the order, enqueue a job with the order's id and tenant, answer.
// The job (a Celery task, or a django.tasks task on a backend with a worker) loads the order
// and sends the receipt later, on the queue's worker, while the web worker serves the next
// request.
export default async function checkout({ db, jobs, request }: OrdersContext) {
  // The task's code (in a project it lives in tasks.py; here it is registered per request).
  jobs.define('send-receipt', async ({ tenantId, orderId }: { tenantId: number; orderId: number }, job) => {
    const order = await job.db
      .selectFrom('orders')
      .select(['id', 'customer_email'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const mail = job.http.client({ timeoutMs: 10_000 });
    const sent = await mail.post('https://mail.example/messages', {
      to: order.customer_email,
      template: 'receipt',
      orderId: order.id,
    });
    if (!sent.ok) throw new Error(`The email provider answered ${sent.status}`);
    await job.db
      .updateTable('orders')
      .set({ receipt_sent_at: new Date() })
      .where('id', '=', order.id)
      .execute();
  });

  const index = request?.index ?? 0;
  const order = await db
    .insertInto('orders')
    .values({
      tenant_id: 1,
      product_id: 1 + (index % 3),
      quantity: 1,
      total_cents: 1500,
      customer_email: `buyer${index}@example.com`,
      shipping_address: '1 Main Street, Springfield',
      status: 'paid',
      created_at: new Date(Date.UTC(2024, 5, 1)),
    })
    .returning(['id', 'tenant_id'])
    .executeTakeFirstOrThrow();

  await jobs.enqueue('send-receipt', { tenantId: order.tenant_id, orderId: order.id });
  return { orderId: order.id };
}
