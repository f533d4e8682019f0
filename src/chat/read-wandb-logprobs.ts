import { InvalidResponseDataError, type JSONObject } from '@ai-sdk/provider';

/**
 * The token log probabilities of a choice, as vLLM's OpenAI-compatible server sends them:
 * `choices[0].logprobs.content` is a list of `{ token, logprob, bytes, top_logprobs: [{ token,
 * logprob, bytes }] }`. Read only when the request asked for them (`logprobs: true`), so chunks
 * of other requests pay nothing. Returns undefined when the model sent none.
 */
export function readWandbLogprobs(body: unknown, choicePath: string): JSONObject[] | undefined {
  const choices = isObject(body) ? body.choices : undefined;
  const choice = Array.isArray(choices) ? choices[0] : undefined;
  const logprobs = isObject(choice) ? choice.logprobs : undefined;
  if (logprobs == null) return undefined;
  const content = isObject(logprobs) ? logprobs.content : undefined;
  if (content == null) return undefined;
  if (!Array.isArray(content) || !content.every(isObject)) {
    throw new InvalidResponseDataError({
      data: logprobs,
      message: `Invalid W&B response: ${choicePath}.logprobs.content should be a list of objects.`,
    });
  }
  return content as JSONObject[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}
