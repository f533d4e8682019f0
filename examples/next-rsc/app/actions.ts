'use server';

import { createStreamableValue } from '@ai-sdk/rsc';
import { streamText } from 'ai';
import { textModel } from '@/lib/models';

/**
 * A server action that returns at once with a streamable value; the model's text is appended to
 * it as it arrives, and React streams each change to the browser.
 */
export async function streamAnswer(prompt: string) {
  const answer = createStreamableValue('');
  (async () => {
    try {
      const result = streamText({ model: textModel, prompt });
      for await (const delta of result.textStream) answer.append(delta);
      answer.done();
    } catch (error) {
      answer.error(error instanceof Error ? error.message : String(error));
    }
  })();
  return { answer: answer.value };
}
