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
