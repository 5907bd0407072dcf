/**
 * The part of the daemon the CLI may use, and the one place it reaches in: whether a live daemon
 * holds the state dir's lock, and stopping what a daemon that died left behind (`hmsops down`,
 * `hmsops up` after a SIGKILL). Everything else goes over the control socket.
 */
export { lockOwnerAlive } from './lock.js';
export { reapOrphans } from './orphans.js';
export { pidAlive } from './process-group.js';
