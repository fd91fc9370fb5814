import type { HelpdeskContext } from '../../datasets/helpdesk/helpdesk-database.ts';

// The project's client wrapper logs every call in one place: method, host, path, status and
// latency, with the incoming request's id, which it also passes on in X-Request-ID. Query values
// are replaced by [redacted] unless the parameter is known to be harmless, and no header is
// logged, so neither the bearer token, nor the key in the query string, nor the customer's
// e-mail address reaches the logs. (Tokens come from settings; these are placeholders.)
export default async function customerPanels({ db, http, clock, random, n }: HelpdeskContext) {
  const crm = http.client({ timeoutMs: 2000, headers: { Authorization: 'Bearer CRM-TOKEN-PLACEHOLDER' } });
  const timezones = http.client({ timeoutMs: 1000 });
  const logLines: string[] = [];
  const loggableParams = new Set(['zone']);

  function redact(url: string) {
    const { host, pathname, searchParams } = new URL(url);
    const query = [...searchParams.keys()].map((name) =>
      loggableParams.has(name) ? `${name}=${searchParams.get(name)}` : `${name}=[redacted]`,
    );
    return { host, path: pathname + (query.length ? `?${query.join('&')}` : '') };
  }

  async function loggedGet(client: typeof crm, url: string, requestId: string) {
    const started = clock.now();
    const answer = await client.get(url, { headers: { 'X-Request-ID': requestId } });
    const { host, path } = redact(url);
    const ms = (clock.now() - started).toFixed(0);
    logLines.push(
      `INFO myproject.outbound GET host=${host} path=${path} status=${answer.status} ms=${ms} request_id=${requestId}`,
    );
    return answer;
  }

  for (let request = 1; request <= n; request++) {
    // The id the load balancer put on the incoming request (X-Request-ID).
    const requestId = Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
    const customer = await db
      .selectFrom('customers')
      .innerJoin('tenants', 'tenants.id', 'customers.tenant_id')
      .select(['customers.email', 'tenants.timezone'])
      .where('customers.id', '=', 1 + (((request - 1) * 41) % 360))
      .executeTakeFirstOrThrow();
    await loggedGet(
      crm,
      `https://crm.example/contacts?email=${encodeURIComponent(customer.email)}`,
      requestId,
    );
    await loggedGet(
      timezones,
      `https://timezone.example/v1/now?zone=${encodeURIComponent(customer.timezone)}&key=TZ-KEY-PLACEHOLDER`,
      requestId,
    );
  }
  return logLines;
}
