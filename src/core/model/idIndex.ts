/**
 * The model's id map as the `ids` a NotesModel offers (a ReadonlyMap over model/ids.ts's id
 * state): nodes are made only for the ids asked for.
 */
import { orderedIds, type IdDocument, type IdState } from './ids';
import type { AnnotationNode, SectionNode } from './views';

/**
 * The model's id map as a ReadonlyMap: id → the first annotation or section carrying it. Nodes
 * are made only for the ids asked for.
 */
export class IdIndex implements ReadonlyMap<string, AnnotationNode | SectionNode> {
  private ordered: string[] | undefined;

  constructor(
    private readonly doc: IdDocument,
    readonly state: IdState,
  ) {}

  get size(): number {
    return this.state.size;
  }

  get(id: string): AnnotationNode | SectionNode | undefined {
    const first = typeof id === 'string' ? this.state.first(this.doc.names.get(id)) : undefined;
    return first ? this.doc.carrierNode(first) : undefined;
  }

  has(id: string): boolean {
    return typeof id === 'string' && this.state.has(this.doc.names.get(id));
  }

  keys(): MapIterator<string> {
    return (this.ordered ??= orderedIds(this.doc, this.state))[Symbol.iterator]();
  }

  *values(): MapIterator<AnnotationNode | SectionNode> {
    for (const id of this.keys()) yield this.get(id) as AnnotationNode | SectionNode;
  }

  *entries(): MapIterator<[string, AnnotationNode | SectionNode]> {
    for (const id of this.keys()) yield [id, this.get(id) as AnnotationNode | SectionNode];
  }

  [Symbol.iterator](): MapIterator<[string, AnnotationNode | SectionNode]> {
    return this.entries();
  }

  forEach(callback: (value: AnnotationNode | SectionNode, key: string, map: ReadonlyMap<string, AnnotationNode | SectionNode>) => void, thisArg?: unknown): void {
    for (const [id, carrier] of this.entries()) callback.call(thisArg, carrier, id, this);
  }
}
