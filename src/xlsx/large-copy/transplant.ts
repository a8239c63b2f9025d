/** A generated sheet of the skeleton output, moved into the copy: its style indices shifted, its shared strings inline. */
import type { MergedStyles } from './styles';

/** The `<si>` items of a shared-strings part, as inline-string content. */
export function sharedStringItems(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ?? '');
  return out;
}

/** A generated sheet's XML, moved to the original's styles and with its strings inline. */
export function transplantSheet(xml: string, styles: MergedStyles, strings: readonly string[]): string {
  const shift = (v: string) => String(Number(v) + styles.xfOffset);
  return xml
    .replace(/<c(\s[^>]*?)?(\/>|>([\s\S]*?)<\/c>)/g, (m, attrs: string | undefined, end: string, inner: string | undefined) => {
      let a = (attrs ?? '').replace(/(\ss=")(\d+)(")/, (_, p: string, v: string, q: string) => p + shift(v) + q);
      let body = inner;
      if (/\st="s"/.test(a) && body !== undefined) {
        const v = /<v>(\d+)<\/v>/.exec(body);
        if (v) {
          a = a.replace(/\st="s"/, ' t="inlineStr"');
          body = `<is>${strings[Number(v[1])] ?? ''}</is>`;
        }
      }
      return end === '/>' ? `<c${a}/>` : `<c${a}>${body ?? ''}</c>`;
    })
    .replace(/<row\b[^>]*>/g, (t) => t.replace(/(\ss=")(\d+)(")/, (_, p: string, v: string, q: string) => p + shift(v) + q))
    .replace(/<col\b[^>]*>/g, (t) => t.replace(/(\sstyle=")(\d+)(")/, (_, p: string, v: string, q: string) => p + shift(v) + q))
    .replace(/(\sdxfId=")(\d+)(")/g, (_, p: string, v: string, q: string) => p + String(Number(v) + styles.dxfOffset) + q);
}
