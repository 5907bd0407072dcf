/**
 * Certificates for a test server (etcd, PostgreSQL), made with openssl: a CA of the run's own, a
 * server certificate for one IP address and a client certificate. Keys 0600.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A CA, a server certificate for `host` (an IP address) and a client certificate (CN hmsops), in `dir`. */
export function makeCertificates(dir, host) {
  const f = (name) => path.join(dir, name);
  const ssl = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=hmsops test CA', '-keyout', f('ca.key'), '-out', f('ca.crt'));
  fs.writeFileSync(f('server.ext'), `subjectAltName=IP:${host}\nextendedKeyUsage=serverAuth,clientAuth\n`);
  fs.writeFileSync(f('client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, cn] of [
    ['server', host],
    ['client', 'hmsops'],
  ]) {
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`));
    ssl(
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      f(`${name}.ext`),
      '-out',
      f(`${name}.crt`),
    );
  }
  for (const name of ['ca.key', 'server.key', 'client.key']) fs.chmodSync(f(name), 0o600);
  return { ca: f('ca.crt'), cert: f('client.crt'), key: f('client.key'), serverCert: f('server.crt'), serverKey: f('server.key') };
}
