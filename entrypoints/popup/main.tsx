/** The popup's entry: mounts the Preact app with the shared styles. */
import { render } from 'preact';
import '../../components/common/ui.css';
import './popup.css';
import { App } from './App';

const root = document.getElementById('app');
if (root) render(<App />, root);
