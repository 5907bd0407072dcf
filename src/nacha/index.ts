export * from './aba.js';
export * from './layout.js';
export * from './reader.js';
export * from './writer.js';
export * from './text.js';
export * from './returns.js';
export * from './acknowledgement.js';
export * from './sec-codes.js';
