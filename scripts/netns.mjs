/**
 * Several "hosts" on this machine: a network namespace each, joined by veth pairs to a bridge that
 * sits in a namespace of its own, with addresses from a private /24 used nowhere else. Nothing
 * touches the machine's own network: every interface is made inside a namespace the test made.
 * `destroy()` deletes them all (their interfaces go with them), also after a failed test; a
 * process left in a namespace is SIGKILLed first.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';

/** @param {string[]} args */
const ip = (...args) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/** Whether this machine lets the test make network namespaces (root, iproute2, a kernel that allows it). */
export function canMakeNamespaces() {
  const probe = `hmsprobe${process.pid % 100000}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {string[]} names
 * @returns {{ hosts: Record<string, { name: string, ns: string, address: string }>, on(host: string, argv: string[]): string[], killAll(host: string): number[], linkDown(host: string): void, linkUp(host: string): void, destroy(): void }}
 */
export function makeHosts(names) {
  const tag = crypto.randomBytes(3).toString('hex');
  const bridgeNs = `hms${tag}-br`;
  // 10.200.0.0/16 split into /24s; the address never leaves these namespaces.
  const subnet = `10.${200 + (crypto.randomBytes(1)[0] % 50)}.${crypto.randomBytes(1)[0] % 250}`;
  const hosts = {};
  const made = [];
  const destroy = () => {
    for (const ns of [...made].reverse()) {
      for (const pid of pidsIn(ns)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      try {
        ip('netns', 'del', ns);
      } catch {
        // gone
      }
    }
    made.length = 0;
  };
  const atExit = () => destroy();
  process.once('exit', atExit);
  try {
    ip('netns', 'add', bridgeNs);
    made.push(bridgeNs);
    ip('-n', bridgeNs, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', bridgeNs, 'link', 'set', 'br0', 'up');
    names.forEach((name, i) => {
      const ns = `hms${tag}-${i}`;
      ip('netns', 'add', ns);
      made.push(ns);
      // Both ends made inside the namespaces: nothing appears in the machine's own.
      ip('-n', ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', `port${i}`, 'netns', bridgeNs);
      ip('-n', bridgeNs, 'link', 'set', `port${i}`, 'master', 'br0');
      ip('-n', bridgeNs, 'link', 'set', `port${i}`, 'up');
      const address = `${subnet}.${10 + i}`;
      ip('-n', ns, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      hosts[name] = { name, ns, address };
    });
  } catch (err) {
    destroy();
    process.off('exit', atExit);
    throw err;
  }
  const host = (name) => {
    const h = hosts[name];
    if (!h) throw new Error(`no host ${name}`);
    return h;
  };
  const port = (name) => `port${names.indexOf(name)}`;
  return {
    hosts,
    on: (name, argv) => ['ip', 'netns', 'exec', host(name).ns, ...argv],
    killAll(name) {
      const pids = pidsIn(host(name).ns);
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      return pids;
    },
    linkDown: (name) => void ip('-n', bridgeNs, 'link', 'set', port(name), 'down'),
    linkUp: (name) => void ip('-n', bridgeNs, 'link', 'set', port(name), 'up'),
    destroy() {
      destroy();
      process.off('exit', atExit);
    },
  };
}

function pidsIn(ns) {
  try {
    return ip('netns', 'pids', ns)
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((p) => p !== process.pid);
  } catch {
    return [];
  }
}
