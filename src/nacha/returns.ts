/**
 * What an RDFI sends back: returns (addenda type 99, return reason codes R01-R85, dishonored
 * returns R61-R77 in a layout of their own) and notifications of change (addenda type 98, change
 * codes C01-C13), read from an addenda record's 94 characters and checked against NACHA's code
 * tables. Pure.
 */
import { abaCheckDigit } from './aba.js';
import {
  changeAddendaLayout,
  dishonoredReturnAddendaLayout,
  type Field,
  fieldsByName,
  fieldText,
  formatRecord,
  positions,
  returnAddendaLayout,
  VALID_TRANSACTION_CODES,
} from './layout.js';
import { buildNachaFile, serializeNachaFile } from './writer.js';

/** NACHA's return reason codes (Operating Rules, Appendix Four), with what each means. */
export const RETURN_REASONS: Readonly<Record<string, string>> = {
  R01: 'Insufficient Funds',
  R02: 'Account Closed',
  R03: 'No Account/Unable to Locate Account',
  R04: 'Invalid Account Number Structure',
  R05: 'Unauthorized Debit to Consumer Account Using Corporate SEC Code',
  R06: "Returned per ODFI's Request",
  R07: 'Authorization Revoked by Customer',
  R08: 'Payment Stopped',
  R09: 'Uncollected Funds',
  R10: 'Customer Advises Originator is Not Known to Receiver and/or Is Not Authorized',
  R11: 'Customer Advises Entry Not in Accordance with the Terms of the Authorization',
  R12: 'Account Sold to Another DFI',
  R13: 'Invalid ACH Routing Number',
  R14: 'Representative Payee Deceased or Unable to Continue in That Capacity',
  R15: 'Beneficiary or Account Holder (Other Than a Representative Payee) Deceased',
  R16: 'Account Frozen/Entry Returned per OFAC Instruction',
  R17: 'File Record Edit Criteria / Entry with Invalid Account Number Initiated Under Questionable Circumstances',
  R18: 'Improper Effective Entry Date',
  R19: 'Amount Field Error',
  R20: 'Non-Transaction Account',
  R21: 'Invalid Company Identification',
  R22: 'Invalid Individual ID Number',
  R23: 'Credit Entry Refused by Receiver',
  R24: 'Duplicate Entry',
  R25: 'Addenda Error',
  R26: 'Mandatory Field Error',
  R27: 'Trace Number Error',
  R28: 'Routing Number Check Digit Error',
  R29: 'Corporate Customer Advises Not Authorized',
  R30: 'RDFI Not Participant in Check Truncation Program',
  R31: 'Permissible Return Entry (CCD and CTX only)',
  R32: 'RDFI Non-Settlement',
  R33: 'Return of XCK Entry',
  R34: 'Limited Participation DFI',
  R35: 'Return of Improper Debit Entry',
  R36: 'Return of Improper Credit Entry',
  R37: 'Source Document Presented for Payment',
  R38: 'Stop Payment on Source Document',
  R39: 'Improper Source Document/Source Document Presented for Payment',
  R40: 'Return of ENR Entry by Federal Government Agency',
  R41: 'Invalid Transaction Code',
  R42: 'Routing Number/Check Digit Error',
  R43: 'Invalid DFI Account Number',
  R44: 'Invalid Individual ID Number/Identification Number',
  R45: 'Invalid Individual Name/Company Name',
  R46: 'Invalid Representative Payee Indicator',
  R47: 'Duplicate Enrollment',
  R50: 'State Law Affecting RCK Acceptance',
  R51: 'Item Related to RCK Entry is Ineligible or RCK Entry is Improper',
  R52: 'Stop Payment on Item Related to RCK Entry',
  R53: 'Item and RCK Entry Presented for Payment',
  R61: 'Misrouted Return',
  R62: 'Return of Erroneous or Reversing Debit',
  R67: 'Duplicate Return',
  R68: 'Untimely Return',
  R69: 'Field Error(s)',
  R70: 'Permissible Return Entry Not Accepted/Return Not Requested by ODFI',
  R71: 'Misrouted Dishonored Return',
  R72: 'Untimely Dishonored Return',
  R73: 'Timely Original Return',
  R74: 'Corrected Return',
  R75: 'Return Not a Duplicate',
  R76: 'No Errors Found',
  R77: 'Non-Acceptance of R62 Dishonored Return',
  R80: 'IAT Entry Coding Error',
  R81: 'Non-Participant in IAT Program',
  R82: 'Invalid Foreign Receiving DFI Identification',
  R83: 'Foreign Receiving DFI Unable to Settle',
  R84: 'Entry Not Processed by Gateway',
  R85: 'Incorrectly Coded Outbound International Payment',
};

