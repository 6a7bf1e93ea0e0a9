export * from './workspaces.js';
export * from './users.js';
export * from './system.js';
export * from './dev-mailbox.js';
export * from './leads.js';
export * from './visitors.js';
export * from './auth.js';
export * from './conversion-events.js';
