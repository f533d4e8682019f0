/**
 * W&B Inference's error bodies (`{"error":{"message",...}}` with the messages of W&B's error
 * table; `type` and `code` only where W&B was seen to send them), and the model ids that ask the
 * emulator for one: `emulator/error-<status>`.
 */
import type { ScriptedReply } from './scripted-wandb-server.ts';

type WandbErrorBody = { message: string; type?: string; code?: string };

/** Each status the emulator can answer with, and W&B's body for it. */
export const EMULATED_ERRORS: Readonly<Record<number, WandbErrorBody>> = {
  400: {
    message: 'Invalid request: the emulator was asked for a 400 (model id emulator/error-400)',
  },
  401: { message: 'Authentication failed', type: 'invalid_request_error', code: 'invalid_api_key' },
  402: {
    message: 'You exceeded your current quota, please check your plan and billing details',
  },
  403: { message: 'Country, region, or territory not supported' },
  404: { message: 'The requested resource was not found' },
  422: {
    message:
      'Invalid request parameters: the emulator was asked for a 422 (model id emulator/error-422)',
  },
  429: { message: 'Concurrency limit reached for requests' },
  500: { message: 'The server had an error while processing your request' },
  503: { message: 'The engine is currently overloaded, please try again later' },
};

export function wandbError(status: number, error: WandbErrorBody): ScriptedReply {
  return { type: 'json', status, body: { error } };
}

/** The body W&B was seen to send for a request without `Authorization`. */
export const missingKeyError = () =>
  wandbError(401, {
    code: 'invalid_api_key',
    message: 'Missing bearer authentication in header',
    type: 'invalid_request_error',
  });

/** W&B's answer for a wrong or retired model id and for a wrong path. */
export const notFoundError = () => wandbError(404, EMULATED_ERRORS[404]);

/** The error a model id such as `emulator/error-429` asks for, or undefined. */
export function requestedError(model: string): ScriptedReply | undefined {
  const match = /^emulator\/error-(\d{3})$/.exec(model);
  if (match == null) return undefined;
  const status = Number(match[1]);
  const body = EMULATED_ERRORS[status];
  if (body == null) {
    return wandbError(400, {
      message: `The emulator has no error ${status}; use one of ${Object.keys(EMULATED_ERRORS).join(', ')} (model id emulator/error-<status>).`,
      type: 'invalid_request_error',
    });
  }
  return wandbError(status, body);
}
