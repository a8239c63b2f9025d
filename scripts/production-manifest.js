/**
 * The production manifest is manifest.xml (the localhost one, for development) with every
 * `https://localhost:3000` replaced by the address the add-in is served from — ONE setting:
 *
 *   npm run build -- --env addinUrl=https://planeacion.ejemplo.gov.co/tablero   (or TABLERO_ADDIN_URL)
 *
 * writes dist/addin/manifest.prod.xml. Without the setting the placeholder below is used (and the
 * build says so); `manifest.prod.xml` at the repository root is that placeholder version, kept equal
 * to what this function makes (test/manifest/manifest.test.ts), so both are validated offline.
 */
const DEV_URL = 'https://localhost:3000';
const PLACEHOLDER_URL = 'https://complemento.planeacion.example';

/** The production manifest for `url` (https, no trailing slash). */
function productionManifest(devXml, url = PLACEHOLDER_URL) {
  const base = String(url).replace(/\/+$/, '');
  if (!/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(base)) {
    throw new Error(`addinUrl debe ser una dirección https sin parámetros (recibido: ${url}).`);
  }
  if (/localhost/i.test(base)) throw new Error('addinUrl no puede ser localhost en el manifiesto de producción.');
  const origin = new URL(base).origin;
  return devXml.split(`<AppDomain>${DEV_URL}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`).split(DEV_URL).join(base);
}

module.exports = { productionManifest, DEV_URL, PLACEHOLDER_URL };
