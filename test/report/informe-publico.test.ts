/**
 * `informe --publico` (Ley 1474 de 2011 art. 74) on the real samples: the page carries what the
 * reading has — each goal's project and BPIN, its indicator and unit of measure, its unit — titled
 * by the plan's kind, and counts no «Sin dependencia» as a unit. The HTML is parsed (tables and
 * KPI cards), not matched as one string.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, tablero, tempDir } from '../cli/io';

const layouts = path.join(repoRoot, '..', 'shared', 'real-layouts');
const sispt = path.join(layouts, 'sispt-plan-indicativo-cajica.xlsx');
const cali = path.join(layouts, 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
const maybe = existsSync(sispt) && existsSync(cali) ? describe : describe.skip;

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

interface Page {
  readonly stdout: string;
  readonly title: string;
  readonly entity: string;
  readonly cards: Record<string, { value: string; sub: string }>;
  /** Each project block: its heading and its goal rows (cells as text). */
  readonly projects: { heading: string; rows: string[][] }[];
}

async function publico(file: string): Promise<Page> {
  const { dir, cleanup } = tempDir('house-publico-');
  try {
    const out = path.join(dir, 'publico.html');
    const r = await tablero(['informe', file, '--publico', '-o', out], dir, { now: new Date(2026, 11, 3) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const cards: Page['cards'] = {};
    for (const m of html.matchAll(/<div class="kpi[^"]*"><div class="l">([\s\S]*?)<\/div><div class="v[^"]*">([\s\S]*?)<\/div><div class="c">([\s\S]*?)<\/div><\/div>/g)) {
      cards[text(m[1])] = { value: text(m[2]), sub: text(m[3]) };
    }
    const projects = [...html.matchAll(/<table><thead><tr><th colspan="4">([\s\S]*?)<\/th>[\s\S]*?<tbody>([\s\S]*?)<\/tbody><\/table>/g)].map((m) => ({
      heading: text(m[1]),
      rows: [...m[2].matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
        .map((r) => [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1])))
        .filter((cells) => cells.length === 5 && cells[0] !== 'Código'),
    }));
    return { stdout: r.stdout, title: text(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? ''), entity: text(/<div class="entity">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? ''), cards, projects };
  } finally {
    cleanup();
  }
}

maybe('informe --publico on the real samples', () => {
  it('SisPT (Cajicá): projects by BPIN (column CG), indicator (M), unit of measure (O), titled as a plan indicativo, no unit counted', async () => {
    const p = await publico(sispt);
    expect(p.title).toBe('Plan Indicativo 2024–2027 — metas de la vigencia 2026');
    // Column B «Entidad territorial» is «Cajicá» on every row, and the workbook has no title block.
    expect(p.entity).toBe('Cajicá');
    expect(p.stdout).toContain('Plan Indicativo 2024–2027 — metas de la vigencia 2026, para publicar');
    // No project is the placeholder «Metas del programa»: every product of 2026 names its BPIN.
    expect(p.projects.length).toBeGreaterThan(20);
    for (const pr of p.projects) expect(pr.heading).toMatch(/^Proyecto BPIN \d{12,}$/);
    const goals = p.projects.flatMap((pr) => pr.rows);
    expect(goals).toHaveLength(37);
    // IP-236 (row of column D «IP-236»): M «Documentos de evaluación elaborados», 2026 programs 100, O «Número».
    const ip236 = goals.find((g) => g[0] === 'IP-236');
    expect(ip236?.[2]).toBe('Documentos de evaluación elaborados');
    expect(ip236?.[3]).toBe('100 Número');
    expect(p.projects.find((pr) => pr.rows.some((g) => g[0] === 'IP-236'))?.heading).toContain('BPIN 2024251260080');
    expect(goals.filter((g) => g[2] === '—')).toEqual([]);
    expect(p.cards['Proyectos'].value).toBe(String(p.projects.length));
    // Every row is «Sin dependencia»: no unit is in charge, and the card says so.
    expect(p.cards['Metas de producto']).toEqual({ value: '37', sub: 'El libro no nombra la dependencia a cargo' });
  });

  it('Cali: each «Nombre BP» with its «Cód BPIN» is a project; «N/A» is no BPIN and merges nothing', async () => {
    const p = await publico(cali);
    expect(p.title).toBe('Plan de Acción 2025');
    // Cali's own format: the workbook's titles name only the planning department, the format is Santiago de Cali's.
    expect(p.entity).toBe('Santiago de Cali');
    // Column H «Cód BPIN» / J «Nombre BP»: 13 projects with a BPIN, 4 with «N/A» (four different
    // names), so 17 projects; the «N/A» ones were one «Proyecto N/A» before.
    expect(new Set(p.projects.map((pr) => pr.heading)).size).toBe(17);
    expect(p.projects.filter((pr) => !/BPIN/.test(pr.heading)).map((pr) => pr.heading.slice(0, 40))).toEqual([
      'Proyecto: Nuevas estaciones de recarga p',
      'Proyecto: Diseño y construcción de la in',
      'Proyecto: Kilometros de fibra optica ins',
      'Proyecto: Clientes con acceso a internet',
    ]);
    expect(p.stdout).toMatch(/: 7 programas, 17 proyectos\.\n$/);
    expect(p.cards['Proyectos']).toEqual({ value: '17', sub: '13 con código BPIN' });
    expect(p.cards['Metas de producto'].sub).toMatch(/^A cargo de \d+ dependencias$/);
  });
});
