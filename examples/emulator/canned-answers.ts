/**
 * What the examples' W&B emulator answers: one canned answer per example (and per page of the
 * Next.js app), picked by words in the last user message. Written to read like real model output,
 * so a newcomer sees what W&B would send back. Any other prompt falls through to the package
 * emulator's generated answers.
 */
import type { ChatAsk } from '../../src/emulator/chat-ask.ts';
import type { EmulatorAnswer } from '../../src/emulator/emulator-answer.ts';

/** A canned answer is one of the emulator's answer kinds. */
export type CannedAnswer = EmulatorAnswer;

type Scenario = {
  /** All of these words (lower case) must be in the prompt. */
  words: string[];
  answer: (ask: ChatAsk) => CannedAnswer;
};

const KNOWN_CITIES = ['Paris', 'Berlin', 'London', 'Tokyo', 'Kyoto', 'Lisbon', 'New York'];

const citiesIn = (prompt: string) =>
  KNOWN_CITIES.filter(city => prompt.toLowerCase().includes(city.toLowerCase()));

const SCENARIOS: Scenario[] = [
  {
    words: ['transformers', 'attention'],
    answer: () => ({
      kind: 'text',
      text:
        'Attention lets every token weigh every other token in the sequence directly, so a transformer can relate words ' +
        'that are far apart without passing information step by step as a recurrent network must. ' +
        'Because those weights are computed for all positions at once, training parallelizes well on GPUs, which is what made very large models practical.',
    }),
  },
  {
    words: ['haiku', 'gradient descent'],
    answer: () => ({
      kind: 'text',
      text: 'Down the foggy slope,\nsmall steps against the gradient —\nloss sighs, settles low.',
    }),
  },
  {
    words: ['bat', 'ball'],
    answer: () => ({
      kind: 'text',
      reasoning: [
        'Let the ball cost x, so the bat costs x + 1.00.',
        'Together: x + (x + 1.00) = 1.10, so 2x = 0.10 and x = 0.05.',
        'Check: the bat is 1.05, the ball 0.05, the sum 1.10 and the difference exactly 1.00.',
      ],
      text: 'The ball costs **$0.05** (and the bat $1.05). The intuitive answer, 10 cents, would make the bat only 90 cents more expensive.',
    }),
  },
  {
    words: ['prime', 'between'],
    answer: () => ({
      kind: 'text',
      reasoning: [
        'The primes between 10 and 30 are 11, 13, 17, 19, 23 and 29.',
        'Their sum: 11 + 13 = 24, + 17 = 41, + 19 = 60, + 23 = 83, + 29 = 112.',
        'Recount to be sure nothing was skipped: 15, 21, 25 and 27 are composite, so six primes; the sum stays 112.',
      ],
      text: 'There are six primes between 10 and 30 (11, 13, 17, 19, 23, 29); together they add up to 112.',
    }),
  },
  {
    words: ['recipe', 'margherita'],
    answer: () => ({
      kind: 'object',
      object: {
        name: 'Pizza Margherita',
        servings: 2,
        minutes: 90,
        ingredients: [
          { item: 'pizza dough', amount: '250 g' },
          { item: 'crushed San Marzano tomatoes', amount: '150 g' },
          { item: 'fresh mozzarella', amount: '125 g' },
          { item: 'basil leaves', amount: '8' },
          { item: 'olive oil', amount: '1 tbsp' },
        ],
        steps: [
          'Heat the oven with a pizza stone to 250 °C for 45 minutes.',
          'Stretch the dough into a thin round and spread the tomatoes over it.',
          'Tear the mozzarella over the top and bake for 8 to 10 minutes.',
          'Finish with basil and a drizzle of olive oil.',
        ],
      },
    }),
  },
  {
    words: ['hackathon'],
    answer: () => ({
      kind: 'object',
      object: {
        ideas: [
          {
            title: 'Commit Haiku',
            pitch:
              'A git hook that summarizes every commit as a haiku, streamed into the team chat.',
          },
          {
            title: 'Eval Arena',
            pitch:
              'Two models answer the same prompt side by side and the audience votes in real time.',
          },
          {
            title: 'Meeting Minus',
            pitch:
              'Turns a meeting transcript into decisions and owners before the call has ended.',
          },
        ],
      },
    }),
  },
  {
    words: ['city profile'],
    answer: ({ prompt }) => ({
      kind: 'object',
      object: cityProfile(citiesIn(prompt)[0] ?? 'Kyoto'),
    }),
  },
  {
    words: ['jacket'],
    answer: ask => {
      if (!ask.toolNames.includes('weather')) {
        return {
          kind: 'text',
          text: 'I cannot look up the weather without a weather tool; a light jacket is rarely a mistake.',
        };
      }
      const cities = citiesIn(ask.prompt);
      return {
        kind: 'tool-calls',
        reasoning: [
          `The user wants to know whether a jacket is needed, so I should check the current weather in ${(cities.length ? cities : ['Paris']).join(' and ')}.`,
        ],
        calls: (cities.length ? cities : ['Paris']).map(city => ({
          name: 'weather',
          input: { city },
        })),
      };
    },
  },
  {
    words: ['shapes'],
    answer: ({ hasImage }) =>
      hasImage
        ? {
            kind: 'text',
            text: 'The picture shows two shapes on a white background: a red circle on the left and a blue square on the right, about the same size.',
          }
        : {
            kind: 'text',
            text: 'I do not see an image in your message. Attach one and ask again.',
          },
  },
  {
    words: ['refund'],
    answer: () => ({
      kind: 'text',
      text:
        'Thanks for reaching out! Refunds for annual plans are prorated to the day: go to Settings → Billing → Cancel plan, ' +
        'and the unused part goes back to your card within 5–7 business days. Anything else I can help with?',
    }),
  },
];

