import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

// The request handler (called once per simulated request): create the order, then send the
// receipt through the email provider before answering, like calling send_mail() in the view.
// The worker that serves this request is busy for as long as the provider takes; requests
// that arrive meanwhile wait in line for a free worker.
export default async function checkout({ db, http, request }: OrdersContext) {
  const mail = http.client({ timeoutMs: 10_000 });
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
    .returning(['id', 'customer_email', 'total_cents'])
    .executeTakeFirstOrThrow();

  const sent = await mail.post('https://mail.example/messages', {
    to: order.customer_email,
    template: 'receipt',
    orderId: order.id,
  });
  if (!sent.ok) throw new Error(`The email provider answered ${sent.status}`);
  await db.updateTable('orders').set({ receipt_sent_at: new Date() }).where('id', '=', order.id).execute();
  return { orderId: order.id };
}
