// Loading a page in Chromium over an emulated phone network, through the DevTools protocol, and
// counting what it downloaded.
import { performance } from 'node:perf_hooks';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** A phone on a slow mobile network (Lighthouse's "slow 4G"): 1.6 Mbps down, 750 kbps up, 150 ms RTT. */
export const phoneNetwork = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1_000) / 8,
};

export type Transfer = { path: string; type: string; bytes: number; isFromCache: boolean };
export type PageLoad = { ms: number; transfers: Transfer[] };

/** Records every response's type and bytes on the wire (headers included; 0 when served from cache). */
function recordTransfers(cdp: CDPSession): Transfer[] {
  const transfers: Transfer[] = [];
  const pending = new Map<string, Transfer>();
  cdp.on('Network.responseReceived', (event) => {
    pending.set(event.requestId, {
      path: new URL(event.response.url).pathname,
      type: event.type ?? 'Other',
      bytes: 0,
      isFromCache: Boolean(event.response.fromDiskCache || event.response.fromPrefetchCache),
    });
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const transfer = pending.get(event.requestId);
    if (transfer) transfer.isFromCache = true;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const transfer = pending.get(event.requestId);
    if (!transfer) return;
    transfer.bytes = event.encodedDataLength;
    transfers.push(transfer);
  });
  return transfers;
}

/**
 * Opens `url` in a new tab of `context` over the phone network and resolves once `isUsable` does:
 * the time from asking for the page to the person being able to use it.
 */
export async function loadPage(
  context: BrowserContext,
  url: string,
  isUsable: (page: Page) => Promise<unknown>,
): Promise<PageLoad> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', phoneNetwork);
    const transfers = recordTransfers(cdp);
    const startedAt = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await isUsable(page);
    const ms = performance.now() - startedAt;
    // Let responses still finishing be counted (a page may fetch more once it is usable).
    await page.waitForLoadState('networkidle');
    return { ms, transfers: [...transfers] };
  } finally {
    await page.close();
  }
}

/** The time the bytes alone take on the phone network, plus one round trip per request in sequence. */
export function theoreticalMs(bytes: number, roundTrips: number): number {
  return (bytes / phoneNetwork.downloadThroughput) * 1000 + roundTrips * phoneNetwork.latency;
}
