// Name resolution and function facts, in one walk: every Identifier is bound to a local or a global, every local gets
// a unique JS name, every function gets a FunctionInfo, and then suspendability is solved as a fixpoint over direct
// calls to local functions (docs/architecture.md, "Suspension").
import type {
  Chunk, Expression, FunctionDeclaration, FunctionNode, Identifier, Statement, CallLike,
} from '../lua-ast.js';
import type { Analysis, Binding, FunctionInfo, LocalVar } from './bindings.js';
import { readsCoroutineYield, stdCallee } from './bindings.js';
import {
  CALLBACK_ARGUMENT, METAMETHOD_CALLERS, NON_SUSPENDING_COROUTINE, NON_SUSPENDING_GLOBALS, NON_SUSPENDING_LIBRARIES, isPureStd,
} from './known-calls.js';
import { solveValueKinds, type LocalSource } from './value-kinds.js';

export interface AnalyzeOptions {
  /** process mode: loops are preemption points, so functions with loops get generator twins */
  processMode: boolean;
  /** chunk name, for anonymous function names in tracebacks */
  chunkName: string;
  /** the line shown for a Lua line (generated Lua names the line of its original source) */
  lineOf?: (line: number) => number;
}

type Scope = Map<string, LocalVar>;

/** A call whose suspendability is decided after the walk (it depends on what is assigned later in the chunk). */
type PendingCall =
  | { caller: FunctionInfo; call: CallLike; kind: 'local'; v: LocalVar }
  | { caller: FunctionInfo; call: CallLike; kind: 'global'; name: string; callsMeta?: boolean }
  /** a call through a local holding a standard function read from global `name` (LocalVar.stdName) */
  | { caller: FunctionInfo; call: CallLike; kind: 'alias'; v: LocalVar; name: string };

class Analyzer {
  readonly bindings = new Map<Identifier, Binding>();
  readonly declarations = new Map<Identifier, LocalVar>();
  readonly functions = new Map<FunctionNode, FunctionInfo>();
  readonly assignedGlobals = new Set<string>();
  readonly plainCalls = new Set<CallLike>();
  readonly metaCalls = new Set<CallLike>();
  private readonly pending: PendingCall[] = [];
  /**
   * Process mode: the functions a process entry's `method:` may name — the fields of the table the chunk returns, and
   * functions the chunk's top level stores in globals (locals by name, resolved in solve()). Each gets a generator
   * twin even without a loop, so that the process's main function is generator code: a metamethod it reaches (an
   * endless `__index`) then runs as its twin and gives way, where from plain code only the backstop could end it.
   */
  private readonly exported = new Set<FunctionInfo>();
  private readonly exportedLocals: LocalVar[] = [];
  /**
   * Functions with an operation that may run Lua code (a metamethod or a call): an exported function without one
   * (`function() return 1 end`) needs no twin.
   */
  private readonly reachesLua = new Set<FunctionInfo>();
  /** Functions with something that keeps them from being pure (FunctionInfo.pure): a store, a closure, a call. */
  private readonly impure = new Set<FunctionInfo>();
  /** every store into each local, for solveValueKinds */
  private readonly sources = new Map<LocalVar, LocalSource[]>();
  private scopes: Scope[] = [];
  private fn!: FunctionInfo;
  private counter = 0;
  /** loops of the current function enclosing the walk */
  private loopDepth = 0;

  constructor(private readonly opts: AnalyzeOptions) {}

  run(chunk: Chunk): Analysis {
    const info = this.newFunction(chunk, undefined, 'main chunk', 1, true);
    this.fn = info;
    this.scopes = [new Map()];
    this.block(chunk.body);
    this.solve();
    solveValueKinds(this.sources, this.bindings);
    return {
      bindings: this.bindings,
      declarations: this.declarations,
      functions: this.functions,
      assignedGlobals: this.assignedGlobals,
      plainCalls: this.plainCalls,
      metaCalls: this.metaCalls,
    };
  }

