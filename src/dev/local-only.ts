// The dev server answers this computer's browser only. It listens on 127.0.0.1, but a web page
// elsewhere can still reach it through DNS rebinding (its own host name made to point at
// 127.0.0.1), and would then read drafts: so a request must name the server by a local name
// and port (Host), and the event stream, which carries every error with its file, is refused to
// pages of any other origin (Origin, Sec-Fetch-Site).
import type { IncomingMessage } from 'node:http';

const LOCAL_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host values that name this server: name:port, or the bare name on port 80. */
function localHosts(port: number): Set<string> {
  return new Set(LOCAL_NAMES.flatMap((name) => (port === 80 ? [`${name}:${port}`, name] : [`${name}:${port}`])));
}

export function isLocalHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && localHosts(port).has(host);
}

/** True when the request comes from a page of this server, or from no page at all (the address bar, a script). */
export function isSameOrigin(request: IncomingMessage, port: number): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin?.toLowerCase();
  if (origin === undefined) return true;
  return [...localHosts(port)].some((host) => origin === `http://${host}`);
}
