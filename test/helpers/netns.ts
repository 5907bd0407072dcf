/**
 * The test's view of scripts/netns.mjs: several "hosts" on this machine, a network namespace each,
 * joined by veth pairs to a bridge in a namespace of its own, with private addresses used only
 * there; all deleted by `destroy()` (or when the process exits).
 */
import * as netns from '../../scripts/netns.mjs';

export interface NetHost {
  name: string;
  /** The namespace's name (`ip netns exec <ns> ...`). */
  ns: string;
  address: string;
}

export interface HostNetwork {
  hosts: Record<string, NetHost>;
  /** argv that runs a command on a host. */
  on(host: string, argv: string[]): string[];
  /** Every process on a host, SIGKILLed: the machine lost its power. */
  killAll(host: string): number[];
  /** The host's cable pulled out, and plugged back in. */
  linkDown(host: string): void;
  linkUp(host: string): void;
  destroy(): void;
}

export const canMakeNamespaces = netns.canMakeNamespaces as () => boolean;
export const makeHosts = netns.makeHosts as (names: string[]) => HostNetwork;
