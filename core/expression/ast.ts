import type { Reference } from '../template/reference.js';

export type BinaryOperator = '===' | '!==' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

/** The whole language: literals, references, `!`, binary operators. Nothing can call or construct. */
export type ExpressionNode =
  | { type: 'literal'; value: string | number | boolean | null | undefined; column: number }
  | { type: 'reference'; ref: Reference; column: number }
  | { type: 'not'; operand: ExpressionNode; column: number }
  | { type: 'binary'; operator: BinaryOperator; left: ExpressionNode; right: ExpressionNode; column: number };
