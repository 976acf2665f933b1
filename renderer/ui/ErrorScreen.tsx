export function ErrorScreen({ message }: { message: string }) {
  return (
    <main className="error-screen" role="alert">
      <div className="error-card">
        <span className="brand-mark" aria-hidden>
          R
        </span>
        <h1>Recap Studio cannot start</h1>
        <p>{message}</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    </main>
  );
}

/**
 * The browser mode opened from a bookmark or an old link: the running Recap Studio prints a
 * new private link each time it starts, and only that link opens it.
 */
export function LinkNeededScreen() {
  return (
    <main className="error-screen" role="alert" data-testid="link-needed">
      <div className="error-card">
        <span className="brand-mark" aria-hidden>
          R
        </span>
        <h1>Open Recap Studio from its current link</h1>
        <p>
          Recap Studio in the browser opens with a private link that changes each time it starts, so that no other web page can reach your recaps. This page was opened without it — from a
          bookmark, the browser’s history, or a link of an earlier run.
        </p>
        <ol className="error-steps">
          <li>Go to the terminal window where Recap Studio is running.</li>
          <li>
            Open the link it printed, which starts with <code>http://127.0.0.1:</code> and ends with <code>?token=…</code>.
          </li>
          <li>If Recap Studio is not running any more, start it again: it prints a new link.</li>
        </ol>
        <p className="error-note">Your drafts are safe: they are kept on this computer and open again with the new link.</p>
      </div>
    </main>
  );
}
