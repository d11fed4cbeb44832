/**
 * The innermost initiative around each annotation, for all of them in one pass: a parent comes
 * before its children in document order, so each annotation takes its answer from its parent's.
 * Walking up from every figure instead is quadratic in the nesting depth.
 */
import type { Annotation, NotesModel } from './types';

/** Entry `i`: the innermost initiative holding `model.annotations[i]` (not itself), if any. */
export function enclosingInitiatives(model: NotesModel): (Annotation | undefined)[] {
  const annotations = model.annotations;
  const out = new Array<Annotation | undefined>(annotations.length);
  for (let i = 0; i < annotations.length; i++) {
    const parent = annotations[i].parent;
    // A parent from elsewhere (not this model's row) would have no answer yet: walk up from it then.
    if (parent === undefined) out[i] = undefined;
    else if (parent.kind === 'initiative') out[i] = parent;
    else if (annotations[parent.index] === parent && parent.index < i) out[i] = out[parent.index];
    else out[i] = walkUp(parent);
  }
  return out;
}

function walkUp(a: Annotation): Annotation | undefined {
  for (let p: Annotation | undefined = a; p; p = p.parent) if (p.kind === 'initiative') return p;
  return undefined;
}
