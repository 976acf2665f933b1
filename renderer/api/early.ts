// The start-up's first API answers, asked for by public/theme-boot.js before the page's
// JavaScript loaded (browser mode only). Each is taken once, and only for the same method and
// the same request body, and answered as if it had been asked then (a failure included).

interface EarlyRequest {
  body: string;
  response: Promise<Response>;
}

/** The page's window with what theme-boot.js leaves on it. */
type EarlyWindow = Window & { __recapEarly?: Record<string, EarlyRequest> };

/** The early response for this call, or null (ask the server as usual). */
export function takeEarly(method: string, body: string): Promise<Response> | null {
  const early = (window as EarlyWindow).__recapEarly;
  const hit = early?.[method];
  if (!early || !hit || hit.body !== body) return null;
  delete early[method];
  return hit.response;
}
