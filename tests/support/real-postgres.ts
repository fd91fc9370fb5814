import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { QueryablePGlite } from '../../src/engine/recording-pglite.ts';
import type { ScriptablePGlite } from '../../src/engine/dataset-loader.ts';

/** Where the machine's PostgreSQL server binaries are, or undefined when there is none. */
export function postgresBinDir(): string | undefined {
  const debian = '/usr/lib/postgresql';
  const installed = existsSync(debian)
    ? readdirSync(debian)
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(debian, version, 'bin'))
    : [];
  return [process.env.PG_BIN_DIR, ...installed].find((dir) => dir && existsSync(join(dir, 'postgres')));
}

export interface RunningPostgres {
  client: pg.Client;
  /** Another connection to the same server: a separate session sharing the data. */
  connect(): Promise<pg.Client>;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL server on a free loopback port in a temporary directory and
 * connects to it. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function startPostgres(binDir: string): Promise<RunningPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'round-trip-pg-'));
  const dataDir = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const postgresUser = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString()) : undefined;
  if (asRoot) {
    chownSync(dir, postgresUser!, Number(execFileSync('id', ['-g', 'postgres']).toString()));
    chmodSync(dir, 0o700);
  }
  const run = (command: string, args: string[]) =>
    asRoot
      ? (['runuser', ['-u', 'postgres', '--', join(binDir, command), ...args]] as const)
      : ([join(binDir, command), args] as const);

  const [initCommand, initArgs] = run('initdb', [
    '-D',
    dataDir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  execFileSync(initCommand, [...initArgs], { stdio: 'ignore' });

  const port = await freePort();
  const [serverCommand, serverArgs] = run('postgres', [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    dir,
    '-c',
    'fsync=off',
    // The monitoring examples read pg_stat_statements, which must be loaded at server start.
    '-c',
    'shared_preload_libraries=pg_stat_statements',
  ]);
  const server: ChildProcess = spawn(serverCommand, [...serverArgs], { stdio: 'ignore' });

  let client: pg.Client | undefined;
  for (let attempt = 0; attempt < 100 && !client; attempt++) {
    const candidate = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    try {
      await candidate.connect();
      client = candidate;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (!client) {
    server.kill('SIGKILL');
    throw new Error('PostgreSQL did not accept connections within 10 s');
  }
  const connected = client;
  const others: pg.Client[] = [];
  return {
    client: connected,
    async connect() {
      const other = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await other.connect();
      others.push(other);
      return other;
    },
    async stop() {
      for (const other of others) await other.end().catch(() => {});
      await connected.end().catch(() => {});
      // pg_ctl waits for the server to stop; a signal to runuser would not reach it.
      const exited = new Promise((resolve) => server.once('exit', resolve));
      const [stopCommand, stopArgs] = run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
      try {
        execFileSync(stopCommand, [...stopArgs], { stdio: 'ignore' });
      } catch {
        server.kill('SIGKILL');
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * node-postgres behind the same interface the engine uses for PGlite, so the very same runner,
 * recorder and Kysely dialect drive a real server.
 */
export function pgAsPGlite(client: pg.Client): ScriptablePGlite & QueryablePGlite {
  return {
    ready: true,
    closed: false,
    waitReady: Promise.resolve(),
    async query<T>(
      sql: string,
      params: unknown[] = [],
      options?: { onNotice?: (notice: { message?: string }) => void },
    ) {
      // NOTICE and WARNING messages arrive as events; hand them to the caller like PGlite does.
      const onNotice = options?.onNotice;
      if (onNotice) client.on('notice', onNotice);
      let result: pg.QueryResult;
      try {
        result = await client.query(sql, params);
      } finally {
        if (onNotice) client.off('notice', onNotice);
      }
      return {
        rows: result.rows as T[],
        affectedRows: result.command === 'SELECT' ? 0 : (result.rowCount ?? 0),
        fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
      };
    },
    async exec(sql: string) {
      return client.query(sql);
    },
  };
}
