import { ExcelHostError } from '../excel/errors';
import type { Finding } from '../domain/finding';
import { genericErrorMessage, groupFindings, toUserMessage } from './controller';
import { CancelledError } from '../app/ports';
import { isDarkOfficeTheme, luminance } from './theme';
import { runCommand } from '../commands/commands';

const f = (rule: string, severity: Finding['severity'], cell: string, sheet = 'HC'): Finding => ({
  rule,
  severity,
  sheet,
  cell,
  row: Number(cell.replace(/^[A-Z]+/, '')),
  message: `${rule} ${cell}`,
});

describe('groupFindings', () => {
  test('returns no group for no finding', () => {
    expect(groupFindings([])).toEqual([]);
  });

  test('puts errors before warnings, rules by count then id, cells in sheet order', () => {
    const groups = groupFindings([
      f('number-as-text', 'warning', 'B2'),
      f('required', 'error', 'C10'),
      f('budget-chain', 'error', 'R3'),
      f('required', 'error', 'C9'),
      f('negative', 'error', 'D4'),
    ]);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ['error', 4],
      ['warning', 1],
    ]);
    expect(groups[0].rules.map((r) => r.rule)).toEqual(['required', 'budget-chain', 'negative']);
    expect(groups[0].rules[0].findings.map((x) => x.cell)).toEqual(['C9', 'C10']);
  });
});

describe('toUserMessage', () => {
  test('gives the generic Spanish sentence for a programming error', () => {
    expect(toUserMessage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(genericErrorMessage);
    expect(toUserMessage('Error, property was not loaded')).toBe(genericErrorMessage);
    expect(toUserMessage(undefined)).toBe(genericErrorMessage);
  });

  test('passes the adapter\'s Spanish message, first line only', () => {
    const e = new ExcelHostError('protected', 'La hoja «HC» está protegida.\n    at write (marks.ts:1:1)');
    expect(toUserMessage(e)).toBe('La hoja «HC» está protegida.');
    // Only the project's own errors pass: an Error merely named like one does not.
    expect(toUserMessage(Object.assign(new Error('Sheet is protected'), { name: 'ExcelHostError' }))).toBe(genericErrorMessage);
    expect(toUserMessage(new CancelledError())).toBe('Operación cancelada.');
  });

  test('translates Office error codes', () => {
    expect(toUserMessage({ code: 'AccessDenied', message: 'Access denied' })).toMatch(/protegida/);
    expect(toUserMessage({ code: 'RequestPayloadSizeLimitExceeded' })).toMatch(/demasiado grande/);
  });
});

describe('theme', () => {
  test('reads Office body colours', () => {
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('nope')).toBeNull();
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#444444' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#E6E6E6' })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(false);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
  });
});

describe('ribbon commands', () => {
  test('always complete the event, also when the work throws (after the error was reported)', async () => {
    const completed: number[] = [];
    const reported: string[] = [];
    const event = { completed: () => completed.push(reported.length) };
    const report = async (m: string) => void reported.push(m);
    expect(await runCommand(event, async () => undefined, report)).toBeUndefined();
    const err = await runCommand(
      event,
      async () => {
        throw new Error('boom');
      },
      report,
    );
    expect(err).toBeInstanceOf(Error);
    expect(reported).toEqual([genericErrorMessage]);
    // Completed once per click, the second time only after the message was shown.
    expect(completed).toEqual([0, 1]);
    const failing = await runCommand(event, async () => Promise.reject(new Error('x')), async () => Promise.reject(new Error('no dialog')));
    expect(failing).toBeInstanceOf(Error);
    expect(completed).toHaveLength(3);
  });
});
