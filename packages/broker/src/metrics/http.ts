// The metrics endpoint: GET /metrics in the Prometheus text format (0.0.4) or OpenMetrics 1.0,
// chosen by the Accept header as Prometheus' own scrapers ask; anything else answers 404 (405 for
// another method on /metrics).
import type { AddressInfo } from 'node:net';
import type { RegistryContentType } from 'prom-client';

// prom-client's Registry.PROMETHEUS_CONTENT_TYPE and OPENMETRICS_CONTENT_TYPE (a test checks
// them), spelled out so that this module does not load prom-client: a broker without metrics never
// loads it (start.ts imports broker-metrics.ts only when metrics are on), nor node:http.
export const PROMETHEUS_CONTENT_TYPE: RegistryContentType = 'text/plain; version=0.0.4; charset=utf-8';
export const OPENMETRICS_CONTENT_TYPE: RegistryContentType = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

export interface MetricsServer {
  readonly host: string;
  readonly port: number;
  /** http://host:port/metrics */
  readonly url: string;
  close(): Promise<void>;
}

/** OpenMetrics when the client accepts it with a q-value at least that of text/plain. */
export function negotiateFormat(accept: string | undefined): RegistryContentType {
  if (accept === undefined) return PROMETHEUS_CONTENT_TYPE;
  let om = -1;
  let text = -1;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().split(';').map((x) => x.trim());
    const qp = params.find((p) => p.startsWith('q='));
    const q = qp === undefined ? 1 : Number(qp.slice(2));
    if (!(q > 0)) continue;
    const t = type.toLowerCase();
    if (t === 'application/openmetrics-text') om = Math.max(om, q);
    else if (t === 'text/plain' || t === '*/*' || t === 'text/*') text = Math.max(text, q);
  }
  return om >= 0 && om >= text ? OPENMETRICS_CONTENT_TYPE : PROMETHEUS_CONTENT_TYPE;
}

/** `render` produces one scrape's body in the format asked for. */
export async function startMetricsServer(render: (type: RegistryContentType) => Promise<string>, host: string, port: number, onError: (err: unknown) => void): Promise<MetricsServer> {
  // node:http only for a broker that serves metrics.
  const http = await import('node:http');
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found; the metrics are at /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    const type = negotiateFormat(req.headers.accept);
    render(type).then((body) => {
      res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    }, (err: unknown) => {
      onError(err);
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics collection failed; see the broker log\n');
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    host,
    port: bound,
    url: `http://${shown}:${bound}/metrics`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** HOST:PORT ([v6]:PORT) of --metrics-listen. */
export function parseMetricsListen(listen: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(listen);
  if (m === null) throw new TypeError(`metricsListen must be HOST:PORT, got ${JSON.stringify(listen)}`);
  const port = Number(m[3]);
  if (port > 65535) throw new TypeError(`metricsListen: port ${port} out of range`);
  return { host: m[1] ?? (m[2] === '' ? '127.0.0.1' : m[2]!), port };
}
