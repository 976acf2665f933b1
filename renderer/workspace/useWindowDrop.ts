import { useEffect, useRef } from 'react';
import type { MutableRefObject } from 'react';
import type { Transport } from '../api';
import { t } from '../ui/locale';
import { openDropped } from './fileActions';
import type { FileContext } from './saveActions';

const isMarkdownName = (name: string): boolean => /\.(?:md|markdown)$/i.test(name);
const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');

/** Dropping a recap on the window opens it; any other drop must not navigate the page away. */
export function useWindowDrop(
  transport: Transport,
  context: MutableRefObject<FileContext>,
  run: (task: () => Promise<unknown>) => Promise<void>,
  dropPhotosAtCursor: (files: File[]) => void,
): void {
  const { toast } = context.current;
  const dropPhotosRef = useRef(dropPhotosAtCursor);
  dropPhotosRef.current = dropPhotosAtCursor;
  useEffect(() => {
    const onDragOver = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      const all = [...(e.dataTransfer?.files ?? [])];
      if (!all.some((f) => isMarkdownName(f.name))) {
        // Photos dropped outside the text and the tray go to the text cursor.
        dropPhotosRef.current(all);
        return;
      }
      if (!isMarkdownName(file.name)) {
        toast('info', t('workspace.notRecap', { name: file.name }));
        return;
      }
      const dropped = transport.pathForFile(file);
      if (!dropped) {
        toast('info', t('workspace.noPathFromBrowser', { name: file.name, keys: 'Ctrl+O' }));
        return;
      }
      void run(() => openDropped(context.current, dropped));
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [transport, run, toast, context]);
}
