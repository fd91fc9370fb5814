/**
 * The verifier's command line on Node: real files, stdin and exit status. The repository's
 * `npm run checklist:verify` and the downloadable single file both start here; only where the
 * checklist comes from differs (content/ files, or JSON embedded at build time).
 */
import { readFileSync } from 'node:fs';
import type { VerifierChecklist } from './checklist-verify.ts';
import { runVerifier } from './verify-cli.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

export async function verifierMain(checklist: VerifierChecklist): Promise<void> {
  process.exitCode = await runVerifier(process.argv.slice(2), checklist, {
    readFile: (path) => readFileSync(path, 'utf8'),
    readStdin,
    stdinIsTerminal: Boolean(process.stdin.isTTY),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
