#!/usr/bin/env sh
# Offline schema check of manifest.xml (xmllint from Debian's libxml2-utils + the XSDs in
# ../shared/schemas/office-manifest/). `npm run validate` (office-addin-manifest) needs Microsoft's
# web service; this one does not. Exit 1 when invalid; exit 2 when xmllint or the schemas are
# missing (CI installs libxml2-utils, so there it is a failure, never a skip).
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
manifest="${1:-$here/manifest.xml}"
schemas="${OFFICE_MANIFEST_SCHEMAS:-$here/../shared/schemas/office-manifest}"
if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint no está instalado (apt-get install libxml2-utils)." >&2
  exit 2
fi
if [ ! -f "$schemas/OfficeAppManifestV1_1.xsd" ]; then
  echo "No se encontraron los esquemas del manifiesto en $schemas." >&2
  exit 2
fi
xmllint --noout --schema "$schemas/OfficeAppManifestV1_1.xsd" "$manifest"
