import { Center, Loader } from '@mantine/core';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode, Suspense } from 'react';

/**
 * A page whose code is fetched the first time it is shown, so the sign-in page and a participant's
 * pages never download what only coordinators or leaders use (charts, the groups board, outcomes).
 * `name` picks the named export: the features export pages by name, not as default.
 */
// biome-ignore lint/suspicious/noExplicitAny: React's own lazy() accepts any component props.
export function lazyPage<Name extends string, Page extends ComponentType<any>>(
  load: () => Promise<Record<Name, Page>>,
  name: Name,
): LazyExoticComponent<Page> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** What shows while a page's code arrives: a spinner in the page's place, not a blank screen. */
export function PageLoader() {
  return (
    <Center py="xl">
      {/* A status, so its label is allowed and read out while the page's code arrives. */}
      <Loader role="status" aria-label="Loading" />
    </Center>
  );
}

/** Wraps a lazily loaded part of a page so only that part waits for its code. */
export function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoader />}>{children}</Suspense>;
}
