import type { Reference } from '../template/reference.js';
import type { ExpressionNode } from './ast.js';
import { parseExpression } from './parseExpression.js';

/** The references a condition reads, in source order (throws INVALID_EXPRESSION if it does not parse). */
export function listExpressionReferences(srcOrAst: string | ExpressionNode): Reference[] {
  const found: Reference[] = [];
  const visit = (node: ExpressionNode): void => {
    if (node.type === 'reference') found.push(node.ref);
    else if (node.type === 'not') visit(node.operand);
    else if (node.type === 'binary') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(typeof srcOrAst === 'string' ? parseExpression(srcOrAst) : srcOrAst);
  return found;
}
