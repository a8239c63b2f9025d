/**
 * The pane's "Plan aprobado" actions over a host (`ApprovalHost`: the office-js adapter in Excel,
 * a fake in component tests): read the workbook's approval, approve the plan, record a
 * modification. What to write is decided by `app/approval.ts`, loaded on the first use (webpack
 * chunk "aprobacion"), so the pane's first load does not carry it.
 */
import type { ApprovalHost } from '../app/ports';
import type { ApprovalState, ChangeRequest } from '../app/approval';
import type { IsoDate } from '../domain/dates';

export type { ApprovalState, ChangeRequest, ChangeGoalChoice, ChangeFieldChoice } from '../app/approval';

export interface ApprovalActions {
  /** The workbook's approval and the choices of the modification form. */
  state(): Promise<ApprovalState>;
  /**
   * Stores the approved plan; refused (a Spanish `UserError`) when the workbook is approved already
   * and `replace` is false. Resolves to the new approval's description and the replaced one's.
   */
  approve(approvedOn: IsoDate, act: string, replace: boolean): Promise<{ readonly description: string; readonly replaced: string | null }>;
  /** Appends the change to «Control de cambios» (created when missing). */
  register(change: ChangeRequest): Promise<void>;
}

const load = () => import(/* webpackChunkName: "aprobacion" */ '../app/approval.js');

export function createApprovalActions(host: ApprovalHost): ApprovalActions {
  const read = async () => {
    const [settings, m] = await Promise.all([host.loadSettings(), load()]);
    return { settings, grids: await host.readGrids('workbook'), m };
  };
  return {
    async state() {
      const { settings, grids, m } = await read();
      return m.approvalState(grids, settings);
    },
    async approve(approvedOn, act, replace) {
      const { settings, grids, m } = await read();
      const { writes, baseline, replaced } = m.approvalWrites(grids, settings, approvedOn, act, replace);
      await host.writeCells(writes);
      return { description: m.describeApproval(baseline), replaced: replaced ? m.describeApproval(replaced) : null };
    },
    async register(change) {
      const { settings, grids, m } = await read();
      await host.writeCells(m.changeWrites(grids, settings, change));
    },
  };
}
