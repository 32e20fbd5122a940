/** `mutual-credit` (S2, two-token): CH and MH tokens as mutual credit, with demurrage (sim/money/credit.ts). */
import { CUR } from '../ledger.js';
import { defaults, limits } from '../credit.js';
import { allowance, demurrage } from '../demurrage.js';
import { never, zero, type MoneyKind } from '../kind.js';
import type { World } from '../../engine/world.js';

export const mutualCredit: MoneyKind = {
  system: 'S2', currencies: [CUR.ch, CUR.mh], credit: true, exchange: true, bank: false,
  init: limits,
  daily: (w: World) => { limits(w); defaults(w); demurrage(w); },
  bankPaysInputs: never,
  workingBalance: zero, // inputs may be paid on credit: every positive balance is spendable
  keptFromLending: allowance, // below it, money costs no demurrage
};
