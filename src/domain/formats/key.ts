/**
 * The key a format description matches a header by (real-formats.md "Header matching, real
 * wording"): the header's `normalizeHeader` text with the wording other instances of the same
 * format really use folded into one form, so that a description's patterns, written once, accept
 * them all:
 *
 * - qualifiers in parentheses are dropped (`Ejecución Física 2025 (PIIP)`), or kept as words for
 *   the patterns that name them (`keyOf(text, true)`: SisPT's `(SisPT)` and `(MGA)` codes);
 * - little words go (`de`, `del`, `la`, `el`, `los`, `las`, `y`, `o`…): `Código de la meta de
 *   producto` = `COD META PRODUCTO`;
 * - plural = singular (`Consecutivos IP` = `Consecutivo IP`, `Compromisos` = `Compromiso`);
 * - one word for each family of abbreviations and inflections: `Ejec.`/`Ejecución`/`Ejecutado` =
 *   `ejecucion`; `Prog.`/`Programado`/`Programación` = `programacion`; `No.`/`N°`/`Nro`/`Número`/
 *   `Cód.`/`Código`/`Consecutivo`/`Cons.` = `codigo`; `Vr.`/`Vlr.`/`Valor` = `valor`; `física` =
 *   `fisico`; `cuatrenio` = `cuatrienio`; `Ppto.` = `presupuesto`;
 * - a quarter, however written (`T1`, `T.1`, `T1.`, `Trimestre 1`, `Trimestre I`, `Trim II`,
 *   `III trimestre`, `1er trimestre`, `Primer trimestre`, `T-IV`, `ENE-MAR`, `enero a marzo`), is
 *   `t1`…`t4`.
 *
 * Patterns are written on keys with `key` (below), which folds their plain words the same way.
 */
import { normalizeHeader } from '../headers';

/** Words that carry no meaning in a header. */
const dropped = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'lo', 'al', 'en', 'y', 'o', 'e', 'a', 'para', 'por', 'con']);

/** One word for each family (after the plural is folded). */
const families: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  ejec: 'ejecucion', ejecuc: 'ejecucion', ejecucion: 'ejecucion', ejecutado: 'ejecucion', ejecutada: 'ejecucion', ejecutar: 'ejecucion',
  prog: 'programacion', programado: 'programacion', programada: 'programacion', programacion: 'programacion',
  planeado: 'planeado', planeada: 'planeado', planeacion: 'planeado', planificado: 'planeado', planificada: 'planeado', plan: 'plan',
  numero: 'codigo', no: 'codigo', nro: 'codigo', num: 'codigo', nº: 'codigo', n: 'codigo', codigo: 'codigo', cod: 'codigo', cd: 'codigo',
  consecutivo: 'codigo', cons: 'codigo', consec: 'codigo',
  vr: 'valor', vlr: 'valor', valor: 'valor',
  fisica: 'fisico', financiera: 'financiero', ppto: 'presupuesto', pto: 'presupuesto',
  cuatrenio: 'cuatrienio', cuatrieno: 'cuatrienio',
  descripcion: 'descripcion', desc: 'descripcion',
  explic: 'explicacion',
  ind: 'indicador',
  unid: 'unidad',
  prod: 'producto',
  aprop: 'apropiacion',
  def: 'definitiva',
  indicadore: 'indicador',
});

/** Quarter words: the number a word (or `t` + word, or word + `trimestre`) names. */
const quarterWords: Readonly<Record<string, number>> = Object.assign(Object.create(null) as Record<string, number>, {
  '1': 1, '2': 2, '3': 3, '4': 4, i: 1, ii: 2, iii: 3, iv: 4,
  primer: 1, primero: 1, segundo: 2, tercer: 3, tercero: 3, cuarto: 4,
  '1er': 1, '1ro': 1, '1o': 1, '1º': 1, '2do': 2, '2o': 2, '2º': 2, '3er': 3, '3ro': 3, '3o': 3, '3º': 3, '4to': 4, '4o': 4, '4º': 4,
});
/** First and last month of a quarter (`ene mar`), and the months' words. */
const quarterSpans: Readonly<Record<string, number>> = { '1 3': 1, '4 6': 2, '7 9': 3, '10 12': 4 };
const months = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
function monthOf(w: string): number | undefined {
  if (w.length < 3) return undefined;
  const k = months.findIndex((m) => w.startsWith(m));
  if (k < 0) return undefined;
  const full = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][k];
  return full.startsWith(w) || w === 'sept' || w === 'setiembre' ? k + 1 : undefined;
}
const trimestre = new Set(['trimestre', 'trim', 'trimest', 'trimestral']);

