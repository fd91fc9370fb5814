import { DEFAULT_UPSTREAM, type UpstreamConfig } from './services-config.ts';
import { jsonBytes, type ServiceEnvironment } from './service-environment.ts';

/** The upstream did not answer within the client's timeout. */
export class HttpTimeoutError extends Error {
  override name = 'HttpTimeoutError';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`No answer from ${url} within the ${timeoutMs} ms timeout`);
  }
}

/** The connection could not be made: the upstream refused it, or there is no such host. */
export class HttpConnectionError extends Error {
  override name = 'HttpConnectionError';
}

export interface HttpRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** Sent as JSON. A body with an `items` array is a bulk request. */
  body?: unknown;
  /** Read timeout: how long to wait for the answer once connected. No timeout waits as long as it takes. */
  timeoutMs?: number;
  /** How long to wait for the connection to be set up. */
  connectTimeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  ok: boolean;
  headers: Record<string, string>;
  body: unknown;
}

/** A request the upstream processed (acted on), for checking what a variant really caused. */
export interface ReceivedRequest {
  method: string;
  path: string;
  body: unknown;
  idempotencyKey?: string;
  atMs: number;
}

type Outcome = 'ok' | 'error' | 'hang' | 'limited';

/** One simulated upstream's state within a run: its random stream, what it processed, its rate window. */
class Upstream {
  readonly received: ReceivedRequest[] = [];
  readonly #answers = new Map<string, { status: number; body: unknown }>();
  readonly #recent: number[] = [];
  #nextId = 1;

  constructor(
    readonly name: string,
    readonly config: UpstreamConfig,
  ) {}

  inOutage(atMs: number): UpstreamConfig['outage'] | undefined {
    const outage = this.config.outage;
    return outage && atMs >= outage.fromMs && atMs < outage.toMs ? outage : undefined;
  }

