// Fairness for processes: generator twins compiled in process mode count down BUDGET at loop back-edges and, when it
// runs out, yield PREEMPT so the scheduler can run others (the BEAM's reductions). Outside a scheduler nothing
// counts down (plain scripts are compiled without the checks).

/** Back-edges a task may run before giving way. */
export const BUDGET_SLICE = 2000;

export const BUDGET = { n: BUDGET_SLICE };

/** The command a task yields to give way; the scheduler requeues it. */
export const PREEMPT: { readonly preempt: true } = Object.freeze({ preempt: true as const });

export function* preemptY(): Generator<unknown, void, unknown> {
  BUDGET.n = BUDGET_SLICE;
  yield PREEMPT;
}

/** The command a task yields to wait: whoever registered it as a waiter wakes it later (runtime/process/task.ts). */
export const PARK: { readonly park: true } = Object.freeze({ park: true as const });
