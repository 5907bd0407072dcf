/** What the config's schema cannot say on its own: rules across fields, checked after it passed. */
import net from 'node:net';
import { parseDuration } from '../duration.js';
import { DEFAULT_SERVICES } from './schema.js';
import { shown } from './schema-check.js';
import { BUNDLED_SERVICES, isBundled, type Raw } from './types.js';

/** Problems the schema cannot express: custom services need a command; a rate limit needs a period; messaging needs an SMTP server. */
export function crossFieldProblems(raw: Raw): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  for (const [name, s] of Object.entries((raw.services ?? {}) as Raw)) {
    if (name === 'gateway') out.push({ path: ['services', name], message: '"gateway" is reserved; configure it under the top-level gateway key' });
    else if (!isBundled(name) && !(s && typeof s === 'object' && 'command' in s))
      out.push({ path: ['services', name], message: `${shown(name)} is not a bundled service (${BUNDLED_SERVICES.join(', ')}), so it needs a command` });
    const per = s?.rateLimit?.per;
    if ((typeof per === 'string' || typeof per === 'number') && parseDuration(per) === 0)
      out.push({ path: ['services', name, 'rateLimit', 'per'], message: 'must be more than 0' });
  }
  // A store is the bundled services' (custom programs keep their own data); PostgreSQL needs its
  // URL, and a password never sits in the config text.
  const urlProblem = (url: unknown, where: (string | number)[]) => {
    if (typeof url !== 'string') return;
    let password = '';
    try {
      password = new URL(url).password;
    } catch {
      out.push({ path: where, message: 'is not a URL: expected postgres://USER@HOST:PORT/DB' });
      return;
    }
    if (password) out.push({ path: where, message: 'must not hold a password: put it in a file named by passwordFile (mode 0600), or in PGPASSWORD' });
    // Parameters after ? (sslmode=require...) would be silently ignored: say where they go instead.
    else if (url.includes('?'))
      out.push({ path: where, message: 'takes no parameters after "?": TLS is store.tls ({ ca, cert, key }), the password passwordFile; expected postgres://USER@HOST:PORT/DB' });
  };
  const tlsProblem = (tls: Raw | undefined, where: (string | number)[]) => {
    if (tls && Boolean(tls.cert) !== Boolean(tls.key)) out.push({ path: [...where, 'tls'], message: 'a client certificate needs its key, and a key its certificate' });
  };
  urlProblem(raw.store?.url, ['store', 'url']);
  tlsProblem(raw.store?.tls, ['store']);
  for (const [name, s] of Object.entries((raw.services ?? {}) as Raw)) {
    if (!s || typeof s !== 'object' || !s.store) continue;
    if ('command' in s) out.push({ path: ['services', name, 'store'], message: 'is for the bundled services; a custom program keeps its own data' });
    urlProblem(s.store.url, ['services', name, 'store', 'url']);
    tlsProblem(s.store.tls, ['services', name, 'store']);
  }
  for (const [name, s] of Object.entries((raw.services ?? DEFAULT_SERVICES) as Raw)) {
    const st: Raw = { ...raw.store, ...(s as Raw | null)?.store };
    if (st.backend === 'postgres' && !st.url && !(s && typeof s === 'object' && 'command' in s))
      out.push({
        path: (s as Raw | null)?.store ? ['services', name, 'store'] : ['store'],
        message: `the postgres backend needs a url (postgres://USER@HOST:PORT/DB) for ${name}`,
      });
  }
  // Across machines: etcd needs its members; instances listen where other hosts reach them, and a
  // gateway on one host calls services on another with the identity only the fleet can sign.
  const reg = (raw.registry ?? {}) as Raw;
  if (reg.backend === 'etcd' && !reg.endpoints) out.push({ path: ['registry'], message: "the etcd backend needs endpoints (the cluster's client URLs)" });
  if (reg.backend === 'etcd' && !raw.fleet?.secretFile)
    out.push({ path: ['registry'], message: 'the etcd backend spans hosts: set fleet.secretFile (a 0600 file every host has) so gateways can call services on any host' });
  if (reg.backend !== 'etcd')
    for (const key of ['endpoints', 'user', 'passwordFile', 'tls'])
      if (reg[key] !== undefined) out.push({ path: ['registry', key], message: 'is for the etcd backend (registry.backend: etcd)' });
  if (reg.user && !reg.passwordFile) out.push({ path: ['registry', 'user'], message: "needs passwordFile (a 0600 file holding the user's password)" });
  if (reg.user && reg.tls?.cert)
    out.push({
      path: ['registry', 'tls', 'cert'],
      message:
        "etcd's JSON gateway refuses a request with both a client certificate and a user's token: use user and passwordFile over https, or a client certificate without user",
    });
  if (reg.tls && Boolean(reg.tls.cert) !== Boolean(reg.tls.key)) out.push({ path: ['registry', 'tls'], message: 'a client certificate needs its key, and a key its certificate' });
  if (reg.tls && reg.endpoints?.some((e: unknown) => typeof e === 'string' && e.startsWith('http://')))
    out.push({ path: ['registry', 'endpoints'], message: 'tls is set: the endpoints must be https:// URLs' });
  const advertise = raw.host?.advertise;
  if (typeof advertise === 'string' && (!net.isIP(advertise) || advertise === '0.0.0.0' || advertise === '::'))
    out.push({
      path: ['host', 'advertise'],
      message: `expected an IP address of this machine that other hosts reach, such as 10.0.0.5, got ${shown(advertise)}${net.isIP(advertise) ? ' (every address: not one to be reached at)' : ''}`,
    });
  const tz = raw.ach?.odfi?.timezone;
  if (typeof tz === 'string') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      out.push({ path: ['ach', 'odfi', 'timezone'], message: `expected an IANA time zone such as America/New_York, got ${shown(tz)}` });
    }
  }
  // Bundled messaging delivers to the bundled mail sink or to smtp.url: with neither, every notice
  // would wait in its outbox forever while disburse reports them queued.
  const services = (raw.services ?? {}) as Raw;
  const messaging = services.messaging;
  if (messaging !== undefined && !(messaging && typeof messaging === 'object' && 'command' in messaging) && !('mail-sink' in services) && !raw.smtp?.url)
    out.push({ path: ['services', 'messaging'], message: 'messaging has no SMTP server to deliver to: add mail-sink to services (the bundled sink), or set smtp.url to a relay' });
  return out;
}
