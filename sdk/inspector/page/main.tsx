// The page's entry point (esbuild.config.mjs bundles it into dist/inspector/app.js, with app.css beside it).
import { render } from 'preact';
import { App } from './app.js';
import './app.css';

render(<App />, document.getElementById('app')!);
