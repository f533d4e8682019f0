'use server';

import { Output, generateText } from 'ai';
import { z } from 'zod';
import { objectModel } from '@/lib/models';

const cityProfileSchema = z.object({
  city: z.string(),
  country: z.string(),
  population: z.number().int(),
  knownFor: z.array(z.string()).describe('three things the city is known for'),
});

export type CityProfile = z.infer<typeof cityProfileSchema>;
export type ProfileState = { city?: string; profile?: CityProfile; error?: string };

/** A form action: one typed object from the model (a JSON schema sent as `response_format`). */
export async function profileCity(_previous: ProfileState, form: FormData): Promise<ProfileState> {
  const city = String(form.get('city') ?? '').trim();
  if (city === '') return { error: 'Type a city name.' };
  // `city` goes back too: React resets the form after the action, to this value.
  try {
    const { output } = await generateText({
      model: objectModel,
      output: Output.object({ schema: cityProfileSchema, name: 'city_profile' }),
      prompt: `A short city profile of ${city}.`,
    });
    return { city, profile: output };
  } catch (error) {
    return { city, error: error instanceof Error ? error.message : String(error) };
  }
}
