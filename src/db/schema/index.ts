export * from './workspaces.js';
export * from './users.js';
export * from './system.js';
export * from './dev-mailbox.js';
