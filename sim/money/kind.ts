/**
 * What a kind of money (`institutions.money`) implies, in one record: the engine, the markets and the
 * budgets ask the record (`World.money`) and never the option's name. One file per kind in
 * sim/money/kinds/, one row in MONEY_KINDS (sim/money/kinds/index.ts).
 */
import type { World } from '../engine/world.js';

export type Step = (w: World) => void;

/** The systems of MODEL.md section 4 a kind of money belongs to: S0 gift (none), S1 one currency of
 * fixed or k-percent stock with auctioned inputs, S2 two-token mutual credit, S3 the Peer Bank. */
export type MoneySystem = 'S0' | 'S1' | 'S2' | 'S3';

export interface MoneyKind {
  /** Its system in MODEL.md section 4 (the merged-token ablation keeps S2's rules in one token: S2). */
  readonly system: MoneySystem;
  /** The ledger currencies it uses: the CH and MH tokens, the one currency `cur`, or none (gift). */
  readonly currencies: readonly number[];
  /** Mutual credit: agents may go below 0, down to their limits (balances sum to 0, invariant 2). */
  readonly credit: boolean;
  /** Two tokens swapped on the CH/MH exchange at the cleared rate, inputs bought at par (invariant 7). */
  readonly exchange: boolean;
  /** A Peer Bank measures the delivered flow (World.bank), issues by its rule and burns demurrage. */
  readonly bank: boolean;
  /** Before day 0's phases (day 0's flows include what it posts). */
  readonly init: Step;
  /** The day's money phase, after the loan instalments. */
  readonly daily: Step;
  /** Whether the bank pays today's inputs with new tokens (the Peer Bank's bootstrap): then nobody
   * pays for inputs, swaps tokens, borrows, hires or upgrades. */
  readonly bankPaysInputs: (w: World) => boolean;
  /** The balance agent i works with in `cur` (milli): its budget's balance term counts only what lies
   * above it (sim/economy/budget.ts). */
  readonly workingBalance: (w: World, cur: number, i: number) => number;
  /** The balance agent i keeps back from lending in `cur` (milli): what lies above is idle and may be
   * lent (sim/markets/lend.ts). The working balance, but under mutual credit the demurrage allowance
   * (docs/model.md, "One working balance"). */
  readonly keptFromLending: (w: World, cur: number, i: number) => number;
}

export const nothing: Step = () => {};
export const never = (): boolean => false;
export const zero = (): number => 0;
