/** The options page's entry: mounts the Preact app with the shared styles. */
import { render } from 'preact';
import '../../components/common/ui.css';
import './options.css';
import { OptionsApp } from '../../components/options/OptionsApp';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
