import { render } from 'preact';
import { App } from './app';
import './style.css';

const root = document.getElementById('app')!;
root.textContent = ''; // the "Loading" line of index.html, shown until this script runs
render(<App />, root);
