// The stock editor the benchmark compares against: @uiw/react-md-editor's default export with
// its built-in live preview, controlled by React state, nothing else on the page.
// The text comes from window.__benchText (set by the benchmark before load) or the URL hash.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import MDEditor from '@uiw/react-md-editor';

declare global {
  interface Window {
    __benchText?: string;
  }
}

const initial = window.__benchText ?? (location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : '# Stock MDEditor\n\nType here.\n');

function App() {
  const [value, setValue] = useState(initial);
  return (
    <div data-color-mode="light">
      <MDEditor value={value} onChange={(v) => setValue(v ?? '')} preview="live" height={window.innerHeight - 16} />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
