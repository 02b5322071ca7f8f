import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';

function render(): void {
  const container = document.getElementById('container');
  if (!container) throw new Error('XếpLoại: #container is missing from taskpane.html');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

// If office.js could not load (offline, blocked CDN) there is no Office at all; render anyway so the
// pane can say what is wrong instead of staying blank.
if (typeof Office === 'undefined') render();
else void Office.onReady(() => render());
