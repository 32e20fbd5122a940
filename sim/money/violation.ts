/**
 * InvariantViolation: the one error a broken ledger or state raises. A run that breaks an invariant of
 * MODEL.md section 8 stops at once with a message naming the day, the account and the amounts.
 */
export class InvariantViolation extends Error {
  constructor(
    readonly day: number,
    readonly invariant: string,
    readonly detail: string,
  ) {
    super(`invariant ${invariant} violated on day ${day}: ${detail}`);
    this.name = 'InvariantViolation';
  }
}
