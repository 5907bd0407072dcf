/**
 * The rules a payment must meet, whichever way it arrives (a grant file read by the CLI, a
 * transfer posted to the ACH service): one place, pure. Each returns why a value is refused, or
 * undefined; the reader says where (a file's line, a request's field).
 */
import { effectiveDateProblem, nextBankingDay, notBankingDayReason } from '../banking-days.js';
import { MAX_AMOUNT_CENTS } from '../money.js';
import { isValidRouting } from '../nacha/aba.js';
import { foldToNacha, NACHA_NAME_WIDTH, nachaNameProblem, RECIPIENT_NAME_MAX } from '../nacha/text.js';

export { effectiveDateProblem, MAX_AMOUNT_CENTS, nextBankingDay, notBankingDayReason, RECIPIENT_NAME_MAX };

/** A 9-digit routing number whose ABA check digit is wrong (the shape itself is the reader's to check). */
export function checkDigitProblem(routing: string): string | undefined {
  return /^\d{9}$/.test(routing) && !isValidRouting(routing) ? `check digit is wrong for ${routing}` : undefined;
}

/** A recipient's name is kept whole (up to RECIPIENT_NAME_MAX) and cut to its field only when a file is cut. */
export function recipientNameProblem(name: string): string | undefined {
  return nachaNameProblem(name) ?? (name.length > RECIPIENT_NAME_MAX ? `is ${name.length} characters; at most ${RECIPIENT_NAME_MAX}` : undefined);
}

/** The originator's company name must fit its field once folded to NACHA text: the operator controls it. */
export function originatorNameProblem(name: string): string | undefined {
  const problem = nachaNameProblem(name);
  if (problem) return problem;
  const folded = foldToNacha(name);
  return folded.length > NACHA_NAME_WIDTH.companyName ? `is ${folded.length} characters as NACHA text ("${folded}"); at most ${NACHA_NAME_WIDTH.companyName}` : undefined;
}

/** A whole number of cents an ACH credit can carry: more than zero, at most $99,999,999.99. */
export function amountCentsProblem(cents: number): string | undefined {
  if (!Number.isSafeInteger(cents)) return 'must be a whole number of cents';
  if (cents <= 0) return 'must be more than zero';
  if (cents > MAX_AMOUNT_CENTS) return `must be at most ${MAX_AMOUNT_CENTS} ($99,999,999.99)`;
  return undefined;
}
