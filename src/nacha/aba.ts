/** ABA routing numbers: weights 3, 7, 1 over nine digits; the sum is a multiple of 10. */
const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];

export function abaCheckDigit(first8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (first8.charCodeAt(i) - 48) * weights[i]!;
  return (10 - (sum % 10)) % 10;
}

export function isValidRouting(routing: string): boolean {
  return /^\d{9}$/.test(routing) && abaCheckDigit(routing.slice(0, 8)) === routing.charCodeAt(8) - 48;
}
