/**
 * One depth-first walk over any tree whose nodes list their `children` (annotations, outline
 * nodes), in document order, by a loop over an explicit stack: notes may nest spans thousands deep,
 * and nothing that walks them may recurse on depth (FORMAT.md promises linear time).
 */

/** A node with its children in document order. */
export interface TreeNode<T> {
  readonly children: readonly T[];
}

/**
 * Calls `visit(node, depth)` for every node under `roots` (the roots at depth 0), parents before
 * their children; a visit that returns `false` skips that node's children.
 */
export function walkDepthFirst<T extends TreeNode<T>>(roots: readonly T[], visit: (node: T, depth: number) => boolean | void): void {
  const stack: { nodes: readonly T[]; next: number }[] = [{ nodes: roots, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.next++];
    if (visit(node, stack.length - 1) !== false && node.children.length > 0) stack.push({ nodes: node.children, next: 0 });
  }
}
