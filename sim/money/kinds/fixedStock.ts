/** `fixed-stock` (S1, market): one currency, a stock minted on day 0 (sim/money/stock.ts). */
import { CUR } from '../ledger.js';
import { mintStock, wageBalance } from '../stock.js';
import { never, nothing, type MoneyKind } from '../kind.js';

export const fixedStock: MoneyKind = {
  system: 'S1', currencies: [CUR.cur], credit: false, exchange: false, bank: false,
  init: mintStock, daily: nothing, bankPaysInputs: never, workingBalance: wageBalance, keptFromLending: wageBalance,
};
