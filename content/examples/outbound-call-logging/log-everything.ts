import type { HelpdeskContext } from '../../datasets/helpdesk/helpdesk-database.ts';

// Each call site logs what it sent, as it sent it: the full URL and the headers. The log now holds
// the CRM's bearer token, the time-zone service's API key and every customer's e-mail address,
// and nothing ties a line to the request that caused it. (Tokens come from settings; these are
// placeholders.)
export default async function customerPanels({ db, http, clock, random, n }: HelpdeskContext) {
  const crmHeaders = { Authorization: 'Bearer CRM-TOKEN-PLACEHOLDER' };
  const crm = http.client({ timeoutMs: 2000, headers: crmHeaders });
  const timezones = http.client({ timeoutMs: 1000 });
  const logLines: string[] = [];

  for (let request = 1; request <= n; request++) {
    random(); // the incoming request's id exists, but nothing here passes it on or logs it
    const customer = await db
      .selectFrom('customers')
      .innerJoin('tenants', 'tenants.id', 'customers.tenant_id')
      .select(['customers.email', 'tenants.timezone'])
      .where('customers.id', '=', 1 + (((request - 1) * 41) % 360))
      .executeTakeFirstOrThrow();

    const crmUrl = `https://crm.example/contacts?email=${encodeURIComponent(customer.email)}`;
    let started = clock.now();
    const contact = await crm.get(crmUrl);
    logLines.push(
      `INFO GET ${crmUrl} headers=${JSON.stringify(crmHeaders)} -> ${contact.status} in ${(clock.now() - started).toFixed(0)} ms`,
    );

    const zoneUrl = `https://timezone.example/v1/now?zone=${encodeURIComponent(customer.timezone)}&key=TZ-KEY-PLACEHOLDER`;
    started = clock.now();
    const now = await timezones.get(zoneUrl);
    logLines.push(`INFO GET ${zoneUrl} -> ${now.status} in ${(clock.now() - started).toFixed(0)} ms`);
  }
  return logLines;
}
