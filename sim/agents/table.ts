/**
 * The agent table: one typed array per field, indexed by agent id (struct of arrays, as in bitECS).
 *
 * Hot per-agent state lives here and nowhere else, so a day is a few linear passes over contiguous
 * memory. Hours are integers of milli-hours held in float64 (exact), so the hours identity (invariant
 * 6) is checked with `===`. Per-genre fields are [agent * liked + slot], slot indexing `liked`.
 */
export const STATUS = { producer: 0, droppedPc: 1, droppedDefault: 2, reentered: 3 } as const;

export class AgentTable {
  readonly n: number;
  readonly liked: number;
  // Type and PC.
  readonly cpuRich: Uint8Array;
  readonly rmax: Float64Array;          // GFLOPS of the current (or last) PC
  readonly pcAlive: Uint8Array;
  readonly pcAgeDays: Int32Array;
  readonly pcDeadSince: Int32Array;     // day the PC died (-1 while alive)
  readonly pcPaidMh: Float64Array;      // milli-MH put into the replacement so far
  readonly upgrading: Uint8Array;       // 1: paying for an early upgrade of a working PC
  readonly upgradeMh: Float64Array;     // milli-MH hired for that upgrade so far
  readonly upgradeRmax: Float64Array;   // GFLOPS of the PC it was offered and is paying for
  // Work and participation.
  readonly workHours: Float64Array;     // hours/day before pi
  readonly pi: Float64Array;
  readonly status: Uint8Array;
  readonly statusSince: Int32Array;
  // Genres, technique, production.
  readonly likedGenre: Uint8Array;      // [i * liked + s]
  readonly m: Float64Array;             // recipe multiplier per liked genre
  readonly tech: Float64Array;          // technique factor per liked genre (lowered by R&D)
  readonly made: Float64Array;          // goods made per liked genre
  readonly slot: Uint8Array;            // the liked slot it produces in
  readonly chooseGenre: Uint8Array;     // 1: choose the genre again before the next good
  readonly progress: Float64Array;
  readonly qualitySum: Float64Array;    // reputation = qualitySum / released (0.5 before any)
  readonly releasedCount: Float64Array;
  // Money.
  readonly creditShare: Float64Array;   // share of the full limit it has (1; 0 after a default; 0.5 on re-entry)
  readonly markup: Float64Array;        // S1: its adaptive markup mu_i
  readonly savings: Float64Array;       // per-copy sales: budget saved up for a copy, price units (milli)
  readonly atLimitDays: Int32Array;
  // Today's hours, milli-hours: endowment and its uses (invariant 6).
  readonly endowCh: Float64Array; readonly endowMh: Float64Array;
  readonly availCh: Float64Array; readonly availMh: Float64Array;   // after reservations: for production or sale
  readonly soldCh: Float64Array; readonly soldMh: Float64Array;
  readonly boughtCh: Float64Array; readonly boughtMh: Float64Array;
  readonly givenCh: Float64Array; readonly givenMh: Float64Array;
  readonly receivedCh: Float64Array; readonly receivedMh: Float64Array;
  readonly ownUseCh: Float64Array; readonly ownUseMh: Float64Array; // own hours in production
  readonly replCh: Float64Array;        // reserved for replication, then what copies used
  readonly rndCh: Float64Array; readonly rndMh: Float64Array;
  readonly pcMh: Float64Array;
  readonly hiredCh: Float64Array; readonly hiredMh: Float64Array; // hours hired for its R&D
  readonly idleCh: Float64Array; readonly idleMh: Float64Array;
  readonly planCh: Float64Array;        // planned CH purchase (+) or sale (-), milli-hours
  readonly planMh: Float64Array;        // planned MH purchase (+) or sale (-)
  // Today's money, MH-equivalents (for budgets and rho).
  readonly receiptsToday: Float64Array; // token receipts for goods and hours
  readonly inputPayToday: Float64Array; // token payments for inputs
  readonly workValueToday: Float64Array;// own hours in production + hours sold
  readonly workWorthToday: Float64Array;// the same, own hours counted at most at the price of the goods they made
  // Totals since day 0.
  readonly goodsMade: Float64Array;
  readonly funded: Float64Array;
  readonly refunded: Float64Array;
  readonly receiptsTotal: Float64Array;
  readonly workValueTotal: Float64Array;

  constructor(n: number, liked: number) {
    this.n = n;
    this.liked = liked;
    const f = () => new Float64Array(n);
    this.cpuRich = new Uint8Array(n);
    this.rmax = f(); this.pcAlive = new Uint8Array(n); this.pcAgeDays = new Int32Array(n);
    this.pcDeadSince = new Int32Array(n).fill(-1); this.pcPaidMh = f();
    this.upgrading = new Uint8Array(n); this.upgradeMh = f(); this.upgradeRmax = f();
    this.workHours = f(); this.pi = f(); this.status = new Uint8Array(n); this.statusSince = new Int32Array(n);
    this.likedGenre = new Uint8Array(n * liked); this.m = new Float64Array(n * liked);
    this.tech = new Float64Array(n * liked).fill(1); this.made = new Float64Array(n * liked);
    this.slot = new Uint8Array(n); this.chooseGenre = new Uint8Array(n).fill(1);
    this.progress = f(); this.qualitySum = f(); this.releasedCount = f();
    this.creditShare = new Float64Array(n).fill(1); this.atLimitDays = new Int32Array(n);
    this.markup = new Float64Array(n);
    this.savings = new Float64Array(n);
    this.endowCh = f(); this.endowMh = f(); this.availCh = f(); this.availMh = f();
    this.soldCh = f(); this.soldMh = f(); this.boughtCh = f(); this.boughtMh = f();
    this.givenCh = f(); this.givenMh = f(); this.receivedCh = f(); this.receivedMh = f();
    this.ownUseCh = f(); this.ownUseMh = f(); this.replCh = f(); this.rndCh = f(); this.rndMh = f();
    this.pcMh = f(); this.hiredCh = f(); this.hiredMh = f(); this.idleCh = f(); this.idleMh = f(); this.planCh = f(); this.planMh = f();
    this.receiptsToday = f(); this.inputPayToday = f(); this.workValueToday = f(); this.workWorthToday = f();
    this.goodsMade = f(); this.funded = f(); this.refunded = f(); this.receiptsTotal = f(); this.workValueTotal = f();
  }

  /** A producer: not dropped out. */
  isProducer(i: number): boolean {
    const s = this.status[i]!;
    return s === STATUS.producer || s === STATUS.reentered;
  }

  /** Reputation: mean quality of its released goods, 0.5 before any. */
  reputation(i: number): number {
    const r = this.releasedCount[i]!;
    return r > 0 ? this.qualitySum[i]! / r : 0.5;
  }
}
