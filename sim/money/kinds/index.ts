/** The kinds of money, by `institutions.money`: a new kind is one file here and one row below. */
import type { Scenario } from '../../scenario/schema.js';
import type { MoneyKind } from '../kind.js';
import { none } from './none.js';
import { fixedStock } from './fixedStock.js';
import { kPercent } from './kPercent.js';
import { mutualCredit } from './mutualCredit.js';
import { mergedCredit } from './mergedCredit.js';
import { peerBank } from './peerBank.js';

export const MONEY_KINDS: Record<Scenario['institutions']['money'], MoneyKind> = {
  none,
  'fixed-stock': fixedStock,
  'k-percent': kPercent,
  'mutual-credit': mutualCredit,
  'merged-credit': mergedCredit,
  'peer-bank': peerBank,
};
