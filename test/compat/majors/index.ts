/** The four `ai` majors of the matrix, each with the package entry meant for it. */
import * as ai from 'ai';
import * as ai5 from 'ai-v5';
import * as ai6 from 'ai-v6';
import { createWandb as createWandbV4 } from '../../../src/index';
import { createWandb as createWandbV2 } from '../../../src/v2/index';
import { createWandb as createWandbV3 } from '../../../src/v3/index';
import type { Major } from '../major';
import { ai4 } from './ai4';
import { createModernMajor } from './modern-major';

// The modern adapter is typed with ai@7's module; ai@5 and ai@6 offer the same functions at
// runtime (their own types are checked in test/compat/types/).
type AiModule = typeof ai;

export const majors: Major[] = [
  ai4,
  createModernMajor(ai5 as unknown as AiModule, {
    name: 'ai@5',
    entry: 'wandb-ai-provider/v2',
    specificationVersion: 'v2',
    userAgent: 'ai/5',
    createWandb: createWandbV2,
    outputOption: 'experimental_output',
  }),
  createModernMajor(ai6 as unknown as AiModule, {
    name: 'ai@6',
    entry: 'wandb-ai-provider/v3',
    specificationVersion: 'v3',
    userAgent: 'ai/6',
    createWandb: createWandbV3,
    outputOption: 'output',
  }),
  createModernMajor(ai, {
    name: 'ai@7',
    entry: 'wandb-ai-provider',
    specificationVersion: 'v4',
    userAgent: 'ai/7',
    createWandb: createWandbV4,
    outputOption: 'output',
  }),
];
