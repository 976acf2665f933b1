// Runs in <head> before the first paint (a classic script from our own origin, as the CSP's
// script-src 'self' allows): the page starts in the theme the author chose, so a dark window
// never flashes white while React loads. renderer/ui/theme.ts takes over from here.
(function () {
  let choice = 'system';
  try {
    choice = window.localStorage.getItem('recap-studio.theme') || 'system';
  } catch {
    // Storage refused (a locked-down profile): follow the system.
  }
  const dark = choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  const root = document.documentElement;
  root.setAttribute('data-theme', dark ? 'dark' : 'light');
  root.setAttribute('data-color-mode', dark ? 'dark' : 'light');
})();

// The browser mode only: the start-up's first questions to the service (the app's facts, and
// the recap the address names, or the session to recover and the home screen's list) go out
// now, while the page's JavaScript is still loading and compiling, instead of after it. The
// page's API (renderer/api/early.ts) takes each answer once, for the same method and request;
// anything else is asked as usual. Electron has its own bridge and is left alone.
(function () {
  if (window.recap || (location.protocol !== 'http:' && location.protocol !== 'https:') || typeof fetch !== 'function') return;
  const url = new URL(location.href);
  let token = url.searchParams.get('token');
  if (!token) {
    try {
      token = window.sessionStorage.getItem('recap-studio-token');
    } catch {
      token = null;
    }
  }
  if (!token) return;
  const early = {};
  const ask = (method, req) => {
    const body = JSON.stringify(req);
    const response = fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Recap-Token': token }, body, cache: 'no-store' });
    // Never an unhandled rejection: the page asks again when this one failed.
    response.catch(() => undefined);
    early[method] = { body, response };
  };
  const file = url.searchParams.get('file');
  ask('appInfo', {});
  if (file) ask('openRecap', { path: file });
  else {
    ask('recoverSession', {});
    ask('homeData', {});
  }
  window.__recapEarly = early;
})();
