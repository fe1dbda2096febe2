import { useEffect } from 'react';

/**
 * Names the browser tab, history and the screen reader's page announcement: "Reflect — Tend". Without
 * a title the page is just "Tend", which says nothing about where a person is.
 */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — Tend` : 'Tend';
  }, [title]);
}
