import { gridsOf } from './helpers/xlsx';
import { isCellError } from '../src/domain/grid';

describe('exceljs host: reading a grid', () => {
  it('gives values, number formats, merges and visibility as Excel shows them', async () => {
    const wb = await gridsOf([
      {
        name: 'HC T2',
        rows: [
          ['Título', null, null],
          ['1702', 'Meta', 0.45],
          [null, 'Otra', { error: '#REF!' }],
          [new Date(Date.UTC(2025, 5, 30)), { formula: 'B2&"x"', result: 'Metax' }, 12],
        ],
        merges: ['A2:A3'],
        formats: { C2: '0%', A4: 'dd/mm/yyyy' },
      },
      { name: 'Oculta', rows: [['x']], state: 'hidden' },
    ]);
    const g = wb.sheets[0];
    expect(g.values[1]![0]).toBe('1702');
    expect(g.values[2]![0] ?? null).toBeNull(); // covered by the merge: blank, as in Excel
    expect(g.merges).toEqual([{ top: 2, left: 1, bottom: 3, right: 1 }]);
    expect(g.numberFormats![1]![2]).toBe('0%');
    expect(isCellError(g.values[2]![2])).toBe(true);
    expect(g.values[3]![0]).toBeInstanceOf(Date);
    expect(g.values[3]![1]).toBe('Metax');
    expect(wb.sheets[1].visibility).toBe('hidden');
  });
});
