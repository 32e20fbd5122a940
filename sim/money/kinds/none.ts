/** `none` (S0, gift): no money; hours are given (sim/economy/gift.ts). */
import { never, nothing, zero, type MoneyKind } from '../kind.js';

export const none: MoneyKind = {
  system: 'S0', currencies: [], credit: false, exchange: false, bank: false,
  init: nothing, daily: nothing, bankPaysInputs: never, workingBalance: zero, keptFromLending: zero,
};
