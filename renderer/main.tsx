// First: sends the first screen's host calls before the rest of the app's code is evaluated.
import './app/startupCalls.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/controls.css';
import { App } from './app/App.js';
import { AppStoreProvider } from './store/AppStoreProvider.js';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <AppStoreProvider>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
