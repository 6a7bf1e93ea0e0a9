export { createWorld, type CreateWorldOptions } from './world.js';
export { registerWorldRoutes } from './routes.js';
export { parseFaultSpec, AD_PLATFORMS, FAULT_KINDS } from './fault-spec.js';
export { minorExponent } from './money.js';
export * from './types.js';
