/**
 * `generar` for a LARGE workbook: the same copy as the exceljs path (marks, notes, Tablero,
 * Alertas, Observaciones, registry), without ever loading the units' cells into exceljs.
 *
 * exceljs's document model costs about 2 KB per cell (a 200,000-row capture sheet would need
 * more than 4 GB), so the copy is made at the package level instead:
 *
 * 1. `buildSkeleton`: the original package with every worksheet's `<sheetData>` emptied (streamed:
 *    the 240 MB of XML of a 200,000-row sheet go through in 1 MB chunks and are dropped). All the
 *    rest — sheet names and states, defined names, merged areas, notes, conditional formats, the
 *    registry sheet, which keeps its cells — is there. This skeleton is small: exceljs loads it and
 *    the usual code (`applyGenerated`: marks, notes, generated sheets, registry) runs on it
 *    unchanged.
 * 2. `assembleCopy`: the output package is the ORIGINAL one, edited:
 *    - every kept sheet's cells are copied byte for byte (stored parts are not even inflated when
 *      nothing in the sheet changes); only its head (the tab selection) and its tail (the product's
 *      conditional formats and the `legacyDrawing` of the notes) are rewritten;
 *    - the generated sheets and the registry come from the skeleton's output, their style indices
 *      moved past the original's styles (whose fonts, fills, borders, formats and `dxf`s are kept
 *      and extended) and their shared strings written inline;
 *    - the notes of a sheet whose notes changed are the skeleton output's comments + VML parts;
 *    - the workbook's sheet list, defined names, active tab, relationships and content types are
 *      edited in place; sheets the run replaced (an earlier Tablero…) and `calcChain.xml` (which
 *      Excel rebuilds) are left out.
 *
 * Memory stays at the original package, the output package and one chunk of XML at a time.
 *
 * The pieces: `book.ts` (the workbook part), `sheet-stream.ts` (a worksheet as a stream),
 * `skeleton.ts` (step 1), `assemble.ts` (step 2) with `styles.ts`, `transplant.ts` (generated
 * sheets) and `kept-sheet.ts` (a kept sheet's head and tail).
 */
export { assembleCopy, type CopyPlan } from './assemble';
export { editSheet, utf8Chunks } from './sheet-stream';
export { buildSkeleton } from './skeleton';
export { mergeStyles, styleCounts } from './styles';
