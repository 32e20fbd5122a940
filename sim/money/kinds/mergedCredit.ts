/** `merged-credit` (ablation, merged-token): S2's rules in one merged token. */
import { CUR } from '../ledger.js';
import type { MoneyKind } from '../kind.js';
import { mutualCredit } from './mutualCredit.js';

export const mergedCredit: MoneyKind = { ...mutualCredit, currencies: [CUR.cur], exchange: false };