/** Dishonored returns (an ODFI refusing a return) and contested ones: addenda 99 in the dishonored layout. */
const DISHONORED = new Set(['R61', 'R62', 'R67', 'R68', 'R69', 'R70', 'R71', 'R72', 'R73', 'R74', 'R75', 'R76', 'R77']);

/** NACHA's change codes: what a notification of change corrects. */
export const CHANGE_CODES: Readonly<Record<string, string>> = {
  C01: 'Incorrect DFI Account Number',
  C02: 'Incorrect Routing Number',
  C03: 'Incorrect Routing Number and Incorrect DFI Account Number',
  C04: 'Incorrect Individual Name/Receiving Company Name',
  C05: 'Incorrect Transaction Code',
  C06: 'Incorrect DFI Account Number and Incorrect Transaction Code',
  C07: 'Incorrect Routing Number, Incorrect DFI Account Number, and Incorrect Transaction Code',
  C08: 'Incorrect Receiving DFI Identification (IAT Only)',
  C09: 'Incorrect Individual Identification Number',
  C10: 'Incorrect Company Name',
  C11: 'Incorrect Company Identification',
  C12: 'Incorrect Company Name and Company Identification',
  C13: 'Addenda Format Error',
};

export interface ReturnAddenda {
  kind: 'return';
  /** R01... */
  code: string;
  description: string;
  /** The trace number of the entry being returned (the ODFI's, as it was sent). */
  originalTrace: string;
  /** YYMMDD, for R14/R15; undefined when blank. */
  dateOfDeath?: string;
  /** The first 8 digits of the routing the original entry went to. */
  originalRdfi: string;
  information: string;
  /** This addenda's own trace number. */
  traceNumber: string;
  /** A dishonored or contested return: the return trace it answers and that return's reason. */
  dishonored?: { returnTrace: string; returnReasonCode: string; settlementDate: string };
}

export interface ChangeAddenda {
  kind: 'change';
  /** C01... */
  code: string;
  description: string;
  originalTrace: string;
  originalRdfi: string;
  /** The corrected data, as the RDFI wrote it (its layout depends on the code). */
  correctedData: string;
  traceNumber: string;
}

export type ReturnOrChange = ReturnAddenda | ChangeAddenda;

/** A problem with an addenda record: the rule and what is wrong (the reader adds the line). */
export interface AddendaProblem {
  rule: string;
  message: string;
}

const digits = (s: string, n: number) => s.length === n && /^\d+$/.test(s);

/**
 * What a change code's corrected data must hold (positions 36-64, relative positions here): a
 * routing number (9 digits, its check digit right) for C02, C03 and C07, a transaction code NACHA
 * has for C05, C06 and C07; the problem, or undefined.
 */
function correctedDataProblem(code: string, data: string): string | undefined {
  const routing = (from: number) => {
    const r = data.slice(from - 1, from + 8);
    return digits(r, 9) && abaCheckDigit(r.slice(0, 8)) === Number(r[8]) ? undefined : `a routing number with its check digit at ${from}-${from + 8}, got "${r}"`;
  };
  const txCode = (from: number) => {
    const t = data.slice(from - 1, from + 1);
    return VALID_TRANSACTION_CODES.has(Number(t)) && digits(t, 2) ? undefined : `a transaction code at ${from}-${from + 1}, got "${t}"`;
  };
  const wants: Record<string, () => string | undefined> = {
    C02: () => routing(1),
    C03: () => routing(1),
    C05: () => txCode(1),
    C06: () => txCode(21),
    C07: () => routing(1) ?? txCode(27),
  };
  const problem = wants[code]?.();
  return problem && `corrected data of ${code} (${CHANGE_CODES[code]}) must hold ${problem}`;
}
const blank = (s: string) => s.trim() === '';
/** YYMMDD with a real month and day. */
const isDate = (s: string) => /^\d{6}$/.test(s) && Number(s.slice(2, 4)) >= 1 && Number(s.slice(2, 4)) <= 12 && Number(s.slice(4, 6)) >= 1 && Number(s.slice(4, 6)) <= 31;

