// How a planned file's status reads in the export dialog (a catalogue key per status).
import type { ExportFileStatus } from '../../electron/core/contract';
import type { MessageKey } from '../../electron/core/i18n/messages';

export const STATUS_LABEL: Record<ExportFileStatus, MessageKey> = {
  added: 'export.statusAdded',
  changed: 'export.statusChanged',
  unchanged: 'export.statusUnchanged',
  removed: 'export.statusRemoved',
};
