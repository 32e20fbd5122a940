/** `peer-bank` (S3): CH and MH tokens issued by the Peer Bank in step with the delivered flow (sim/money/peerBank.ts). */
import { CUR } from '../ledger.js';
import { demurrage } from '../demurrage.js';
import { bankPaysInputs, issue, provisioned } from '../peerBank.js';
import { nothing, type MoneyKind } from '../kind.js';
import type { World } from '../../engine/world.js';

export const peerBank: MoneyKind = {
  system: 'S3', currencies: [CUR.ch, CUR.mh], credit: false, exchange: true, bank: true,
  init: nothing, // positive balances: every floor stays 0
  daily: (w: World) => { demurrage(w); issue(w); },
  bankPaysInputs, workingBalance: provisioned, keptFromLending: provisioned,
};
