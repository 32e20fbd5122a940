/**
 * The world: everything a day's phases read and write. Agent state is in `agents` (typed arrays), money
 * in `ledger`, campaigns in `book`, genre state in `genres`; the rest are a few scalars of the day and
 * scratch buffers allocated once, so the day's loops allocate nothing.
 */
import type { Scenario } from '../scenario/schema.js';
import { AgentTable } from '../agents/table.js';
import { createPopulation, CALIBRATIONS } from '../agents/population.js';
import { Ledger } from '../money/ledger.js';
import { CampaignBook } from '../economy/campaigns.js';
import { Genres } from '../economy/genres.js';
import { technology, type Technology } from '../economy/production.js';
import { RollingScalar, RollingSum } from '../metrics/rolling.js';
import { MedianBracket } from '../metrics/stats.js';
import { stream, type Stream } from './random.js';
import { PeerBankState } from '../money/peerBank.js';
import { MONEY_KINDS } from '../money/kinds/index.js';
import type { MoneyKind } from '../money/kind.js';
import { GIFTS, INPUTS, PRICING, SALE, type Inputs, type Pricing, type Sale } from './institutions.js';
import { Shop } from '../economy/shop.js';
import { PowMemo } from '../economy/powMemo.js';
import { LoanBook } from '../money/loans.js';
import { toMilli } from '../money/milli.js';
import { exp, log } from './libm.js';

/** Counters of the day, read by the metrics row. */
export class DayStats {
  goodsCompleted = 0; goodsReleased = 0; copies = 0;
  campaignsOpened = 0; campaignsFunded = 0; campaignsRefunded = 0; daysToFundSum = 0;
  costMhSum = 0; costChSum = 0; costIndexSum = 0;
  priceSum = 0; priceLevelSum = 0; pricedGoods = 0; costFundedSum = 0; hired = [0, 0];
  goodsNearFloor = 0; pledgers = 0; pledgersCapped = 0;
  defaults = 0; rndSuccesses = 0; upgrades = 0; upgradeMh = 0;
  loansGranted = [0, 0, 0]; loansRepaid = [0, 0, 0];
  writtenOff = [0, 0, 0]; demurrage = [0, 0, 0]; flow = [0, 0, 0]; inputPaid = [0, 0, 0]; issued = [0, 0, 0]; burned = [0, 0, 0];
  deliveredCh = 0; deliveredMh = 0; productionCh = 0; productionMh = 0;
  reset(): void {
    this.goodsCompleted = this.goodsReleased = this.copies = 0;
    this.campaignsOpened = this.campaignsFunded = this.campaignsRefunded = this.daysToFundSum = 0;
    this.costMhSum = this.costChSum = this.costIndexSum = 0;
    this.priceSum = this.priceLevelSum = this.pricedGoods = this.costFundedSum = 0; this.hired.fill(0);
    this.goodsNearFloor = this.pledgers = this.pledgersCapped = 0;
    this.defaults = this.rndSuccesses = this.upgrades = this.upgradeMh = 0;
    this.loansGranted.fill(0); this.loansRepaid.fill(0);
    this.writtenOff.fill(0); this.demurrage.fill(0); this.flow.fill(0); this.inputPaid.fill(0); this.issued.fill(0); this.burned.fill(0);
    this.deliveredCh = this.deliveredMh = this.productionCh = this.productionMh = 0;
  }
}

export interface Streams {
  frontier: Stream; gift: Stream; rationing: Stream; order: Stream; freeRide: Stream;
  goods: Stream; consume: Stream; rnd: Stream; dividend: Stream; markup: Stream; upgrade: Stream;
}