  /** Counts the request against the rate limit; true when it is over the limit. */
  overLimit(atMs: number): boolean {
    const limit = this.config.rateLimit;
    while (this.#recent.length > 0 && this.#recent[0]! <= atMs - 1000) this.#recent.shift();
    if (limit && this.#recent.length >= limit.perSecond) return true;
    this.#recent.push(atMs);
    return false;
  }

  /** Acts on a request, once per idempotency key; returns the answer it will send. */
  process(method: string, path: string, body: unknown, idempotencyKey: string | undefined, atMs: number) {
    if (idempotencyKey !== undefined) {
      const earlier = this.#answers.get(idempotencyKey);
      if (earlier) return { ...earlier, replayed: true };
    }
    let answer: { status: number; body: unknown };
    if (method === 'GET') {
      answer = { status: 200, body: { path, value: stableNumber(`${this.name}${path}`) } };
    } else {
      this.received.push({ method, path, body, idempotencyKey, atMs });
      const items = itemsOf(body);
      answer =
        items === undefined
          ? { status: 201, body: { id: this.#nextId++ } }
          : { status: 200, body: { ids: items.map(() => this.#nextId++) } };
    }
    if (idempotencyKey !== undefined) this.#answers.set(idempotencyKey, answer);
    return { ...answer, replayed: false };
  }
}

/**
 * Simulated HTTP upstreams, declared per example. Every call is recorded with its simulated
 * duration and outcome; latency, failures, rate limits, hangs and outages follow the example's
 * declaration and the seed. Nothing leaves the browser.
 *
 * @example
 * const answer = await http.post('https://payments.example/charges', { amount: 500 }, { timeoutMs: 2000 });
 */
export class SimulatedHttp {
  readonly #env: ServiceEnvironment;
  readonly #upstreams = new Map<string, Upstream>();
  readonly #origin?: 'job';

  constructor(
    env: ServiceEnvironment,
    upstreams: Record<string, Partial<UpstreamConfig>>,
    origin?: 'job',
    shared?: SimulatedHttp,
  ) {
    this.#env = env;
    this.#origin = origin;
    if (shared) {
      for (const [name, upstream] of shared.#upstreams) this.#upstreams.set(name, upstream);
    } else {
      for (const [name, config] of Object.entries(upstreams)) {
        this.#upstreams.set(name, new Upstream(name, { ...DEFAULT_UPSTREAM, ...config }));
      }
    }
  }

  /** The same upstreams, with calls marked as made by a background job. */
  forJob(): SimulatedHttp {
    return new SimulatedHttp(this.#env, {}, 'job', this);
  }

  /** One request on a new connection, closed afterwards (like a call without a shared session). */
  request(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
    return this.#call(url, options, undefined);
  }

  get(url: string, options: Omit<HttpRequestOptions, 'method' | 'body'> = {}): Promise<HttpResponse> {
    return this.request(url, { ...options, method: 'GET' });
  }

  post(
    url: string,
    body: unknown,
    options: Omit<HttpRequestOptions, 'method' | 'body'> = {},
  ): Promise<HttpResponse> {
    return this.request(url, { ...options, method: 'POST', body });
  }

  /**
   * A shared client: it keeps connections open between calls (keep-alive), so only the first call
   * to a host pays for the TCP and TLS handshakes, and it applies its defaults to every call.
   */
  client(defaults: Omit<HttpRequestOptions, 'method' | 'body'> = {}): HttpClient {
    const idle = new Map<string, number>();
    const call = (url: string, options: HttpRequestOptions) =>
      this.#call(
        url,
        { ...defaults, ...options, headers: { ...defaults.headers, ...options.headers } },
        idle,
      );
    return {
      request: call,
      get: (url, options = {}) => call(url, { ...options, method: 'GET' }),
      post: (url, body, options = {}) => call(url, { ...options, method: 'POST', body }),
    };
  }

  /** What an upstream processed in this run. An inspection for the example's result, not a call. */
  received(upstream: string): ReceivedRequest[] {
    return [...(this.#upstreams.get(upstream)?.received ?? [])];
  }

  async #call(
    url: string,
    options: HttpRequestOptions,
    pool: Map<string, number> | undefined,
  ): Promise<HttpResponse> {
    const { clock } = this.#env;
    const method = options.method ?? 'GET';
    const label = `${method} ${url}`;
    const started = clock.now();
    const parsed = parseUpstreamUrl(url);
    const upstream = parsed && this.#upstreams.get(parsed.name);
    const record = (outcome: string, ok: boolean, bytes: number, detail?: string) =>
      this.#env.record({
        kind: 'http',
        label,
        startedAtMs: started,
        simulatedMs: clock.now() - started,
        outcome,
        ok,
        bytes,
        ...(detail ? { detail } : {}),
        ...(this.#origin ? { origin: this.#origin } : {}),
      });
    if (!parsed || !upstream) {
      record('refused', false, 0, 'no such upstream in this example');
      throw new HttpConnectionError(`Cannot connect to ${url}: this example declares no such upstream`);
    }
    const config = upstream.config;
    const random = this.#env.random(`http:${parsed.name}`);
    // The same number of draws for every request keeps each upstream's stream aligned across runs.
    const hangDraw = random();
    const errorDraw = random();
    const latency =
      this.#env.latency(`http:${parsed.name}`, config.latency) +
      config.perItemMs * (itemsOf(options.body)?.length ?? 0);

    // Connection: reuse an idle one from a shared client, or pay for the handshakes.
    const reuse = pool !== undefined && (pool.get(parsed.name) ?? 0) > 0;
    if (reuse) pool!.set(parsed.name, pool!.get(parsed.name)! - 1);
    const handshakeMs = config.connectMs + (parsed.https ? config.tlsMs : 0);
    const connection = reuse
      ? 'reused connection'
      : `new connection (${parsed.https ? 'TCP + TLS' : 'TCP'} handshake, modeled)`;
    if (upstream.inOutage(clock.now())?.kind === 'refuse') {
      await clock.sleep(config.connectMs);
      record('refused', false, 0, 'upstream down (outage window)');
      throw new HttpConnectionError(`Connection to ${url} refused: the upstream is down`);
    }
    if (!reuse) {
      if (options.connectTimeoutMs !== undefined && handshakeMs > options.connectTimeoutMs) {
        await clock.sleep(options.connectTimeoutMs);
        record('timeout', false, 0, `connect timeout ${options.connectTimeoutMs} ms`);
        throw new HttpTimeoutError(url, options.connectTimeoutMs);
      }
      await clock.sleep(handshakeMs);
    }

    const arrived = clock.now();
    const outage = upstream.inOutage(arrived);
    let outcome: Outcome;
    if (outage) outcome = outage.kind === 'error' ? 'error' : 'hang';
    else if (upstream.overLimit(arrived)) outcome = 'limited';
    else if (hangDraw < config.hangRate) outcome = 'hang';
    else if (errorDraw < config.errorRate) outcome = 'error';
    else outcome = 'ok';

    const processes = outcome === 'ok' || (outcome === 'hang' && !outage && config.processesBeforeHang);
    const answer = processes
      ? upstream.process(method, parsed.path, options.body, options.headers?.['Idempotency-Key'], arrived)
      : undefined;
    const answerAfterMs = outcome === 'hang' ? config.hangMs : latency;

    if (options.timeoutMs !== undefined && answerAfterMs > options.timeoutMs) {
      await clock.sleep(options.timeoutMs);
      record(
        'timeout',
        false,
        0,
        `read timeout ${options.timeoutMs} ms${processes ? '; the upstream processed it anyway' : ''}`,
      );
      throw new HttpTimeoutError(url, options.timeoutMs);
    }
    await clock.sleep(answerAfterMs);
    if (pool) pool.set(parsed.name, (pool.get(parsed.name) ?? 0) + 1);

    let response: HttpResponse;
    if (outcome === 'ok') {
      response = { status: answer!.status, ok: true, headers: {}, body: answer!.body };
      if (answer!.replayed) response.headers['Idempotent-Replayed'] = 'true';
    } else if (outcome === 'limited') {
      const retryAfter = String(config.rateLimit!.retryAfterS);
      response = {
        status: 429,
        ok: false,
        headers: { 'Retry-After': retryAfter },
        body: { error: 'too many requests' },
      };
    } else if (outcome === 'hang') {
      // The upstream's own proxy gives up: the request may have been processed all the same.
      response = { status: 504, ok: false, headers: {}, body: { error: 'gateway timeout' } };
    } else {
      response = { status: config.errorStatus, ok: false, headers: {}, body: { error: 'unavailable' } };
    }
    const details = [
      connection,
      response.headers['Retry-After'] ? `Retry-After: ${response.headers['Retry-After']}` : '',
      response.headers['Idempotent-Replayed']
        ? 'idempotency key seen before: replayed, not processed again'
        : '',
    ].filter(Boolean);
    record(String(response.status), response.ok, jsonBytes(response.body), details.join('; '));
    return response;
  }
}

export interface HttpClient {
  request(url: string, options: HttpRequestOptions): Promise<HttpResponse>;
  get(url: string, options?: Omit<HttpRequestOptions, 'method' | 'body'>): Promise<HttpResponse>;
  post(
    url: string,
    body: unknown,
    options?: Omit<HttpRequestOptions, 'method' | 'body'>,
  ): Promise<HttpResponse>;
}

/** `https://payments.example/charges?x=1` → upstream `payments`, path `/charges?x=1`. */
function parseUpstreamUrl(url: string): { name: string; path: string; https: boolean } | undefined {
  const match = /^(https?):\/\/([a-z0-9-]+)\.example(?::\d+)?(\/[^#]*)?$/i.exec(url);
  if (!match) return undefined;
  return { name: match[2]!.toLowerCase(), path: match[3] ?? '/', https: match[1]!.toLowerCase() === 'https' };
}

function itemsOf(body: unknown): unknown[] | undefined {
  const items = (body as { items?: unknown } | null | undefined)?.items;
  return Array.isArray(items) ? items : undefined;
}

/** A small deterministic number for a GET's answer, so results compare across variants. */
function stableNumber(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 1000;
}