/**
 * The answer to `ask`: after weather results, the answer that uses them; else the matching
 * scenario; else `undefined` (the emulator's generated answer).
 */
export function cannedAnswerFor(ask: ChatAsk): CannedAnswer | undefined {
  const prompt = ask.prompt.toLowerCase();
  const scenario = SCENARIOS.find(({ words }) => words.every(word => prompt.includes(word)));
  if (scenario == null) return undefined;
  if (ask.toolResults.length > 0) return { kind: 'text', text: answerFromWeather(ask.toolResults) };
  return scenario.answer(ask);
}

/** The weather tool's results, as a model would summarize them. */
function answerFromWeather(results: unknown[]): string {
  const lines = results.map(result => {
    const { city, celsius, conditions } = result as {
      city?: string;
      celsius?: number;
      conditions?: string;
    };
    if (city == null || celsius == null)
      return `The tool returned ${JSON.stringify(result)}, which I cannot read as weather.`;
    const advice =
      celsius < 16 || /rain|wind/i.test(conditions ?? '') ? 'take a jacket' : 'no jacket needed';
    return `${city}: ${celsius} °C and ${conditions ?? 'unknown skies'}, so ${advice}.`;
  });
  return lines.join('\n');
}

function cityProfile(city: string) {
  const profiles: Record<string, unknown> = {
    Kyoto: {
      city: 'Kyoto',
      country: 'Japan',
      population: 1_460_000,
      knownFor: [
        'Fushimi Inari shrine',
        'Kinkaku-ji, the Golden Pavilion',
        'the Gion geisha district',
      ],
    },
    Paris: {
      city: 'Paris',
      country: 'France',
      population: 2_100_000,
      knownFor: ['the Eiffel Tower', 'the Louvre', 'cafés along the Seine'],
    },
    Lisbon: {
      city: 'Lisbon',
      country: 'Portugal',
      population: 545_000,
      knownFor: ['tram 28', 'pastéis de nata', 'fado in Alfama'],
    },
  };
  return (
    profiles[city] ?? {
      city,
      country: 'unknown',
      population: 0,
      knownFor: ['(the emulator knows Kyoto, Paris and Lisbon)'],
    }
  );
}
