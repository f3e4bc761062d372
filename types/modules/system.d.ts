// The `system` module (runtime/modules/system/, docs/modules.md "system"): runtime information. Every call returns
// `value, err`; a denied call is `nil` and an Invalid error.

/** @noSelf @noResolution */
declare module "system" {
  /** @noSelf */
  namespace memory {
    /** Go's MemStats names over Node's figures. */
    function stats(): Moonforge.Result<{ [name: string]: number }>;
    function allocated(): Moonforge.Result<number>;
    function heap_objects(): Moonforge.Result<number>;
    function get_limit(): Moonforge.Result<number>;
    /** V8's heap limit is fixed when Node starts: always an error but for a bad value's Invalid. */
    function set_limit(bytes: number): Moonforge.Result<number>;
  }
  /** @noSelf */
  namespace gc {
    function collect(): Moonforge.Result<true>;
    function get_percent(): Moonforge.Result<number>;
    /** returns the old value */
    function set_percent(percent: number): Moonforge.Result<number>;
  }
  /** @noSelf */
  namespace runtime {
    /** the number of live processes */
    function goroutines(): Moonforge.Result<number>;
    function cpu_count(): Moonforge.Result<number>;
    /** returns the old value */
    function max_procs(n?: number): Moonforge.Result<number>;
  }
  /**
   * The OS process moonforge runs in.
   * @noSelf
   */
  namespace process {
    function pid(): Moonforge.Result<number>;
    function hostname(): Moonforge.Result<string>;
    function cwd(): Moonforge.Result<string>;
  }
  /** @noSelf */
  namespace node {
    function id(): Moonforge.Result<string>;
    function role(): Moonforge.Result<string>;
    function addr(): Moonforge.Result<string>;
  }
  /** @noSelf */
  namespace cluster {
    function members(): Moonforge.Result<{ id: string; is_local: boolean }[]>;
    function leader(): Moonforge.Result<string>;
    function size(): Moonforge.Result<number>;
  }
  /** @noSelf */
  namespace supervisor {
    function state(id: string): Moonforge.Result<Moonforge.Table>;
    function states(): Moonforge.Result<Moonforge.Table[]>;
  }
  /** @noSelf */
  namespace hosts {
    function list(): Moonforge.Result<{ id: string; workers: number; processes: number; stolen: number }[]>;
    function processes(host_id: string): Moonforge.Result<{ pid: Moonforge.Pid; host: string; source: string }[]>;
  }
  /** Ends the program with `code` (default 0) once every process is stopped. */
  function exit(code?: number): Moonforge.Result<true>;
  /** Every module `modules:` may name. */
  function modules(): Moonforge.Result<{ name: string; description: string; class: string[] }[]>;
}
