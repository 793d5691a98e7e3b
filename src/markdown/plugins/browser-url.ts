// Addresses read the way a browser reads them, not the way they look: the WHATWG URL parser
// (Node's URL) drops tabs and newlines anywhere, trims spaces and control characters at the
// ends, takes a backslash for a slash in http(s) addresses, and resolves what is left against
// the page's own address. "/\evil.example/x.png" looks like a path on this site and is another host.

/** The URL a browser loads or follows for this address in the page at `page`; undefined when it reads none. */
export function resolveAsBrowser(address: string, page: URL): URL | undefined {
  try {
    return new URL(address, page);
  } catch {
    return undefined;
  }
}

/** Written with a scheme or as //host: an address that says it may lead elsewhere. */
export function looksAbsolute(address: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(address);
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/**
 * The addresses in a srcset attribute, split as the HTML standard's parser splits them
 * ("parse a srcset attribute"): an address runs to the next whitespace, trailing commas are not
 * part of it, and a candidate's descriptors (which may hold commas inside parentheses) end at a comma.
 */
export function srcsetAddresses(srcset: string): string[] {
  const addresses: string[] = [];
  let at = 0;
  for (;;) {
    while (isSpace(srcset[at]) || srcset[at] === ',') at++;
    if (at >= srcset.length) return addresses;
    const start = at;
    while (at < srcset.length && !isSpace(srcset[at])) at++;
    const address = srcset.slice(start, at);
    if (address.endsWith(',')) {
      addresses.push(address.replace(/,+$/, ''));
      continue;
    }
    addresses.push(address);
    // Descriptors: up to a comma that is not inside parentheses.
    let inParens = false;
    for (; at < srcset.length; at++) {
      const c = srcset[at];
      if (inParens) inParens = c !== ')';
      else if (c === '(') inParens = true;
      else if (c === ',') {
        at++;
        break;
      }
    }
  }
}
