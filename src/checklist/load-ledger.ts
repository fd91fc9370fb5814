// Read through Vite, so editing the ledger rebuilds the pages that use it.
import ledgerSource from '../../content/checklist-ledger.yaml?raw';
import { parseLedger, type LedgerEntry } from './checklist-ledger.ts';

/** `content/checklist-ledger.yaml`, validated. Bad entries fail the build with the reason. */
export const loadLedger = (): LedgerEntry[] => parseLedger(ledgerSource);
