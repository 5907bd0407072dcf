/**
 * A grant file's shape in TypeBox: the one definition, compiled by `npm run gen:validators` into
 * the validators the grant reader runs (src/generated/validators.ts). The rules beyond the
 * shape are src/domain/payment-rules.ts.
 */
import { Type } from 'typebox';
import { StringEnum } from '../api/shared.js';
import { Matching, Strict } from '../config/schema-builders.js';

const Id = Matching('^[A-Za-z0-9._-]{1,40}$', '1-40 letters, digits or . _ -');
const Routing = Matching('^\\d{9}$', 'a 9-digit routing number (quote it in YAML)');
const SecCode = StringEnum(['CCD', 'PPD']);

/** One recipient as a grant file writes it. */
export const recipientDefinition = Strict({
  id: Id,
  name: Type.String({ minLength: 1 }),
  email: Matching('^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$', 'an email address'),
  routing: Routing,
  account: Matching('^[0-9A-Za-z-]{1,17}$', '1-17 digits, letters or hyphens (quote it in YAML)'),
  accountType: StringEnum(['checking', 'savings']),
  amount: Type.String({ description: 'USD as a decimal string, at most 2 decimals: "50000.00"' }),
  secCode: Type.Optional(SecCode),
});

/** A grant file (fixtures/grants/*.yaml): the shape; the rules below check the rest. */
export const grantDefinition = Strict({
  apiVersion: StringEnum(['hmsops/v1']),
  kind: StringEnum(['Grant']),
  id: Id,
  program: Type.String({ minLength: 1 }),
  agency: Type.String({ minLength: 1 }),
  originator: Strict({
    name: Type.String({ minLength: 1 }),
    companyId: Matching('^[0-9A-Za-z ]{10}$', 'exactly 10 characters (quote it in YAML)'),
    odfiRouting: Routing,
  }),
  effectiveDate: Type.Optional(Matching('^\\d{4}-\\d{2}-\\d{2}$', 'a date YYYY-MM-DD')),
  sameDay: Type.Optional(Type.Boolean({ description: "Same Day ACH: settles today, if sent before one of the bank's same-day cutoffs" })),
  prenote: Type.Optional(
    Type.Boolean({
      description: 'a zero-dollar prenote first to each account the ledger never paid; its payment waits three banking days after the prenote settles (default: ach.prenote)',
    }),
  ),
  secCode: Type.Optional(SecCode),
  recipients: Type.Array(recipientDefinition, { minItems: 1 }),
});
