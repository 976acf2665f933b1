// How a planned file's status reads in the export dialog.
export const STATUS_LABEL: Record<string, string> = { added: 'new', changed: 'changed', unchanged: 'unchanged', removed: 'removed' };
