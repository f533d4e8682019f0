import { InvalidArgumentError } from '@ai-sdk/provider';
import { describeValueKind } from './error-message-parts';
import { isObject } from './json-object';

/*
 * Checks of the provider settings, run by `createWandb` so that a mistake fails at construction,
 * naming the setting and what is expected, instead of as a TypeError deep inside a later call.
 * Header values and keys are never quoted: they often are secrets.
 */

export function validateSettingsObject(settings: unknown): void {
  if (!isObject(settings)) {
    throw new InvalidArgumentError({
      argument: 'settings',
      message: `createWandb() takes a settings object such as { project: 'team/project' } (got ${describeValueKind(settings)}).`,
    });
  }
}

export function validateApiKeySetting(apiKey: unknown): void {
  if (apiKey != null && typeof apiKey !== 'string') {
    throw new InvalidArgumentError({
      argument: 'apiKey',
      message: `The apiKey setting must be a string, your W&B API key from https://wandb.ai/settings (got ${describeValueKind(apiKey)}).`,
    });
  }
}

/** `source` names where the value came from, e.g. 'The project setting'. */
export function validateProject(project: unknown, source = 'The project setting'): void {
  if (project == null) return;
  if (typeof project !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(project)) {
    throw new InvalidArgumentError({
      argument: 'project',
      message: `${source} must be 'team/project', your W&B entity and project names (got ${JSON.stringify(project)}).`,
    });
  }
}

/** RFC 9110 token characters, the only ones fetch accepts in a header name. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Line breaks, NUL, or characters outside Latin-1 make fetch throw a TypeError that quotes the value. */
export function isSendableHeaderValue(value: string): boolean {
  return !/[\r\n\0]|[^\u0000-\u00ff]/.test(value);
}

/** Checks provider headers (`argument` = 'headers') or a call's headers before fetch sees them. */
export function validateHeaders(headers: unknown, argument: string): void {
  if (headers == null) return;
  if (!isObject(headers)) {
    throw new InvalidArgumentError({
      argument,
      message: `${argument} must be an object of header names to string values, such as { 'X-Trace': 'abc' } (got ${describeValueKind(headers)}).`,
    });
  }
  for (const [name, value] of Object.entries(headers)) {
    const path = `${argument}.${name}`;
    if (!HEADER_NAME.test(name)) {
      throw new InvalidArgumentError({
        argument: path,
        message: `${JSON.stringify(name)} in ${argument} is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only).`,
      });
    }
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      throw new InvalidArgumentError({
        argument: path,
        message: `Header values must be strings; ${path} is ${describeValueKind(value)}. Convert it with String(value).`,
      });
    }
    if (!isSendableHeaderValue(value)) {
      throw new InvalidArgumentError({
        argument: path,
        message: `${path} contains a line break or a character that cannot be sent in an HTTP header (the value is not quoted here, it may be a secret).`,
      });
    }
  }
}

export function validateOptionalSetting(
  name: 'includeUsage' | 'fetch',
  value: unknown,
  expected: 'boolean' | 'function',
): void {
  if (value != null && typeof value !== expected) {
    throw new InvalidArgumentError({
      argument: name,
      message: `The ${name} setting must be a ${expected} (got ${describeValueKind(value)}).`,
    });
  }
}

/** The `name` setting: a key of `providerOptions`, so a non-empty word without spaces. */
export function validateName(name: unknown): string {
  if (name == null) return 'wandb';
  if (typeof name !== 'string' || !/^\S+$/.test(name)) {
    throw new InvalidArgumentError({
      argument: 'name',
      message: `The name setting must be a non-empty string without spaces, the key your provider options go under, such as 'wandb' or 'my-wandb' (got ${typeof name === 'string' ? JSON.stringify(name) : describeValueKind(name)}).`,
    });
  }
  return name;
}

export function validateModelId(modelId: unknown): void {
  if (typeof modelId !== 'string' || modelId.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'modelId',
      message: `The model id must be a non-empty string such as 'openai/gpt-oss-120b' (got ${JSON.stringify(modelId)}).`,
    });
  }
  if (modelId !== modelId.trim()) {
    throw new InvalidArgumentError({
      argument: 'modelId',
      message: `The model id ${JSON.stringify(modelId)} has leading or trailing whitespace; W&B model ids are matched exactly, so it would not be found.`,
    });
  }
}
