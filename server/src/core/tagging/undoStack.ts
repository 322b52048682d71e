import { invertEdit, isEmptyEdit, type TagEdit } from '../sidecar/tagEdits';

/** Undo and redo of tag actions for one article: tag actions are not text edits, so the editor's own undo never sees them. */
export class UndoStack {
  private readonly done: TagEdit[] = [];
  private readonly undone: TagEdit[] = [];

  constructor(private readonly limit = 200) {}

  record(edit: TagEdit): void {
    if (isEmptyEdit(edit)) return;
    this.done.push(edit);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /** The edit that undoes the last action, or undefined when there is nothing to undo. */
  undo(): TagEdit | undefined {
    const edit = this.done.pop();
    if (!edit) return undefined;
    this.undone.push(edit);
    return invertEdit(edit);
  }

  /** The edit that redoes the last undone action. */
  redo(): TagEdit | undefined {
    const edit = this.undone.pop();
    if (!edit) return undefined;
    this.done.push(edit);
    return edit;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}
