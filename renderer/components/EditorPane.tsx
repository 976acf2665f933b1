import { memo } from 'react';
import MDEditor, { commands } from '@uiw/react-md-editor/nohighlight';

// The Markdown a recap needs; no preview modes or fullscreen, the preview is our own pane.
const TOOLBAR = [
  commands.bold,
  commands.italic,
  commands.strikethrough,
  commands.divider,
  commands.group([commands.heading2, commands.heading3, commands.heading4], {
    name: 'title',
    groupName: 'title',
    buttonProps: { 'aria-label': 'Insert a heading', title: 'Insert a heading' },
  }),
  commands.divider,
  commands.link,
  commands.image,
  commands.quote,
  commands.code,
  commands.codeBlock,
  commands.table,
  commands.divider,
  commands.unorderedListCommand,
  commands.orderedListCommand,
  commands.checkedListCommand,
];
const NO_EXTRA: typeof TOOLBAR = [];

const TEXTAREA_PROPS = {
  placeholder: 'Write the recap in Markdown: what happened, who came, what people learned…',
  'aria-label': 'Recap text (Markdown)',
};

export const EditorPane = memo(function EditorPane({ body, onChange }: { body: string; onChange(body: string): void }) {
  return (
    <section className="editor-pane" aria-label="Markdown editor" data-color-mode="light">
      <MDEditor
        value={body}
        onChange={(value) => onChange(value ?? '')}
        preview="edit"
        height="100%"
        visibleDragbar={false}
        commands={TOOLBAR}
        extraCommands={NO_EXTRA}
        textareaProps={TEXTAREA_PROPS}
        enableScroll={false}
      />
    </section>
  );
});
