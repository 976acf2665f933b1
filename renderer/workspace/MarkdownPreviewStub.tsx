// Stands in for @uiw/react-markdown-preview inside the Markdown editor (see vite.config.mts).
// The editor runs with preview="edit" and our own preview pane, so its built-in preview is
// never rendered; without this stub its whole Markdown stack would load with the first paint.
import { forwardRef } from 'react';

const MarkdownPreviewStub = forwardRef<HTMLDivElement, object>(function MarkdownPreviewStub() {
  return null;
});

export default MarkdownPreviewStub;
