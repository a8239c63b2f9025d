/**
 * Every known format has its own page in docs/formatos/ (named by its id, as
 * `FormatDescription.id` says) with its Spanish name as the title, and the index links it.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formats } from '../../src/domain/formats/index';

const docs = path.resolve(__dirname, '..', '..', 'docs', 'formatos');
const index = readFileSync(path.join(docs, 'README.md'), 'utf8');

describe.each(formats.map((f) => [f.id, f] as const))('the docs page of %s', (id, format) => {
  const page = path.join(docs, `${id}.md`);

  it('exists, titled with the format\'s name and id', () => {
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8').split('\n')[0]).toBe(`# ${format.name} — \`${id}\``);
  });

  it('is linked from the index, on the format\'s row', () => {
    const row = index.split('\n').find((l) => l.includes(`| \`${id}\` |`));
    expect(row).toContain(`[${id}.md](${id}.md)`);
  });
});
