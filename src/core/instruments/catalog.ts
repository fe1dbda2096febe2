import { briefResilienceScale } from './brief-resilience-scale.ts';
import { copenhagenBurnoutInventory } from './copenhagen-burnout-inventory.ts';
import type { Instrument } from './instrument.ts';
import { perceivedStressScale10 } from './perceived-stress-scale-10.ts';
import { proqol5 } from './proqol-5.ts';
import { who5 } from './who-5.ts';

/** The instruments Tend ships, in the order an administrator sees them. */
export const instruments: readonly Instrument[] = [
  proqol5,
  briefResilienceScale,
  who5,
  copenhagenBurnoutInventory,
  perceivedStressScale10,
];

export function findInstrument(instrumentId: string): Instrument | undefined {
  return instruments.find((instrument) => instrument.id === instrumentId);
}
