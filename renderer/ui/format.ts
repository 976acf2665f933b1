// Times as the app shows them everywhere: 24-hour clock, so the status bar, the home screen
// and History read the same way whatever the system's 12/24-hour setting.

const pad = (n: number): string => String(n).padStart(2, '0');

/** "14:05", or "14:05:09" with seconds. */
export function clockTime(d: Date, seconds = false): string {
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return seconds ? `${hm}:${pad(d.getSeconds())}` : hm;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Today 14:05:09", "Yesterday 09:12:00", "3 Nov 14:05:09", "3 Nov 2025 14:05:09". */
export function dayAndTime(d: Date, now: Date = new Date()): string {
  const time = clockTime(d, true);
  if (d.toDateString() === now.toDateString()) return `Today ${time}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (d.toDateString() === yesterday.toDateString()) return `Yesterday ${time}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]}${d.getFullYear() === now.getFullYear() ? '' : ` ${d.getFullYear()}`} ${time}`;
}
