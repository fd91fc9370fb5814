/**
 * The command line of the checklist verifier, with its input and output passed in, so the same
 * code runs in `npm run checklist:verify`, in the downloadable single file and in unit tests.
 *
 *     verify-checklist.mjs [description.md]      reads the file, or stdin without one (or with -)
 *
 * Exit status: 0 every item of the groups present is settled, 1 some are open, 2 unusable input
 * (no checklist item found, unreadable file, bad arguments).
 */
import { formatVerification, verifyDescription, type VerifierChecklist } from './checklist-verify.ts';

export interface VerifierIo {
  /** The text of a file; throws when it cannot be read. */
  readFile(path: string): string;
  /** All of stdin, as text. */
  readStdin(): Promise<string>;
  /** True when stdin is a terminal (nothing piped in): reading it would wait for typing. */
  readonly stdinIsTerminal: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const VERIFIER_USAGE = `Usage: verify-checklist [description.md | -]

Checks the pre-merge checklist in a pull-request description. Reads the file named, or stdin
when there is none (or it is "-"). Exit status: 0 when every item of the groups the description
lists is done or does not apply (with a reason), 1 when some are open, 2 when the input is
unusable (no checklist item found, unreadable file).
`;

export async function runVerifier(
  args: readonly string[],
  checklist: VerifierChecklist,
  io: VerifierIo,
): Promise<0 | 1 | 2> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(VERIFIER_USAGE);
    return 0;
  }
  const unknownOption = args.find((arg) => arg.startsWith('-') && arg !== '-');
  if (unknownOption !== undefined || args.length > 1) {
    io.stderr(
      `verify-checklist: ${unknownOption ? `unknown option ${unknownOption}` : 'give at most one file'}.\n\n${VERIFIER_USAGE}`,
    );
    return 2;
  }
  const file = args[0] ?? '-';
  let markdown: string;
  try {
    if (file !== '-') markdown = io.readFile(file);
    else if (io.stdinIsTerminal) {
      io.stderr(
        `verify-checklist: nothing on stdin; give a file, or pipe the description in.\n\n${VERIFIER_USAGE}`,
      );
      return 2;
    } else markdown = await io.readStdin();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`verify-checklist: cannot read ${file === '-' ? 'stdin' : file}: ${reason}\n`);
    return 2;
  }
  const verification = verifyDescription(markdown, checklist);
  const report = formatVerification(verification, checklist);
  if (verification.exitCode === 2) io.stderr(report);
  else io.stdout(report);
  return verification.exitCode;
}
