import '@mantine/core/styles.css';
import { Anchor, type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { registerServiceWorker } from './lib/service-worker.ts';

// A teal dark enough for white text and for light-variant text to meet WCAG AA contrast.
const theme = createTheme({
  colors: {
    tend: [
      '#e6fcf5',
      '#c3fae8',
      '#96f2d7',
      '#63e6be',
      '#38d9a9',
      '#12b886',
      '#087f5b',
      '#087050',
      '#065f46',
      '#044d39',
    ],
  },
  primaryColor: 'tend',
  primaryShade: 6,
  defaultRadius: 'md',
  // Links inside text are told apart by their underline, not by colour alone (in dark mode the teal
  // and the text are both light).
  components: { Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }) },
});
// Mantine's "dimmed" grey and its error red (field messages, invalid input text) are below WCAG AA
// contrast on white; descriptions, hints and validation messages use them.
const resolveCssVariables: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': current.colors.gray[7] ?? '#495057',
    '--mantine-color-error': current.colors.red[9] ?? '#c92a2a',
  },
  // In dark mode Mantine's dimmed grey (#828282) is below AA on its dark surfaces; one step lighter passes.
  dark: {
    '--mantine-color-dimmed': current.colors.dark[1] ?? '#b8b8b8',
    '--mantine-color-error': current.colors.red[4] ?? '#ff8787',
  },
});

// TanStack Query assumes it starts online; opened offline (from the service worker), requests wait
// for the connection instead of failing, and go out when it is back.
onlineManager.setOnline(navigator.onLine);

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    {/* Dark mode follows the device's setting. */}
    <MantineProvider theme={theme} cssVariablesResolver={resolveCssVariables} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

registerServiceWorker();
