import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { ToastProvider } from './hooks/useToasts';

// The bundle is parsed and its modules evaluated: benchmarks split page load from React's work here.
performance.mark('lanyard:script');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ToastProvider>
        <App />
      </ToastProvider>
    </StrictMode>,
  );
}