  private newFunction(
    node: FunctionNode, parent: FunctionInfo | undefined, displayName: string, line: number, isVararg: boolean,
  ): FunctionInfo {
    const info: FunctionInfo = {
      node, parent, displayName, line, isVararg, suspendable: false, callees: new Set(), suspendsItself: false,
      depth: parent === undefined ? 0 : parent.depth + 1, params: [], index: this.functions.size,
      hasGoto: false, twinShareable: true, hasTailCall: false, pure: false,
    };
    this.functions.set(node, info);
    return info;
  }

  private declare(id: Identifier, forNumeric = false): LocalVar {
    const v: LocalVar = {
      name: id.name,
      jsName: `${id.name}$${++this.counter}`,
      captured: false,
      reassigned: false,
      assignedByClosure: false,
      owner: this.fn,
      constFunction: undefined,
      stdName: undefined,
      stdYield: false,
      forNumeric,
      inLoop: this.loopDepth > 0,
      valueKind: undefined,
    };
    this.sources.set(v, []);
    this.scopes[this.scopes.length - 1]!.set(id.name, v);
    this.declarations.set(id, v);
    this.bindings.set(id, { kind: 'local', v });
    return v;
  }

  /** Records that `v` receives the first value of `e` (null: a value nothing is known about). */
  private store(v: LocalVar, e: LocalSource): void {
    this.sources.get(v)!.push(e);
  }

