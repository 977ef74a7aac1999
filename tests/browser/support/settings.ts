import type { Settings } from '../../../settings/schema';

/** The organisation the browser tests, the demo and the benchmark configure. */
export const SCHOOL: Settings = {
  organisation: {
    names: ['Penrice Primary Academy'],
    handles: ['@PenricePrimary'],
  },
  pupilNames: ['Olivia Smith', 'Jack Brown'],
};
