/**
 * What every options section gets from the page: the current settings, a way
 * to change them (written whole, announced in the live region) and a way to
 * announce anything else.
 */
import type { Settings } from '../../core/settings';

export type Tone = 'muted' | 'good' | 'warn' | 'error';

export interface SectionProps {
  settings: Settings;
  /** Applies `change` to freshly read settings, saves them and announces `done`; false when saving failed. */
  save: (change: (settings: Settings) => Settings, done: string) => Promise<boolean>;
  announce: (tone: Tone, text: string) => void;
}
