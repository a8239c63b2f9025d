/**
 * The pane's Consolidar actions, beside the controller (`controller.ts`): the files the reviewer
 * picked or dropped are read as bytes, then handed to Consolidar as the composition root wired it
 * (`excel/wiring.ts` + the pane's .xlsx reader). The panel (`components/ConsolidarPanel.tsx`,
 * loaded with its tab) runs them with the pane's progress, Cancelar and Spanish errors.
 */
import type { BytesReader, ConsolidarOutcome, ConsolidateInWorkbook, PickedFile } from '../app/consolidate-picked';
import { throwIfCancelled } from '../app/ports';
import type { RunControl } from './controller';

/** A file from an `<input type="file">` or a drop (a DOM `File`). */
export interface FileLike {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ConsolidarActions {
  consolidate(files: readonly FileLike[], run: RunControl): Promise<ConsolidarOutcome>;
}

export function createConsolidarActions(consolidate: ConsolidateInWorkbook, readBytes: BytesReader): ConsolidarActions {
  return {
    async consolidate(files, { progress, cancel }) {
      const picked: PickedFile[] = [];
      for (const [i, f] of files.entries()) {
        progress.report('Abriendo los archivos', i, files.length);
        picked.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
        throwIfCancelled(cancel);
      }
      return consolidate(picked, readBytes, progress, cancel);
    },
  };
}