  private lookup(name: string): LocalVar | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i]!.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  private reference(id: Identifier): Binding {
    const v = this.lookup(id.name);
    const b: Binding = v === undefined ? { kind: 'global', name: id.name } : { kind: 'local', v };
    if (v !== undefined && v.owner !== this.fn) {
      v.captured = true;
      if (v.inLoop) {
        // The function created directly inside v's owner sees a different v per iteration.
        let f = this.fn;
        while (f.parent !== undefined && f.parent !== v.owner) f = f.parent;
        f.twinShareable = false;
      }
    }
    this.bindings.set(id, b);
    return b;
  }

  private block(body: Statement[]): void {
    this.scopes.push(new Map());
    for (const s of body) this.statement(s);
    this.scopes.pop();
  }

  private loopBody(body: Statement[]): void {
    if (this.opts.processMode) this.fn.suspendsItself = true;
    this.loopDepth++;
    this.block(body);
    this.loopDepth--;
  }

  private statement(s: Statement): void {
    switch (s.type) {
      case 'LocalStatement': {
        for (const e of s.init) this.expression(e);
        const vars = s.variables.map((id) => this.declare(id));
        vars.forEach((v, i) => this.store(v, s.init[i] ?? null));
        if (vars.length === 1 && s.init.length === 1 && s.init[0]!.type === 'FunctionDeclaration') {
          vars[0]!.constFunction = this.functions.get(s.init[0] as FunctionDeclaration);
        }
        vars.forEach((v, i) => {
          const e = s.init[i];
          if (e === undefined) return;
          v.stdName = this.nonSuspendingStd(e);
          v.stdYield = readsCoroutineYield(this.bindings, e);
        });
        return;
      }
      case 'AssignmentStatement':
        s.variables.forEach((target, i) => {
          if (target.type === 'Identifier') {
            const b = this.reference(target);
            if (b.kind === 'local') {
              b.v.reassigned = true;
              if (b.v.owner !== this.fn) {
                b.v.assignedByClosure = true;
                this.impure.add(this.fn);
              }
              this.store(b.v, s.init[i] ?? null);
            }
            else {
              this.impure.add(this.fn);
              this.assignedGlobals.add(b.name);
              this.reachesLua.add(this.fn); // _G may have a __newindex
              this.noteGlobalFunction(s.init[i]);
            }
          } else if (target.type === 'MemberExpression') {
            this.reachesLua.add(this.fn); // __newindex
            this.impure.add(this.fn);
            this.expression(target.base);
          } else {
            this.reachesLua.add(this.fn);
            this.impure.add(this.fn);
            this.expression(target.base);
            this.expression(target.index);
          }
        });
        for (const e of s.init) this.expression(e);
        return;
      case 'CallStatement':
        this.expression(s.expression);
        return;
      case 'ReturnStatement':
        if (this.opts.processMode && this.fn.depth === 0) this.noteExports(s.arguments);
        if (s.arguments.length === 1) {
          const t = s.arguments[0]!.type;
          if (t === 'CallExpression' || t === 'TableCallExpression' || t === 'StringCallExpression') this.fn.hasTailCall = true;
        }
        for (const e of s.arguments) this.expression(e);
        return;
      case 'IfStatement':
        for (const c of s.clauses) {
          if (c.type !== 'ElseClause') this.expression(c.condition);
          this.block(c.body);
        }
        return;
      case 'WhileStatement':
        this.expression(s.condition);
        this.loopBody(s.body);
        return;
      case 'RepeatStatement':
        // `until` sees the body's locals (Lua 5.1 §2.4.4): the condition is resolved inside the body's scope.
        if (this.opts.processMode) this.fn.suspendsItself = true;
        this.scopes.push(new Map());
        this.loopDepth++;
        for (const st of s.body) this.statement(st);
        this.expression(s.condition);
        this.loopDepth--;
        this.scopes.pop();
        return;
      case 'DoStatement':
        this.block(s.body);
        return;
      case 'ForNumericStatement':
        this.expression(s.start);
        this.expression(s.end);
        if (s.step !== null) this.expression(s.step);
        this.scopes.push(new Map());
        this.loopDepth++;
        this.declare(s.variable, true);
        this.loopDepth--;
        this.loopBody(s.body);
        this.scopes.pop();
        return;
      case 'ForGenericStatement':
        this.impure.add(this.fn);
        for (const e of s.iterators) this.expression(e);
        // The iterator function is called once per iteration: an unknown call.
        this.fn.suspendsItself = true;
        this.scopes.push(new Map());
        this.loopDepth++;
        for (const id of s.variables) this.store(this.declare(id), null);
        this.loopDepth--;
        this.loopBody(s.body);
        this.scopes.pop();
        return;
      case 'BreakStatement':
      case 'LabelStatement':
        return;
      case 'GotoStatement':
        this.fn.hasGoto = true;
        this.impure.add(this.fn);
        if (this.opts.processMode) this.fn.suspendsItself = true;
        return;
      case 'FunctionDeclaration':
        this.impure.add(this.fn);
        this.functionStatement(s);
        return;
      default: {
        const never: never = s;
        throw new Error(`unknown statement ${(never as { type: string }).type}`);
      }
    }
  }

  private functionStatement(s: FunctionDeclaration): void {
    const id = s.identifier;
    if (s.isLocal && id !== null && id.type === 'Identifier') {
      // `local function f` declares f before the body, so the body can recurse through it.
      const v = this.declare(id);
      this.store(v, null);
      this.functionBody(s, id.name);
      v.constFunction = this.functions.get(s);
      return;
    }
    let name = 'anonymous';
    if (id !== null) {
      if (id.type === 'Identifier') {
        const b = this.reference(id);
        if (b.kind === 'local') {
          b.v.reassigned = true;
          if (b.v.owner !== this.fn) b.v.assignedByClosure = true;
          this.store(b.v, null);
        } else this.assignedGlobals.add(b.name);
        name = id.name;
      } else {
        this.expression(id.base);
        name = `${qualifiedName(id.base)}${id.indexer}${id.identifier.name}`;
      }
    }
    this.functionBody(s, name);
    // `function main()` and `function M.main()` at the top level: what an entry's method: may name
    if (this.opts.processMode && this.fn.depth === 0 && id !== null && !s.isLocal) this.exported.add(this.functions.get(s)!);
  }

  /** The fields of a table the chunk returns (`return { main = main, handle = function ... }`). */
  private noteExports(values: Expression[]): void {
    const t = values[0];
    if (values.length !== 1 || t === undefined || t.type !== 'TableConstructorExpression') return;
    for (const field of t.fields) {
      const v = field.value;
      if (v.type === 'FunctionDeclaration') this.pendingExport(v);
      else if (v.type === 'Identifier') {
        const local = this.lookup(v.name);
        if (local !== undefined) this.exportedLocals.push(local);
      }
    }
  }

  /** A top-level store of a function literal into a global (`main = function ... end`). */
  private noteGlobalFunction(value: Expression | undefined): void {
    if (this.opts.processMode && this.fn.depth === 0 && value !== undefined && value.type === 'FunctionDeclaration') {
      this.pendingExport(value);
    }
  }

  /** Function literals are analysed when their expression is walked, after the statement noted them. */
  private readonly exportedNodes: FunctionDeclaration[] = [];
  private pendingExport(f: FunctionDeclaration): void {
    this.exportedNodes.push(f);
  }

  private functionBody(f: FunctionDeclaration, name: string | undefined): void {
    const isVararg = f.parameters.some((p) => p.type === 'VarargLiteral');
    const line = f.loc.start.line;
    const shown = this.opts.lineOf?.(line) ?? line;
    const display = name === undefined ? `function <${this.opts.chunkName}:${shown}>` : `function '${name}'`;
    const info = this.newFunction(f, this.fn, display, line, isVararg);
    const outerFn = this.fn;
    const outerScopes = this.scopes;
    const outerLoops = this.loopDepth;
    this.loopDepth = 0;
    this.fn = info;
    this.scopes = [...outerScopes, new Map()];
    const id = f.identifier;
    if (id !== null && id.type === 'MemberExpression' && id.indexer === ':') {
      info.params.push(this.declare({ type: 'Identifier', name: 'self', loc: id.loc, range: id.range }));
    }
    for (const p of f.parameters) if (p.type === 'Identifier') info.params.push(this.declare(p));
    for (const p of info.params) this.store(p, null);
    this.block(f.body);
    this.fn = outerFn;
    this.scopes = outerScopes;
    this.loopDepth = outerLoops;
  }

  private expression(e: Expression): void {
    switch (e.type) {
      case 'Identifier':
        if (this.reference(e).kind === 'global') this.reachesLua.add(this.fn); // _G may have an __index
        return;
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
      case 'NilLiteral':
      case 'VarargLiteral':
        return;
      case 'TableConstructorExpression':
        for (const f of e.fields) {
          if (f.type === 'TableKey') this.expression(f.key);
          this.expression(f.value);
        }
        return;
      case 'BinaryExpression':
      case 'LogicalExpression':
        if (e.type === 'BinaryExpression') this.reachesLua.add(this.fn);
        this.expression(e.left);
        this.expression(e.right);
        return;
      case 'UnaryExpression':
        this.reachesLua.add(this.fn);
        this.expression(e.argument);
        return;
      case 'MemberExpression':
        this.reachesLua.add(this.fn);
        this.expression(e.base);
        return;
      case 'IndexExpression':
        this.reachesLua.add(this.fn);
        this.expression(e.base);
        this.expression(e.index);
        return;
      case 'CallExpression':
      case 'TableCallExpression':
      case 'StringCallExpression':
        this.reachesLua.add(this.fn);
        this.call(e);
        return;
      case 'FunctionDeclaration':
        this.impure.add(this.fn);
        this.functionBody(e, undefined);
        return;
      default: {
        const never: never = e;
        throw new Error(`unknown expression ${(never as { type: string }).type}`);
      }
    }
  }

  /** A call of a pure standard function by its name (PURE_GLOBALS, PURE_LIBRARIES); the chunk's assignments of the
   * global are checked in solve(). */
  private pureStdCall(e: CallLike): boolean {
    return this.pureStdRead(e.base);
  }

  /** Whether `base` names a pure standard function (PURE_GLOBALS, PURE_LIBRARIES) by its global name. */
  private pureStdRead(base: Expression): boolean {
    if (base.type === 'Identifier' && this.bindings.get(base)?.kind === 'local') return false;
    const name = stdCallee(this.bindings, base);
    return name !== undefined && isPureStd(name);
  }

  /**
   * The name of a standard function that never suspends, when `e` reads one (`math.floor`, `type`):
   * neither one whose callback may be a Lua function (CALLBACK_ARGUMENT) nor one that calls `__tostring`
   * (METAMETHOD_CALLERS), whose calls generator code makes in another form.
   */
  private nonSuspendingStd(e: Expression): string | undefined {
    if (e.type === 'Identifier') {
      const b = this.bindings.get(e);
      return b?.kind === 'global' && NON_SUSPENDING_GLOBALS.has(b.name) && !METAMETHOD_CALLERS.has(b.name) ? b.name : undefined;
    }
    if (e.type !== 'MemberExpression' || e.indexer !== '.' || e.base.type !== 'Identifier') return undefined;
    const lib = this.bindings.get(e.base);
    if (lib?.kind !== 'global') return undefined;
    const name = `${lib.name}.${e.identifier.name}`;
    const known = NON_SUSPENDING_LIBRARIES.has(lib.name) || (lib.name === 'coroutine' && NON_SUSPENDING_COROUTINE.has(e.identifier.name));
    return known && !CALLBACK_ARGUMENT.has(name) && !METAMETHOD_CALLERS.has(name) ? name : undefined;
  }

  private call(e: CallLike): void {
    this.expression(e.base);
    if (e.type === 'CallExpression') for (const a of e.arguments) this.expression(a);
    else if (e.type === 'TableCallExpression') this.expression(e.arguments);
    this.classifyCall(e);
  }

  /** Records whether a call can suspend the calling function (decided in solve() for the open cases). */
  private classifyCall(e: CallLike): void {
    if (!this.pureStdCall(e) && !(e.base.type === 'Identifier' && this.bindings.get(e.base)?.kind === 'local')) {
      this.impure.add(this.fn);
    }
    const base = e.base;
    if (base.type === 'Identifier') {
      const b = this.bindings.get(base)!;
      if (b.kind === 'local') {
        const std = b.v.stdName;
        if (std !== undefined) this.pending.push({ caller: this.fn, call: e, kind: 'alias', v: b.v, name: std.split('.')[0]! });
        else this.pending.push({ caller: this.fn, call: e, kind: 'local', v: b.v });
        return;
      }
      if (NON_SUSPENDING_GLOBALS.has(b.name)) {
        this.pending.push({ caller: this.fn, call: e, kind: 'global', name: b.name, callsMeta: METAMETHOD_CALLERS.has(b.name) });
        return;
      }
    } else if (base.type === 'MemberExpression' && base.indexer === '.' && base.base.type === 'Identifier') {
      const lib = this.bindings.get(base.base)!;
      if (lib.kind === 'global') {
        const known =
          NON_SUSPENDING_LIBRARIES.has(lib.name) ||
          (lib.name === 'coroutine' && NON_SUSPENDING_COROUTINE.has(base.identifier.name));
        if (known && this.opts.processMode && passesCallback(`${lib.name}.${base.identifier.name}`, e)) {
          this.fn.suspendsItself = true;
          return;
        }
        if (known) {
          const callsMeta = METAMETHOD_CALLERS.has(`${lib.name}.${base.identifier.name}`);
          this.pending.push({ caller: this.fn, call: e, kind: 'global', name: lib.name, callsMeta });
          return;
        }
      }
    }
    this.fn.suspendsItself = true;
  }

  /**
   * FunctionInfo.pure, a greatest fixpoint: every function without an impure statement starts pure, and loses it when
   * a call of a local is not of a known function (or of one that is not pure), or a pure standard function's global
   * is assigned in the chunk (it may then hold anything).
   */
  private solvePure(): void {
    const calls = new Map<FunctionInfo, FunctionInfo[]>();
    for (const p of this.pending) {
      if (p.kind === 'global') {
        if (this.assignedGlobals.has(p.name)) this.impure.add(p.caller);
      } else if (p.kind === 'alias') {
        this.impure.add(p.caller);
      } else if (p.v.constFunction !== undefined && !p.v.reassigned) {
        const list = calls.get(p.caller) ?? [];
        list.push(p.v.constFunction);
        calls.set(p.caller, list);
      } else this.impure.add(p.caller);
    }
    for (const f of this.functions.values()) f.pure = !this.impure.has(f) && f.depth > 0;
    let changed = true;
    while (changed) {
      changed = false;
      for (const f of this.functions.values()) {
        if (f.pure && (calls.get(f) ?? []).some((c) => !c.pure)) {
          f.pure = false;
          changed = true;
        }
      }
    }
  }

  private solve(): void {
    for (const node of this.exportedNodes) {
      const f = this.functions.get(node);
      if (f !== undefined) this.exported.add(f);
    }
    for (const v of this.exportedLocals) if (v.constFunction !== undefined) this.exported.add(v.constFunction);
    for (const f of this.exported) if (this.reachesLua.has(f)) f.suspendsItself = true;
    for (const p of this.pending) {
      if (p.kind === 'global') {
        if (this.assignedGlobals.has(p.name)) p.caller.suspendsItself = true;
      } else if (p.kind === 'alias') {
        if (this.assignedGlobals.has(p.name) || p.v.reassigned) p.caller.suspendsItself = true;
      } else if (p.v.constFunction !== undefined && !p.v.reassigned) {
        p.caller.callees.add(p.v.constFunction);
      } else {
        p.caller.suspendsItself = true;
      }
    }
    if (this.opts.processMode) this.solvePure();
    for (const f of this.functions.values()) f.suspendable = f.suspendsItself;
    let changed = true;
    while (changed) {
      changed = false;
      for (const f of this.functions.values()) {
        if (f.suspendable) continue;
        for (const c of f.callees) {
          if (c.suspendable) {
            f.suspendable = true;
            changed = true;
            break;
          }
        }
      }
    }
    for (const p of this.pending) {
      if (p.kind === 'alias') {
        if (!this.assignedGlobals.has(p.name) && !p.v.reassigned) this.plainCalls.add(p.call);
      } else if (p.kind === 'global') {
        if (!this.assignedGlobals.has(p.name)) {
          this.plainCalls.add(p.call);
          // In process mode generator code calls a builtin that calls `__tostring` in its may-defer form, so the
          // handler can give way (runtime/core/defer.ts); the builtin still does not make its caller suspendable.
          if (p.callsMeta === true && this.opts.processMode) this.metaCalls.add(p.call);
        }
      } else if (p.v.constFunction !== undefined && !p.v.reassigned && !p.v.constFunction.suspendable) {
        this.plainCalls.add(p.call);
      }
    }
  }
}

/** Whether `e`, a call of the standard function `name`, may pass it a Lua function to call (CALLBACK_ARGUMENT). */
function passesCallback(name: string, e: CallLike): boolean {
  const at = CALLBACK_ARGUMENT.get(name);
  if (at === undefined || e.type !== 'CallExpression') return false;
  const last = e.arguments.length - 1;
  // a trailing call or `...` may expand into the callback's position
  const a = at <= last ? e.arguments[at]! : last >= 0 ? e.arguments[last]! : undefined;
  if (a === undefined) return false;
  if (at > last && a.type !== 'CallExpression' && a.type !== 'VarargLiteral') return false;
  return a.type !== 'StringLiteral' && a.type !== 'NumericLiteral' && a.type !== 'TableConstructorExpression';
}

function qualifiedName(e: Expression): string {
  if (e.type === 'Identifier') return e.name;
  if (e.type === 'MemberExpression') return `${qualifiedName(e.base)}${e.indexer}${e.identifier.name}`;
  return '?';
}

export function analyzeChunk(chunk: Chunk, opts: AnalyzeOptions): Analysis {
  return new Analyzer(opts).run(chunk);
}