export class World {
  readonly s: Scenario;
  readonly n: number;
  readonly agents: AgentTable;
  readonly ledger: Ledger;
  readonly book: CampaignBook;
  readonly genres: Genres;
  readonly tech: Technology;
  readonly rng: Streams;
  /** What the kind of money (`institutions.money`) implies (sim/money/kinds/). */
  readonly money: MoneyKind;
  /** How hours move, how goods are priced and how they are sold (institutions.ts). */
  readonly inputs: Inputs;
  readonly pricing: Pricing;
  readonly sale: Sale;
  /** Whether there is money at all (from `money`, like `single`, `credit` and `currencies`: fields that hot loops read). */
  readonly hasMoney: boolean;
  /** Peer loans (presets with money). */
  readonly loans: LoanBook | null;
  /** The Peer Bank's state (S3 only). */
  readonly bank: PeerBankState | null;
  /** One currency (S1: market, market-k; the merged-token ablation): input and campaign prices in `cur`. */
  readonly single: boolean;
  /** Money that is mutual credit (agents may go below 0 down to their limits): two-token, merged token. */
  readonly credit: boolean;
  /** The ledger currencies the money uses: [CH, MH] tokens, [cur], or none (gift). */
  readonly currencies: readonly number[];
  /** S1: the money wage w (cur per MH); the CH price is r = e x w, e being the cleared relative price. */
  wage = 1;
  /** S1: yesterday's hours used in production, MH-equivalents (H in w = M / (k_w H)). */
  hoursUsedYesterday = 0;
  /** Per-copy sales (sale: per-copy): the day's closed goods on sale. */
  readonly shop: Shop | null;
  readonly stats = new DayStats();
  day = 0;
  /** Rmax of the best PC money can buy, GFLOPS. */
  rmaxFrontier: number;
  /** CH per good of the base recipe: computeDays of the installed PCs' typical (geometric mean) output. */
  baseCh = 0;
  /** Today's clearing rate (MH per CH), NaN without trade. */
  rate = NaN;
  /** The rate used for values today: today's, else the last, else e_ref. */
  e = NaN;
  /** Whether the exchange has ever cleared (before that, values use e_ref). */
  hadRate = false;
  /** Rolling windows per agent: work value (demand window), work value and net receipts (rho), receipts (30 d). */
  readonly workDemand: RollingSum;
  readonly workRho: RollingSum;
  readonly netRho: RollingSum;
  readonly receipts30: RollingSum;
  readonly flowEma = [0, 0, 0];
  readonly payments365 = [new RollingScalar(365), new RollingScalar(365), new RollingScalar(365)];
  readonly money365 = [new RollingScalar(365), new RollingScalar(365), new RollingScalar(365)];
  goodsTotal = 0;
  // Scratch, allocated once.
  readonly idxA: Int32Array; readonly idxB: Int32Array; readonly order: Int32Array;
  readonly bufA: Float64Array; readonly bufB: Float64Array; readonly bufC: Float64Array;
  readonly pair = new Float64Array(2);
  /** Today's R&D bids, CH and MH milli-hours by agent (sim/markets/lend.ts rndBids), for the day and mix they were computed at. */
  readonly rndBid: Float64Array;
  /** T^beta of each agent's liked entries, remembered with the technique factor T it was computed for (sim/economy/invest.ts). */
  readonly techPowers: PowMemo;
  /** The producers' median rho, found near yesterday's (sim/metrics/observe.ts): one bracket per run. */
  readonly rhoMedian = new MedianBracket();
  rndBidDay = -1;
  rndBidSx = NaN;

  constructor(s: Scenario, audit: boolean) {
    this.s = s;
    this.n = s.agents;
    this.rng = {
      frontier: stream(s.seed, 'frontier'), gift: stream(s.seed, 'gift'), rationing: stream(s.seed, 'rationing'),
      order: stream(s.seed, 'pledge-order'), freeRide: stream(s.seed, 'free-ride'), goods: stream(s.seed, 'goods'),
      consume: stream(s.seed, 'consume'), rnd: stream(s.seed, 'rnd'), dividend: stream(s.seed, 'dividend'),
      markup: stream(s.seed, 'markup'), upgrade: stream(s.seed, 'pc-upgrade'),
    };
    this.agents = createPopulation(s, stream(s.seed, 'population'));
    this.agents.markup.fill(s.market.markup0);
    this.ledger = new Ledger(this.n, audit);
    this.book = new CampaignBook(s.genres.count);
    this.tech = technology(s.production.sigma);
    this.money = MONEY_KINDS[s.institutions.money];
    this.inputs = INPUTS[s.institutions.inputs];
    this.pricing = PRICING[s.institutions.pricing];
    this.sale = this.pricing.priced ? SALE[s.sale] : GIFTS;
    this.currencies = this.money.currencies;
    this.hasMoney = this.currencies.length > 0;
    this.single = this.currencies.length === 1;
    this.credit = this.money.credit;
    this.loans = this.hasMoney ? new LoanBook(this.n, s.loans.termDays) : null;
    this.bank = this.money.bank ? new PeerBankState(this.n, s.bank.emaDays) : null;
    this.rmaxFrontier = CALIBRATIONS[s.calibration].rmaxMedianGflops;
    this.updateBaseRecipe();
    this.e = this.eRef;
    const yearOfOutput = this.yearOfOutputPerGenre();
    // X0 (MODEL.md section 6): priorYears of the genre's output at the start, or an explicit count of goods.
    this.genres = new Genres(s.genres.count, s.learning.priorGoods === 'auto' ? s.learning.priorYears * yearOfOutput : s.learning.priorGoods);
    const goodsPerDay = (yearOfOutput * s.genres.count) / 365; // a year of output, by day
    this.shop = this.sale.shop
      ? new Shop(s.genres.count, (this.n * s.consumption.attention) / goodsPerDay) : null;
    this.workDemand = new RollingSum(this.n, s.demand.windowDays);
    this.workRho = new RollingSum(this.n, s.participation.rhoWindowDays);
    this.netRho = new RollingSum(this.n, s.participation.rhoWindowDays);
    this.receipts30 = new RollingSum(this.n, 30);
    this.idxA = new Int32Array(this.n); this.idxB = new Int32Array(this.n); this.order = new Int32Array(this.n);
    this.bufA = new Float64Array(this.n); this.bufB = new Float64Array(this.n); this.bufC = new Float64Array(this.n);
    this.rndBid = new Float64Array(2 * this.n);
    this.techPowers = new PowMemo(this.agents.tech.length, s.rnd.beta);
    for (let i = 0; i < this.n; i++) this.order[i] = i;
  }

