// office-addin-mock imports office-addin-manifest, whose ESM tree jest 30 cannot load; the mock
// never uses it for the scenarios here, so this stub stands in (see jest.config.js).
module.exports = { OfficeAddinManifest: { readManifestFile: async () => ({}) } };
