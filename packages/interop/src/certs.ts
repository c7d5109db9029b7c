// Test certificates made with the openssl command line: a CA, a server certificate for 127.0.0.1
// and localhost, and client certificates with chosen subjects, all PEM files in `dir`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCertificate {
  /** PEM files: the certificate, its key, and both concatenated (a KIP-651 keystore file). */
  readonly certFile: string;
  readonly keyFile: string;
  readonly keystoreFile: string;
  readonly cert: string;
  readonly key: string;
}

export interface TestCertificates {
  readonly caFile: string;
  readonly ca: string;
  readonly server: TestCertificate;
  /** A client certificate for `subject` (openssl -subj form, e.g. `/C=US/O=Tide/OU=Eng/CN=alice`), signed by the CA. */
  client(name: string, subject: string): TestCertificate;
}

function openssl(args: readonly string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}

function issue(dir: string, name: string, subject: string, ext: string | null): TestCertificate {
  const keyFile = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const certFile = join(dir, `${name}.crt`);
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-subj', subject, '-out', csr], dir);
  const args = ['x509', '-req', '-in', csr, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-sha256', '-out', certFile];
  if (ext !== null) {
    const extFile = join(dir, `${name}.ext`);
    writeFileSync(extFile, ext);
    args.push('-extfile', extFile);
  }
  openssl(args, dir);
  const cert = readFileSync(certFile, 'utf8');
  const key = readFileSync(keyFile, 'utf8');
  const keystoreFile = join(dir, `${name}.keystore.pem`);
  writeFileSync(keystoreFile, cert + key);
  return { certFile, keyFile, keystoreFile, cert, key };
}

/** Makes a CA and a server certificate (SAN 127.0.0.1, localhost) in `dir`. */
export function makeTestCertificates(dir: string): TestCertificates {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Tideline Test CA'], dir);
  const server = issue(dir, 'server', '/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  const caFile = join(dir, 'ca.crt');
  return {
    caFile,
    ca: readFileSync(caFile, 'utf8'),
    server,
    client: (name, subject) => issue(dir, name, subject, 'extendedKeyUsage=clientAuth\n'),
  };
}
