/**
 * Which host permission a dataset source needs. The background may fetch only
 * from origins the user granted (optional_host_permissions), so the options
 * page asks for exactly the manifest's origin and sync checks the same
 * pattern before it fetches.
 */

/** The match pattern covering a source URL's origin ("https://data.example.org/*"), or null when it is not http(s). */
export function originPattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Match patterns take no port: permission for a host covers all its ports.
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The origin as people read it in an error ("https://data.example.org"). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The host alone, for plain-words messages ("data.example.org"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
