// The `text` module (runtime/modules/text/, docs/modules.md "text"): RE2 regular expressions, diffs and text
// splitters. Regexp, Differ and Splitter values are userdata: methods with `:`.

declare namespace Moonforge {
  /** An RE2 regular expression over byte strings; positions are 1-based bytes. */
  interface Regexp extends RuntimeObject {
    match_string(s: string): boolean;
    /** nil when there is no match or it is empty */
    find_string(s: string): string | undefined;
    find_all_string(s: string): string[];
    /** the match and its groups (a group that took no part is `""`), nil without a match */
    find_string_submatch(s: string): string[] | undefined;
    find_all_string_submatch(s: string): string[][];
    /** `{ start, end }`, inclusive, for string.sub */
    find_string_index(s: string): number[] | undefined;
    find_all_string_index(s: string): number[][] | undefined;
    /** `$1`, `${1}`, `$name`, `${name}`, `$$` in `replacement` */
    replace_all_string(s: string, replacement: string): string;
    split(s: string, n?: number): string[];
    num_subexp(): number;
    subexp_names(): string[];
    string(): string;
  }

  interface TextDiff {
    operation: "equal" | "delete" | "insert";
    text: string;
  }

  interface Differ extends RuntimeObject {
    compare(a: string, b: string): Result<TextDiff[]>;
    /** sizes in bytes */
    summarize(diffs: TextDiff[]): { insertions: number; deletions: number; equals: number };
    pretty_text(diffs: TextDiff[]): Result<string>;
    pretty_html(diffs: TextDiff[]): Result<string>;
    patch_make(a: string, b: string): Result<{ text: string }[]>;
    /** the patched text and whether every patch applied */
    patch_apply(patches: { text: string }[], text: string): LuaMultiReturn<[string, boolean]>;
  }

  /** @noSelf */
  interface DiffLib {
    /** A differ with these diff-match-patch settings. */
    "new"(options?: {
      diff_timeout?: number;
      diff_edit_cost?: number;
      match_threshold?: number;
      match_distance?: number;
      patch_delete_threshold?: number;
      patch_margin?: number;
    }): Result<Differ>;
  }

  interface SplitterPage {
    content: string;
    metadata?: Table;
  }

  interface Splitter extends RuntimeObject {
    split_text(text: string): Result<string[]>;
    split_batch(pages: SplitterPage[]): Result<{ content: string; metadata: Table }[]>;
  }

  interface SplitterOptions {
    chunk_size?: number;
    chunk_overlap?: number;
  }
}

/** @noSelf @noResolution */
declare module "text" {
  type Regexp = Moonforge.Regexp;
  type Differ = Moonforge.Differ;
  type Splitter = Moonforge.Splitter;
  /** @noSelf */
  namespace regexp {
    function compile(pattern: string): Moonforge.Result<Moonforge.Regexp>;
  }
  /** diff-match-patch (`text.diff.new(options)`). */
  const diff: Moonforge.DiffLib;
  /** @noSelf */
  namespace splitter {
    function recursive(options?: Moonforge.SplitterOptions & { separators?: string[]; keep_separator?: boolean }): Moonforge.Result<Moonforge.Splitter>;
    function markdown(
      options?: Moonforge.SplitterOptions & { code_blocks?: boolean; heading_hierarchy?: boolean; join_table_rows?: boolean; reference_links?: boolean },
    ): Moonforge.Result<Moonforge.Splitter>;
  }
}
