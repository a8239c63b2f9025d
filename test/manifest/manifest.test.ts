/**
 * manifest.xml: schema-valid offline (xmllint + ../shared/schemas/office-manifest), the ribbon and
 * requirement sets the product promises, and real icons of the right pixel sizes.
 * When xmllint is missing the schema test is skipped locally but FAILS in CI (CI=true).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { drawIcon, encodePng, ICON_SIZES } from '../../scripts/make-icons';
const { productionManifest, PLACEHOLDER_URL } = require('../../scripts/production-manifest') as { productionManifest(xml: string, url?: string): string; PLACEHOLDER_URL: string };

const root = path.resolve(__dirname, '..', '..');
const manifestPath = path.join(root, 'manifest.xml');
const schema = path.resolve(root, '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
const manifest = readFileSync(manifestPath, 'utf8');

function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  const lint = hasXmllint();
  if (!lint && process.env.CI === 'true') {
    test('xmllint is installed in CI', () => {
      throw new Error('xmllint no está instalado: el CI debe instalar libxml2-utils para validar manifest.xml.');
    });
  }
  (lint ? test : test.skip)('validates against the offline schemas (xmllint)', () => {
    expect(existsSync(schema)).toBe(true);
    const r = spawnSync('xmllint', ['--noout', '--schema', schema, manifestPath], { encoding: 'utf8' });
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
    // And through the committed script.
    execFileSync(path.join(root, 'scripts', 'validate-manifest.sh'), { stdio: 'pipe' });
  });

  (lint ? test : test.skip)('the schema check can fail: a manifest without Permissions is rejected', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    const bad = path.join(dir, 'manifest.xml');
    writeFileSync(bad, manifest.replace(/<Permissions>.*<\/Permissions>/, ''));
    const r = spawnSync('xmllint', ['--noout', '--schema', schema, bad], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
  });

  test('Spanish, read/write, ExcelApi 1.6 minimum, Seguimiento PDM group on the Home tab', () => {
    expect(manifest).toMatch(/<DefaultLocale>es-CO<\/DefaultLocale>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.6"\/>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/id="Group.Label" DefaultValue="Seguimiento PDM"/);
    expect(manifest).toMatch(/xsi:type="ShowTaskpane"/);
    expect(manifest).toMatch(/https:\/\/localhost:3000\/taskpane\.html/);
    expect(manifest).toMatch(/https:\/\/localhost:3000\/commands\.html/);
  });

  test('the ribbon functions are the ones commands.ts registers', () => {
    const fns = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(fns).toEqual(['validar', 'generarTablero']);
    const commands = path.join(root, 'src', 'commands', 'commands.ts');
    if (existsSync(commands)) {
      const src = readFileSync(commands, 'utf8');
      for (const f of fns) expect(src).toContain(`'${f}'`);
    }
  });

  test.each(ICON_SIZES)('assets/icon-%i.png is a real PNG of that size', (size) => {
    expect(pngSize(path.join(root, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  test('every icon the manifest names exists with the size it declares', () => {
    for (const m of manifest.matchAll(/<bt:Image id="Icon\.(\d+)x\1" DefaultValue="https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)"\/>/g)) {
      expect(m[1]).toBe(m[3]);
      expect(pngSize(path.join(root, m[2])).width).toBe(Number(m[1]));
    }
    for (const m of manifest.matchAll(/(?:IconUrl|HighResolutionIconUrl) DefaultValue="https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)"/g)) {
      expect(pngSize(path.join(root, m[1])).width).toBe(Number(m[2]));
    }
  });

  test('the committed icons are what scripts/make-icons.ts draws', () => {
    for (const size of ICON_SIZES) {
      expect(readFileSync(path.join(root, 'assets', `icon-${size}.png`)).equals(encodePng(size, size, drawIcon(size)))).toBe(true);
    }
  });
});

describe('manifest.prod.xml (production)', () => {
  const prodPath = path.join(root, 'manifest.prod.xml');
  const prod = readFileSync(prodPath, 'utf8');

  test('is manifest.xml with the one setting (the add-in address) filled in: no localhost, a support page', () => {
    expect(prod).toBe(productionManifest(manifest));
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toContain(`<SupportUrl DefaultValue="${PLACEHOLDER_URL}/soporte.html"/>`);
    expect(manifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/soporte.html"/>');
    expect(existsSync(path.join(root, 'src', 'taskpane', 'soporte.html'))).toBe(true);
    const real = productionManifest(manifest, 'https://planeacion.pasto.gov.co/tablero/');
    expect(real).toContain('<SourceLocation DefaultValue="https://planeacion.pasto.gov.co/tablero/taskpane.html"/>');
    expect(real).toContain('<AppDomain>https://planeacion.pasto.gov.co</AppDomain>');
    expect(() => productionManifest(manifest, 'http://inseguro.gov.co')).toThrow(/https/);
    expect(() => productionManifest(manifest, 'https://localhost:8443')).toThrow(/localhost/);
  });

  (hasXmllint() ? test : test.skip)('validates against the offline schemas, with the placeholder and with a real address', () => {
    for (const xml of [prod, productionManifest(manifest, 'https://planeacion.pasto.gov.co/tablero')]) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'manifest-prod-'));
      const file = path.join(dir, 'manifest.prod.xml');
      writeFileSync(file, xml);
      const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
      expect(r.stderr).toContain('validates');
      expect(r.status).toBe(0);
    }
  });
});