const RETURN = fieldsByName(returnAddendaLayout);
const DISHONORED_RETURN = fieldsByName(dishonoredReturnAddendaLayout);
const CHANGE = fieldsByName(changeAddendaLayout);

/** Reads an addenda record of type 98 or 99 (the full 94-character line) through its layout; problems instead of a result when a field is wrong. */
export function readReturnOrChange(line: string): { value?: ReturnOrChange; problems: AddendaProblem[] } {
  const type = fieldText(line, RETURN.addendaTypeCode!);
  const at = (fd: Field) => fieldText(line, fd);
  const problems: AddendaProblem[] = [];
  // The fields every 98 and 99 has, at the same places.
  const code = at(RETURN.returnReasonCode!);
  const originalTrace = at(RETURN.originalEntryTraceNumber!);
  const originalRdfi = at(RETURN.originalReceivingDfi!);
  const traceNumber = at(RETURN.traceNumber!);
  if (!digits(originalTrace, 15))
    problems.push({ rule: 'return-field', message: `original entry trace number (${positions(RETURN.originalEntryTraceNumber!)}) must be 15 digits, got "${originalTrace}"` });
  if (!digits(originalRdfi, 8))
    problems.push({ rule: 'return-field', message: `original receiving DFI (${positions(RETURN.originalReceivingDfi!)}) must be 8 digits, got "${originalRdfi}"` });
  if (!digits(traceNumber, 15)) problems.push({ rule: 'field-format', message: `trace number (${positions(RETURN.traceNumber!)}) must be 15 digits, got "${traceNumber}"` });
  if (type === '98') {
    if (!(code in CHANGE_CODES)) problems.push({ rule: 'change-code', message: `change code "${code}" (${positions(CHANGE.changeCode!)}) is not one of NACHA's C01-C13` });
    const correctedData = at(CHANGE.correctedData!).trimEnd();
    if (blank(correctedData)) problems.push({ rule: 'return-field', message: `corrected data (${positions(CHANGE.correctedData!)}) is empty` });
    else {
      const wrong = correctedDataProblem(code, at(CHANGE.correctedData!));
      if (wrong) problems.push({ rule: 'return-field', message: wrong });
    }
    if (!blank(at(CHANGE.reserved!)) || !blank(at(CHANGE.reserved2!)))
      problems.push({
        rule: 'return-field',
        message: `reserved ${positions(CHANGE.reserved!)} and ${positions(CHANGE.reserved2!).replace('positions ', '')} of a notification of change must be blank`,
      });
    if (problems.length) return { problems };
    return { value: { kind: 'change', code, description: CHANGE_CODES[code]!, originalTrace, originalRdfi, correctedData, traceNumber }, problems };
  }
  if (!(code in RETURN_REASONS)) problems.push({ rule: 'return-code', message: `return reason code "${code}" (${positions(RETURN.returnReasonCode!)}) is not one of NACHA's` });
  const common = { kind: 'return' as const, code, description: RETURN_REASONS[code]!, originalTrace, originalRdfi, traceNumber };
  if (DISHONORED.has(code)) {
    const returnTrace = at(DISHONORED_RETURN.returnTraceNumber!);
    const settlementDate = at(DISHONORED_RETURN.returnSettlementDate!);
    const returnReasonCode = at(DISHONORED_RETURN.returnReasonCode!);
    if (!digits(returnTrace, 15))
      problems.push({ rule: 'return-field', message: `return trace number (${positions(DISHONORED_RETURN.returnTraceNumber!)}) must be 15 digits, got "${returnTrace}"` });
    if (!blank(settlementDate) && !digits(settlementDate, 3))
      problems.push({ rule: 'return-field', message: `return settlement date (${positions(DISHONORED_RETURN.returnSettlementDate!)}) must be 3 digits, got "${settlementDate}"` });
    if (!(`R${returnReasonCode}` in RETURN_REASONS))
      problems.push({ rule: 'return-code', message: `return reason code "${returnReasonCode}" (${positions(DISHONORED_RETURN.returnReasonCode!)}) is not one of NACHA's` });
    const dishonored = { returnTrace, returnReasonCode: `R${returnReasonCode}`, settlementDate };
    return problems.length ? { problems } : { value: { ...common, information: at(DISHONORED_RETURN.addendaInformation!).trimEnd(), dishonored }, problems };
  }
  const dateOfDeath = at(RETURN.dateOfDeath!);
  if (!blank(dateOfDeath) && !isDate(dateOfDeath))
    problems.push({ rule: 'return-field', message: `date of death (${positions(RETURN.dateOfDeath!)}) must be YYMMDD or blank, got "${dateOfDeath}"` });
  if ((code === 'R14' || code === 'R15') && blank(dateOfDeath))
    problems.push({ rule: 'return-field', message: `${code} (${RETURN_REASONS[code]}) needs the date of death (${positions(RETURN.dateOfDeath!)})` });
  return problems.length ? { problems } : { value: { ...common, ...(blank(dateOfDeath) ? {} : { dateOfDeath }), information: at(RETURN.addendaInformation!).trimEnd() }, problems };
}

