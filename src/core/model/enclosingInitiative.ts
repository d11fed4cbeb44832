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

/**
 * The innermost initiative holding an annotation (not itself), asked annotation by annotation:
 * only the annotations asked for and their ancestors are looked at, and each ancestor's answer is
 * kept, so asking for every figure is linear in the annotations, without a list of all of them
 * (what `enclosingInitiatives` makes).
 */
export function initiativeFinder(): (a: Annotation) => Annotation | undefined {
  // Answers of the ancestors walked so far, by annotation index (null: no initiative above).
  const known = new Map<number, Annotation | null>();
  return (a) => {
    const path: Annotation[] = [];
    let found: Annotation | null = null;
    for (let p = a.parent; p; p = p.parent) {
      if (p.kind === 'initiative') {
        found = p;
        break;
      }
      const answer = known.get(p.index);
      if (answer !== undefined) {
        found = answer;
        break;
      }
      path.push(p);
    }
    // Every annotation on the way up (none an initiative) has the same answer.
    for (const q of path) known.set(q.index, found);
    return found ?? undefined;
  };
}
