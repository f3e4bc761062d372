// Typed view of the AST luaparse 0.3.1 produces (luaVersion 5.3, locations and ranges on), as a discriminated union
// over `type`. Only the shapes moonforge reads are declared; luaparse's own typings target an older release.

export interface Loc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

interface NodeBase {
  loc: Loc;
  range: [number, number];
}

export interface Identifier extends NodeBase {
  type: 'Identifier';
  name: string;
}
export interface StringLiteral extends NodeBase {
  type: 'StringLiteral';
  raw: string;
}
export interface NumericLiteral extends NodeBase {
  type: 'NumericLiteral';
  value: number;
  raw: string;
}
export interface BooleanLiteral extends NodeBase {
  type: 'BooleanLiteral';
  value: boolean;
}
export interface NilLiteral extends NodeBase {
  type: 'NilLiteral';
}
export interface VarargLiteral extends NodeBase {
  type: 'VarargLiteral';
}
export interface TableKey extends NodeBase {
  type: 'TableKey';
  key: Expression;
  value: Expression;
}
export interface TableKeyString extends NodeBase {
  type: 'TableKeyString';
  key: Identifier;
  value: Expression;
}
export interface TableValue extends NodeBase {
  type: 'TableValue';
  value: Expression;
}
export type TableField = TableKey | TableKeyString | TableValue;
export interface TableConstructorExpression extends NodeBase {
  type: 'TableConstructorExpression';
  fields: TableField[];
}
export type BinaryOperator =
  | '+' | '-' | '*' | '/' | '%' | '^' | '//' | '..'
  | '==' | '~=' | '<' | '<=' | '>' | '>='
  | '&' | '|' | '~' | '<<' | '>>';
export interface BinaryExpression extends NodeBase {
  type: 'BinaryExpression';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}
export interface LogicalExpression extends NodeBase {
  type: 'LogicalExpression';
  operator: 'and' | 'or';
  left: Expression;
  right: Expression;
}
export interface UnaryExpression extends NodeBase {
  type: 'UnaryExpression';
  operator: 'not' | '-' | '#' | '~';
  argument: Expression;
}
export interface MemberExpression extends NodeBase {
  type: 'MemberExpression';
  indexer: '.' | ':';
  identifier: Identifier;
  base: Expression;
}
export interface IndexExpression extends NodeBase {
  type: 'IndexExpression';
  base: Expression;
  index: Expression;
}
export interface CallExpression extends NodeBase {
  type: 'CallExpression';
  base: Expression;
  arguments: Expression[];
}
export interface TableCallExpression extends NodeBase {
  type: 'TableCallExpression';
  base: Expression;
  arguments: TableConstructorExpression;
}
export interface StringCallExpression extends NodeBase {
  type: 'StringCallExpression';
  base: Expression;
  argument: StringLiteral;
}
export interface FunctionDeclaration extends NodeBase {
  type: 'FunctionDeclaration';
  identifier: Identifier | MemberExpression | null;
  isLocal: boolean;
  parameters: (Identifier | VarargLiteral)[];
  body: Statement[];
}

export type CallLike = CallExpression | TableCallExpression | StringCallExpression;

export type Expression =
  | Identifier
  | StringLiteral
  | NumericLiteral
  | BooleanLiteral
  | NilLiteral
  | VarargLiteral
  | TableConstructorExpression
  | BinaryExpression
  | LogicalExpression
  | UnaryExpression
  | MemberExpression
  | IndexExpression
  | CallLike
  | FunctionDeclaration;

export interface LocalStatement extends NodeBase {
  type: 'LocalStatement';
  variables: Identifier[];
  init: Expression[];
}
export interface AssignmentStatement extends NodeBase {
  type: 'AssignmentStatement';
  variables: (Identifier | MemberExpression | IndexExpression)[];
  init: Expression[];
}
export interface CallStatement extends NodeBase {
  type: 'CallStatement';
  expression: CallLike;
}
export interface ReturnStatement extends NodeBase {
  type: 'ReturnStatement';
  arguments: Expression[];
}
export interface IfClause extends NodeBase {
  type: 'IfClause' | 'ElseifClause';
  condition: Expression;
  body: Statement[];
}
export interface ElseClause extends NodeBase {
  type: 'ElseClause';
  body: Statement[];
}
export interface IfStatement extends NodeBase {
  type: 'IfStatement';
  clauses: (IfClause | ElseClause)[];
}
export interface WhileStatement extends NodeBase {
  type: 'WhileStatement';
  condition: Expression;
  body: Statement[];
}
export interface RepeatStatement extends NodeBase {
  type: 'RepeatStatement';
  condition: Expression;
  body: Statement[];
}
export interface DoStatement extends NodeBase {
  type: 'DoStatement';
  body: Statement[];
}
export interface ForNumericStatement extends NodeBase {
  type: 'ForNumericStatement';
  variable: Identifier;
  start: Expression;
  end: Expression;
  step: Expression | null;
  body: Statement[];
}
export interface ForGenericStatement extends NodeBase {
  type: 'ForGenericStatement';
  variables: Identifier[];
  iterators: Expression[];
  body: Statement[];
}
export interface BreakStatement extends NodeBase {
  type: 'BreakStatement';
}
export interface GotoStatement extends NodeBase {
  type: 'GotoStatement';
  label: Identifier;
}
export interface LabelStatement extends NodeBase {
  type: 'LabelStatement';
  label: Identifier;
}

export type Statement =
  | LocalStatement
  | AssignmentStatement
  | CallStatement
  | ReturnStatement
  | IfStatement
  | WhileStatement
  | RepeatStatement
  | DoStatement
  | ForNumericStatement
  | ForGenericStatement
  | BreakStatement
  | GotoStatement
  | LabelStatement
  | FunctionDeclaration;

export interface Comment extends NodeBase {
  type: 'Comment';
}

export interface Chunk extends NodeBase {
  type: 'Chunk';
  body: Statement[];
  comments?: Comment[];
}

export type FunctionNode = FunctionDeclaration | Chunk;

export function isCallLike(e: Expression): e is CallLike {
  return e.type === 'CallExpression' || e.type === 'TableCallExpression' || e.type === 'StringCallExpression';
}

/** Expressions that produce several values when last in a list: calls and `...`. */
export function isMultiValued(e: Expression): boolean {
  return isCallLike(e) || e.type === 'VarargLiteral';
}
