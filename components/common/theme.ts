/**
 * The popup and options pages follow the user's theme (settings.theme):
 * 'auto' leaves it to the system (prefers-color-scheme in ui.css), 'light' or
 * 'dark' set data-theme on the root, which ui.css lets win.
 */
import type { Settings } from '../../core/settings';

export function applyTheme(root: HTMLElement, theme: Settings['theme']): void {
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