  /** Start a day: clear the day's counters, the agents' hours and payments of the day, and the ledger's flow matrix. */
  beginDay(day: number): void {
    this.day = day;
    const a = this.agents;
    for (const today of [a.soldCh, a.soldMh, a.boughtCh, a.boughtMh, a.givenCh, a.givenMh, a.receivedCh,
      a.receivedMh, a.ownUseCh, a.ownUseMh, a.rndCh, a.rndMh, a.pcMh, a.hiredCh, a.hiredMh, a.idleCh, a.idleMh, a.planCh, a.planMh,
      a.receiptsToday, a.inputPayToday, a.workValueToday, a.workWorthToday]) today.fill(0);
    this.ledger.beginDay(day);
    this.stats.reset();
    this.genres.beginDay();
    this.bank?.beginDay();
    this.shop?.beginDay();
    this.rate = NaN;
  }

  /** End a day: roll the genres' funded shares. */
  endDay(): void {
    this.genres.endDay(this.day);
  }

  /** e_ref = median costMh / median costCh of the recipes = baseMh / baseCh (all recipes scale the base). */
  get eRef(): number {
    return this.s.goods.baseMh / this.baseCh;
  }

  /** Recompute baseCh from the geometric mean Rmax of the working PCs (weekly; MODEL.md section 1). */
  updateBaseRecipe(): void {
    const a = this.agents;
    let logSum = 0;
    let count = 0;
    for (let i = 0; i < this.n; i++) if (a.pcAlive[i] === 1) { logSum += log(a.rmax[i]!); count++; }
    if (count === 0) return; // every PC dead: keep the last recipe
    this.baseCh = this.s.goods.computeDays * exp(logSum / count) * this.s.pc.onHoursPerDay;
  }

  /** Campaign price units (milli) per milli MH-equivalent: 1 with tokens, the wage with one currency. */
  get priceUnit(): number {
    return this.single ? this.wage : 1;
  }

  /** Agent i's mean daily work value over the demand window, in campaign price units (milli). */
  workValuePerDay(i: number): number {
    const span = Math.max(1, this.workDemand.span);
    return toMilli(this.workDemand.sum[i]! / span) * this.priceUnit;
  }

  /** Own cost factor of agent i in liked slot k: m x the efficiency factor of that slot. */
  factor(i: number, k: number): number {
    const j = i * this.agents.liked + k;
    return this.agents.m[j]! * this.efficiency(j);
  }

  /**
   * The efficiency factor of liked entry j (agent x liked slot): M + (1 - M) x technique x learning,
   * M = learning.floor, the incompressible share (DeJong's learning curve; Yelle 1979). Technique and
   * learning fall without bound, so the factor approaches M and never reaches it (MODEL.md section 6).
   */
  efficiency(j: number): number {
    const M = this.s.learning.floor;
    return M + (1 - M) * this.agents.tech[j]! * this.genres.learn[this.agents.likedGenre[j]!]!;
  }

  /** Genre of agent i's current production slot. */
  genreOf(i: number): number {
    return this.agents.likedGenre[i * this.agents.liked + this.agents.slot[i]!]!;
  }

  /** X0 = a year of a genre's output at the start: every agent's capacity at the base recipe, over K genres. */
  private yearOfOutputPerGenre(): number {
    const a = this.agents;
    const e = this.eRef;
    const unit = this.s.goods.baseMh + e * this.baseCh;
    let value = 0;
    for (let i = 0; i < this.n; i++) {
      const ch = a.rmax[i]! * this.s.pc.onHoursPerDay;
      const mh = Math.max(0, a.workHours[i]! - this.s.work.upkeepMh);
      value += (e * ch + mh) * (1 - this.s.rnd.share);
    }
    return Math.max(1, (365 * value) / unit / this.s.genres.count);
  }
}
