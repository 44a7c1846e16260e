export { parseExpression, MAX_EXPRESSION_DEPTH } from './parseExpression.js';
export { evaluateExpression, evaluateCondition } from './evaluate.js';
export { listExpressionReferences } from './listExpressionReferences.js';
