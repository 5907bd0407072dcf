/**
 * The property tests at five times the depth `npm test` gives them: the fuzzed readers (grant,
 * config and NACHA files) over 5,000 mutated inputs each, and the gateway's framing held to
 * llhttp over 5,000 generated request streams and 2,500 answers. Each run has a seed of its own
 * (in the test names, and printed on failure); HMSOPS_FUZZ_SEED=N replays one.
 */
process.env.HMSOPS_FUZZ_RUNS ??= '5000';
process.env.HMSOPS_FUZZ_CASES ??= '5000';
await import('../unit/fuzz-readers.test.js');
await import('../integration/gateway-framing-differential.test.js');
