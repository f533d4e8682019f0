import { tool } from 'ai';
import { z } from 'zod';

// A stand-in weather service, so the app needs no other account.
const forecasts: Record<string, { celsius: number; conditions: string }> = {
  Paris: { celsius: 11, conditions: 'light rain' },
  Berlin: { celsius: 7, conditions: 'overcast' },
  Lisbon: { celsius: 21, conditions: 'sunny' },
};

export const weather = tool({
  description: 'The current weather in a city',
  inputSchema: z.object({ city: z.string().describe('a city name, e.g. Paris') }),
  execute: async ({ city }) => ({
    city,
    ...(forecasts[city] ?? { celsius: 15, conditions: 'unknown' }),
  }),
});
