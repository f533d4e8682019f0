import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module of the snippet runner, without type declarations
import { extractSnippets } from '../readme/extract-snippets.mjs';

type Snippet = { section: string; entry: string; packages: string[]; code: string };

describe('README snippets that npm run test:readme runs', () => {
  const snippets: Snippet[] = extractSnippets(readFileSync('README.md', 'utf8'));

  it('finds the Quick start on the root entry and one block for each older entry', () => {
    expect(snippets.find(s => s.section === 'Quick start')?.entry).toBe('wandb-ai-provider');
    const compatibility = snippets.filter(s => s.section === 'Compatibility').map(s => s.entry);
    expect(compatibility).toEqual(
      expect.arrayContaining([
        'wandb-ai-provider/v3',
        'wandb-ai-provider/v2',
        'wandb-ai-provider/v1',
      ]),
    );
  });

  it('keeps each older block in its own major’s names', () => {
    const ai4 = snippets.find(s => s.entry === 'wandb-ai-provider/v1');
    expect(ai4?.code).toContain('parameters:');
    expect(ai4?.code).toContain('maxSteps:');
    expect(ai4?.code).not.toMatch(/inputSchema|stopWhen|stepCountIs/);
  });

  it('reads fences of other languages without taking their lines for headings or code', () => {
    const markdown = [
      '## Quick start',
      '```sh',
      '## not a heading',
      '```',
      '```ts',
      "import { wandb } from 'wandb-ai-provider/v2';",
      "import { Agent } from '@scope/pkg/sub';",
      '```',
      '## Settings',
      '```ts',
      "import { wandb } from 'wandb-ai-provider';",
      '```',
    ].join('\n');
    expect(extractSnippets(markdown)).toEqual([
      expect.objectContaining({
        section: 'Quick start',
        entry: 'wandb-ai-provider/v2',
        packages: ['@scope/pkg'],
      }),
    ]);
  });
});

describe('the README’s Developing section', () => {
  it('lists exactly the commands .ci/run runs, in its order', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Developing'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const ciCommands = readFileSync('.ci/run', 'utf8')
      .split('\n')
      .filter(line => line.startsWith('npm '));
    expect(block.trim().split('\n')).toEqual(ciCommands);
  });
});
