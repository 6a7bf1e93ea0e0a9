import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configVariables } from './config.js';

const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it.each(configVariables)('documents %s', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });

  it('shows the two set-up commands and the test command', () => {
    expect(readme).toContain('npm install\nnpm start');
    expect(readme).toContain('npm test');
  });
});
