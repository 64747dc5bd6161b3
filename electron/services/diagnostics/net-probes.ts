import { lookup } from 'node:dns/promises';
import { connect as tcpConnect, isIP } from 'node:net';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';

export type ProbeOutcome = { ok: true; detail?: string } | { ok: false; error: NodeJS.ErrnoException; detail?: string };

const errnoOf = (error: unknown): NodeJS.ErrnoException => (error instanceof Error ? error : new Error(String(error)));

export async function probeDns(hostname: string): Promise<ProbeOutcome> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return { ok: true, detail: host };
  try {
    const { address } = await lookup(host);
    return { ok: true, detail: address };
  } catch (error) {
    return { ok: false, error: errnoOf(error) };
  }
}

export function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: host.replace(/^\[|\]$/g, ''), port });
    const done = (outcome: ProbeOutcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, error: Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }) }));
    socket.once('connect', () => done({ ok: true, detail: `${host}:${port}` }));
    socket.once('error', (error) => done({ ok: false, error }));
  });
}

const nameOf = (cert: PeerCertificate | undefined, field: 'issuer' | 'subject') => {
  const part = cert?.[field];
  return part ? (part.O ?? part.CN ?? '') : '';
};

/**
 * A TLS handshake against the OS/Node trust store. The certificate is inspected even when it is not
 * trusted, only to name its issuer in the report; no request is ever sent over an untrusted one.
 */
export function probeTls(host: string, port: number, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const servername = isIP(host.replace(/^\[|\]$/g, '')) ? undefined : host;
    const socket = tlsConnect({ host: host.replace(/^\[|\]$/g, ''), port, servername, rejectUnauthorized: false });
    const done = (outcome: ProbeOutcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, error: Object.assign(new Error('TLS handshake ETIMEDOUT'), { code: 'ETIMEDOUT' }) }));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const issuer = nameOf(cert, 'issuer');
      if (socket.authorized) return done({ ok: true, detail: issuer ? `issuer ${issuer}` : undefined });
      const reason = String(socket.authorizationError ?? 'certificate not trusted');
      const error = Object.assign(new Error(`TLS ${reason}`), { code: 'CERT_UNTRUSTED' });
      done({ ok: false, error, detail: `${reason}; host ${host}${issuer ? `; issuer ${issuer}` : ''}` });
    });
    socket.once('error', (error) => done({ ok: false, error, detail: `${error.message}; host ${host}` }));
  });
}

/**
 * A SOCKS5 greeting and username/password login (RFC 1928/1929), nothing more: tells "wrong proxy
 * password" apart from other failures, which the SOCKS client library reports only vaguely.
 */
export function probeSocksAuth(host: string, port: number, username: string, password: string, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    let stage: 'greeting' | 'login' = 'greeting';
    const done = (outcome: ProbeOutcome) => {
      socket.destroy();
      resolve(outcome);
    };
    const authError = (message: string) => Object.assign(new Error(message), { code: 'SOCKS_AUTH' });
    socket.setTimeout(timeoutMs, () => done({ ok: false, error: Object.assign(new Error('SOCKS ETIMEDOUT'), { code: 'ETIMEDOUT' }) }));
    socket.once('error', (error) => done({ ok: false, error }));
    socket.once('connect', () => socket.write(Buffer.from([5, 1, 2])));
    socket.on('data', (data: Buffer) => {
      if (stage === 'greeting') {
        if (data[0] !== 5 || data[1] !== 2) return done({ ok: false, error: authError('the SOCKS5 proxy does not accept username/password login') });
        stage = 'login';
        const u = Buffer.from(username);
        const p = Buffer.from(password);
        socket.write(Buffer.concat([Buffer.from([1, u.length]), u, Buffer.from([p.length]), p]));
        return;
      }
      done(data[1] === 0 ? { ok: true } : { ok: false, error: authError('the SOCKS5 proxy refused the username or password') });
    });
  });
}