/** `compromisos` → `compromiso`, `obligaciones` → `obligacion`, `indicadores` → `indicador`, `responsables` → `responsable`. */
function singular(w: string): string {
  if (w.length <= 3 || !w.endsWith('s') || /\d/.test(w)) return w;
  if (w.endsWith('ciones') || w.endsWith('siones')) return w.slice(0, -2);
  // `indicadores`, `totales`, `bienes`, `unidades`; not `responsables`, `padres` (a consonant before: the `e` is the stem's)
  if (/[aeiou][rlnd]es$/.test(w) && w.length > 5) return w.slice(0, -2);
  if (/[aeo]s$/.test(w)) return w.slice(0, -1);
  return w;
}

function fold(w: string): string | undefined {
  if (dropped.has(w)) return undefined;
  const s = singular(w);
  return families[s] ?? families[w] ?? s;
}

/** The words of a normalised header with quarters written `t1`…`t4` and every word folded. */
function foldWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    // `t1` (normalizeHeader already joins `T.1`), `t iv`, `trimestre ii`, `trim 2`
    if (/^t[1-4]$/.test(w)) {
      out.push(w);
      continue;
    }
    if ((w === 't' || trimestre.has(w)) && next !== undefined && quarterWords[next] !== undefined) {
      out.push(`t${quarterWords[next]}`);
      i++;
      continue;
    }
    // `iii trimestre`, `1er trimestre`, `primer trimestre`
    if (quarterWords[w] !== undefined && next !== undefined && trimestre.has(next)) {
      out.push(`t${quarterWords[w]}`);
      i++;
      continue;
    }
    // `ENE-MAR`, `enero a marzo`: the months a quarter spans
    const span = next !== undefined && (next === 'a' || next === 'al') ? words[i + 2] : next;
    const range = span !== undefined ? quarterSpans[`${monthOf(w)} ${monthOf(span)}`] : undefined;
    if (range !== undefined) {
      out.push(`t${range}`);
      i += span === next ? 1 : 2;
      continue;
    }
    const f = fold(w);
    if (f !== undefined && f.length > 0) out.push(f);
  }
  return out;
}

/**
 * A header's key (above). `qualified`: its qualifiers in parentheses kept as words (`Código de
 * indicador de producto (MGA)` → `codigo indicador producto mga`).
 */
export function keyOf(text: string, qualified = false): string {
  const t = qualified ? text.replace(/\(\s*%\s*\)/g, ' % ').replace(/[()]/g, ' ') : text;
  return foldWords(normalizeHeader(t).split(' ').filter((w) => w.length > 0)).join(' ');
}

/**
 * A pattern on keys, written in plain words (`` key`^codigo meta producto$` ``): the plain words of
 * its literal parts are folded like a header's (`^ejecucion fisica ${YEAR}$` also reads
 * `Ejec. Física 2025`); interpolated fragments (`YEAR`, `QUARTER`) and words with regular
 * expression syntax are kept as written, so those must be written folded.
 */
export function key(strings: TemplateStringsArray, ...parts: readonly string[]): RegExp {
  const hole = (k: number) => `\u0000${k}\u0000`;
  const text = strings.raw.reduce((acc, s, k) => acc + s + (k < parts.length ? hole(k) : ''), '');
  const words = text.split(' ').filter((w) => w.length > 0);
  const out: string[] = [];
  for (const w of words) {
    const m = /^(\^?)([a-zñ]+)(\$?)$/.exec(w);
    if (!m) {
      out.push(w);
      continue;
    }
    const f = fold(m[2]);
    if (f === undefined) {
      // A dropped word at an anchor keeps the anchor on its neighbour.
      if (m[1] || m[3]) out.push(`${m[1]}${m[3]}`);
      continue;
    }
    out.push(`${m[1]}${f}${m[3]}`);
  }
  const source = out
    .join(' ')
    .replace(/\^ /g, '^')
    .replace(/ \$/g, '$')
    .replace(/\u0000(\d+)\u0000/g, (_, k: string) => parts[Number(k)]);
  return new RegExp(source);
}