/** The 91 characters after the type code of a return's addenda 99 (the bank's side: a test's stand-in RDFI writes these). */
export function returnAddendaBody(r: { code: string; originalTrace: string; originalRdfi: string; dateOfDeath?: string; information?: string; traceNumber: string }): string {
  return formatRecord('7', returnAddendaLayout, {
    addendaTypeCode: '99',
    returnReasonCode: r.code,
    originalEntryTraceNumber: r.originalTrace,
    dateOfDeath: r.dateOfDeath ?? '',
    originalReceivingDfi: r.originalRdfi,
    addendaInformation: (r.information ?? '').slice(0, RETURN.addendaInformation!.length),
    traceNumber: r.traceNumber,
  }).slice(RETURN.returnReasonCode!.start - 1);
}

/** The 91 characters after the type code of a notification of change's addenda 98. */
export function changeAddendaBody(c: { code: string; originalTrace: string; originalRdfi: string; correctedData: string; traceNumber: string }): string {
  return formatRecord('7', changeAddendaLayout, {
    addendaTypeCode: '98',
    changeCode: c.code,
    originalEntryTraceNumber: c.originalTrace,
    originalReceivingDfi: c.originalRdfi,
    correctedData: c.correctedData.slice(0, CHANGE.correctedData!.length),
    traceNumber: c.traceNumber,
  }).slice(CHANGE.changeCode!.start - 1);
}

/** One entry of a bank's return file: a return (code, date of death) or, with correctedData, a notification of change. */
export interface ReturnItem {
  originalTrace: string;
  amountCents: number;
  code: string;
  dateOfDeath?: string;
  correctedData?: string;
}

/**
 * A file as an RDFI sends it back, written with this project's NACHA writer: one entry per item
 * (transaction code 21, its own trace numbers from the RDFI's 8 digits), each with its addenda 99
 * or 98. For `hmsops smoke` and the tests' stand-in bank.
 */
export function buildReturnFile(items: ReturnItem[], opts: { rdfi: string; odfiRouting: string; companyName: string; companyId: string; createdAt?: Date }): string {
  const entries = items.map((x, i) => {
    const traceNumber = `${opts.rdfi}${String(i + 1).padStart(7, '0')}`;
    const common = { code: x.code, originalTrace: x.originalTrace, originalRdfi: x.originalTrace.slice(0, 8), traceNumber };
    return {
      transactionCode: 21,
      routing: opts.odfiRouting,
      account: '000000001',
      amountCents: x.correctedData ? 0 : x.amountCents,
      idNumber: '',
      name: x.correctedData ? 'NOTIFICATION OF CHANGE' : 'RETURN',
      traceNumber,
      addenda: [
        x.correctedData
          ? { addendaTypeCode: '98', body: changeAddendaBody({ ...common, correctedData: x.correctedData }) }
          : { addendaTypeCode: '99', body: returnAddendaBody({ ...common, dateOfDeath: x.dateOfDeath }) },
      ],
    };
  });
  const createdAt = opts.createdAt ?? new Date();
  const yymmdd = createdAt.toISOString().slice(2, 10).replaceAll('-', '');
  return serializeNachaFile(
    buildNachaFile({
      immediateDestination: opts.odfiRouting,
      immediateDestinationName: 'ODFI',
      immediateOrigin: `${opts.rdfi}${abaCheckDigit(opts.rdfi)}`,
      immediateOriginName: 'RDFI',
      createdAt,
      batches: [{ companyName: opts.companyName, companyId: opts.companyId, secCode: 'CCD', entryDescription: 'RETURN', effectiveDate: yymmdd, odfi: opts.rdfi, entries }],
    }),
  );
}
