/** The popup's entry: mounts the Preact app with the shared styles, in the user's theme. */
import { render } from 'preact';
import '../../components/common/ui.css';
import { loadSettings } from '../../components/common/settingsStore';
import { applyTheme } from '../../components/common/theme';
import './popup.css';
import { App } from './App';

void loadSettings().then(
  (settings) => applyTheme(document.documentElement, settings.theme),
  () => undefined,
);
const root = document.getElementById('app');
if (root) render(<App />, root);
