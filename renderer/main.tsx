// First: a recap named in the address has the editor's chunks requested before the rest runs.
import './earlyStart';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTransport } from './api';
import { App } from './App';
import { currentLocale, loadCatalogue } from './ui/locale';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const transport = createTransport();
const render = (): void =>
  createRoot(container).render(
    <StrictMode>
      <App transport={transport} />
    </StrictMode>,
  );
// The page speaks the chosen language from its first paint: English is in the main chunk, any
// other language's words load first (a failed load shows English, the fallback).
void loadCatalogue(currentLocale()).then(render, render);
