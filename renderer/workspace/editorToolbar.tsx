// The Markdown editor's toolbar in the interface's language: the buttons a recap needs (no
// preview modes or fullscreen: the preview is our own pane), each named with its shortcut.

import { cloneElement, isValidElement } from 'react';
import { commands } from '@uiw/react-md-editor/nohighlight';
import type { ICommand } from '@uiw/react-md-editor/nohighlight';
import type { MessageKey } from '../../electron/core/i18n/messages';
import type { Translate } from '../ui/locale';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl';

/** A command of the editor with our name for it (a tooltip and the accessible name). */
function named(command: ICommand, label: string): ICommand {
  return { ...command, buttonProps: { ...command.buttonProps, 'aria-label': label, title: label } };
}

function withKeys(t: Translate, command: ICommand, key: MessageKey, keys: string): ICommand {
  return named(command, t(key, { keys: `${MOD}+${keys}` }));
}

/** The heading menu: level 2 to 4, each named in the current language. */
function headings(t: Translate): ICommand {
  const levels: [ICommand, number][] = [
    [commands.heading2, 2],
    [commands.heading3, 3],
    [commands.heading4, 4],
  ];
  // The level is a name, not a quantity: a string, so the toolbar's first render does not pay
  // for the page's first number format (the largest single cost of showing the editor).
  const children = levels.map(([command, level]) => ({
    ...named(command, t('editor.heading', { level: String(level), keys: `${MOD}+${level}` })),
    icon: <div style={{ fontSize: 16, textAlign: 'left' }}>{t('editor.headingItem', { level: String(level) })}</div>,
  }));
  return commands.group(children, {
    name: 'title',
    groupName: 'title',
    buttonProps: { 'aria-label': t('editor.insertHeading'), title: t('editor.insertHeading') },
  });
}

/** A toolbar icon is a picture of its button's label: screen readers read the label, not the picture. */
function quietIcon(command: ICommand): ICommand {
  const icon = isValidElement<{ 'aria-hidden'?: boolean }>(command.icon) ? cloneElement(command.icon, { 'aria-hidden': true }) : command.icon;
  return { ...command, icon };
}

export function editorToolbar(t: Translate): ICommand[] {
  return [
    withKeys(t, commands.bold, 'editor.bold', 'B'),
    withKeys(t, commands.italic, 'editor.italic', 'I'),
    withKeys(t, commands.strikethrough, 'editor.strikethrough', 'Shift+X'),
    commands.divider,
    headings(t),
    commands.divider,
    // Ctrl/Cmd+K makes a link, as in every writing tool; the image button has no shortcut of its
    // own (photos come in through "Insert photos…", drops and pastes).
    { ...withKeys(t, commands.link, 'editor.addLink', 'K'), shortcuts: 'ctrlcmd+k' },
    { ...named(commands.image, t('editor.addImage')), shortcuts: undefined },
    withKeys(t, commands.quote, 'editor.quote', 'Q'),
    withKeys(t, commands.code, 'editor.code', 'J'),
    withKeys(t, commands.codeBlock, 'editor.codeBlock', 'Shift+J'),
    named(commands.table, t('editor.table')),
    commands.divider,
    withKeys(t, commands.unorderedListCommand, 'editor.bulletList', 'Shift+U'),
    withKeys(t, commands.orderedListCommand, 'editor.numberedList', 'Shift+O'),
    withKeys(t, commands.checkedListCommand, 'editor.checklist', 'Shift+C'),
  ].map(quietIcon);
}

const ICON = { width: 13, height: 13, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;
const FIND_ICON = (
  <svg {...ICON} aria-hidden>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5 14 14" />
  </svg>
);

/** The toolbar's right end: find and replace. */
export function editorExtraCommands(t: Translate, onFind: () => void): ICommand[] {
  const keys = t('editor.findKeys', { find: `${MOD}+F`, replace: MOD === 'Cmd' ? 'Cmd+Alt+F' : 'Ctrl+H' });
  const label = t('editor.find', { keys });
  return [{ name: 'find', keyCommand: 'find', icon: FIND_ICON, buttonProps: { 'aria-label': label, title: label }, execute: onFind }];
}
