import { verifierUrl } from './checklist-markdown.ts';

/** Where a team saves the workflow in its repository. */
export const WORKFLOW_PATH = '.github/workflows/pre-merge-checklist.yml';

/**
 * The GitHub Actions workflow that checks the checklist in every pull request's description, as
 * shown on the checklist page and in the README (a unit test runs its command on a fixture).
 * The description reaches the shell as an environment variable, never inside the script, so
 * nothing an author writes in it can run as a command.
 */
export const verifierWorkflow = (siteBase: string): string => `# ${WORKFLOW_PATH}
# Fails when an item of the pre-merge checklist in the pull request's description is still open.
name: Pre-merge checklist
on:
  pull_request:
    types: [opened, edited, synchronize, reopened]
permissions: {}
jobs:
  checklist:
    runs-on: ubuntu-latest
    steps:
      - name: Check the checklist in the description
        env:
          PR_BODY: \${{ github.event.pull_request.body }}
          VERIFIER_URL: ${verifierUrl(siteBase)}
        run: |
          curl --fail --silent --show-error --location --output verify-checklist.mjs "$VERIFIER_URL"
          printf '%s' "$PR_BODY" | node verify-checklist.mjs
`;
