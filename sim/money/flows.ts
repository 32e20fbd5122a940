/**
 * The names of the daily transactions-flow matrix (MODEL.md section 8): rows are flow kinds, columns
 * are sectors, one matrix per currency. flows.csv writes its non-zero cells in long format.
 */
export const CURRENCIES = ['ch', 'mh', 'cur'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const FLOW_KINDS = [
  'exchange', 'input', 'pledge', 'release', 'refund', 'demurrage', 'dividend', 'writeoff',
  'issuance', 'burn', 'loan', 'repayment', 'sale',
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const SECTORS = ['producers', 'escrow', 'commons', 'exchange', 'bank'] as const;
export type Sector = (typeof SECTORS)[number];
