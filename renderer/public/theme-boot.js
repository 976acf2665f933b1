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
