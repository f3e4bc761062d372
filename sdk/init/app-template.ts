// The files `moonforge init` writes: a small working app (a root process that asks a greeter process for a greeting,
// a library both use, and tests), in Lua or in TypeScript. Only the text lives here; init-app.ts writes it.

export interface TemplateOptions {
  /** the app's name, for its README (the folder's name) */
  name: string;
  /** TypeScript sources instead of Lua */
  ts: boolean;
  /** moonforge's types/ folder as seen from the app folder (a relative path, `/`-separated); TypeScript only */
  typesPath: string;
}

/** File path (relative to the app folder, `/`-separated) → text. */
export type AppFiles = Record<string, string>;

export function appTemplate(opts: TemplateOptions): AppFiles {
  const ext = opts.ts ? 'ts' : 'lua';
  const files: AppFiles = {
    'src/_index.yaml': indexYaml(ext),
    'README.md': readme(opts),
    '.gitignore': 'node_modules/\n',
  };
  Object.assign(files, opts.ts ? tsSources(opts.typesPath) : LUA_SOURCES);
  return files;
}

function indexYaml(ext: string): string {
  return `# The app's entries. Run it with \`npx moonforge run . -x app:main [NAME]\`, test it with \`npx moonforge test .\`.
version: "1.0"
namespace: app

entries:
  # -x runs the root process on the terminal host (stdin/stdout); the processes it spawns live on app:processes.
  - name: terminal
    kind: terminal.host
    lifecycle:
      auto_start: true

  - name: processes
    kind: process.host
    lifecycle:
      auto_start: true

  # What both processes and the tests share; \`imports:\` binds it as \`greeting\` (require("greeting")).
  - name: greeting
    kind: library.lua
    source: file://greeting.${ext}

  - name: main
    kind: process.lua
    source: file://main.${ext}
    method: main
    modules: [time]

  - name: greeter
    kind: process.lua
    source: file://greeter.${ext}
    method: main
    imports:
      greeting: app:greeting

  # Tests: function entries with meta.type: test, run by \`moonforge test\`; both read greeting_test.${ext}, so both
  # bind all it requires.
  - name: greets_by_name
    kind: function.lua
    meta: { type: test, suite: greeting }
    source: file://greeting_test.${ext}
    method: greets_by_name
    modules: [time]
    imports:
      greeting: app:greeting

  - name: greeter_answers
    kind: function.lua
    meta: { type: test, suite: greeting }
    source: file://greeting_test.${ext}
    method: greeter_answers
    modules: [time]
    imports:
      greeting: app:greeting
`;
}

const LUA_SOURCES: AppFiles = {
  'src/greeting.lua': `-- A library (library.lua): it runs once in each process that imports it; require("greeting") returns its table.
local greeting = {}

function greeting.greet(name)
  return "hello, " .. name
end

return greeting
`,
  'src/main.lua': `-- The root process: starts a greeter, asks it to greet NAME, prints the answer.
local time = require("time")

local function main(name)
  local greeter, err = process.spawn_linked("app:greeter", "app:processes")
  if not greeter then error("cannot start the greeter: " .. tostring(err)) end
  -- listening before asking: a reply on a topic nobody listens to would go to the inbox
  local replies = process.listen("greeting")
  process.send(greeter, "greet", { name = name or "world" })
  local timeout = time.after("1s")
  local r = channel.select({ replies:case_receive(), timeout:case_receive() })
  if r.channel == timeout then error("the greeter did not answer within 1s") end
  print(r.value)
end

return { main = main }
`,
  'src/greeter.lua': `-- Answers every "greet" message of its inbox with a "greeting" to its sender, until the app stops.
local greeting = require("greeting")

local function main()
  local inbox = process.inbox()
  while true do
    local msg = inbox:receive()
    if msg:topic() == "greet" then
      process.send(msg:from(), "greeting", greeting.greet(msg:payload():data().name))
    end
  end
end

return { main = main }
`,
  'src/greeting_test.lua': `-- The app's tests (moonforge test): a test fails when it raises an error or returns false.
local greeting = require("greeting")
local time = require("time")

local function greets_by_name()
  local text = greeting.greet("moon")
  assert(text == "hello, moon", "got " .. text)
end

local function greeter_answers()
  local greeter = assert(process.spawn("app:greeter", "app:processes"))
  local replies = process.listen("greeting")
  process.send(greeter, "greet", { name = "test" })
  local r = channel.select({ replies:case_receive(), time.after("1s"):case_receive() })
  assert(r.channel == replies, "no answer within 1s")
  assert(r.value == "hello, test", "got " .. tostring(r.value))
  process.terminate(greeter) -- it serves until stopped
end

return { greets_by_name = greets_by_name, greeter_answers = greeter_answers }
`,
};

function tsSources(typesPath: string): AppFiles {
  return {
    'tsconfig.json': tsconfig(typesPath),
    'src/topics.d.ts': `// The app's message contracts, topic name -> payload: process.send, process.listen and a message's
// payload().data() are checked against them. Add a topic here before you send on it.
declare namespace Moonforge {
  interface Topics {
    greet: { name: string };
    greeting: string;
  }
}
`,
    'src/greeting.ts': `// A library (library.lua): it runs once in each process that imports it; \`import * as greeting from "./greeting"\`
// becomes require("greeting"), which the entry's \`imports:\` binds.

export function greet(name: string): string {
  return \`hello, \${name}\`;
}
`,
    'src/main.ts': `// The root process: starts a greeter, asks it to greet NAME, prints the answer.
import * as time from "time";

export function main(name?: string): void {
  const [greeter, err] = process.spawn_linked("app:greeter", "app:processes");
  if (err !== undefined) throw err; // from here on, greeter is a Pid
  // listening before asking: a reply on a topic nobody listens to would go to the inbox
  const [replies] = process.listen("greeting");
  const [timeout] = time.after("1s");
  if (replies === undefined || timeout === undefined) error("cannot wait for the greeting");
  process.send(greeter, "greet", { name: name ?? "world" });
  const r = channel.select([replies.case_receive(), timeout.case_receive()]);
  if (r.channel !== replies) error("the greeter did not answer within 1s");
  print(r.value);
}
`,
    'src/greeter.ts': `// Answers every "greet" message of its inbox with a "greeting" to its sender, until the app stops.
import * as greeting from "./greeting";

export function main(): void {
  const inbox = process.inbox();
  while (true) {
    const [msg] = inbox.receive();
    if (msg !== undefined && isTopic(msg, "greet")) {
      process.send(msg.from(), "greeting", greeting.greet(msg.payload().data().name));
    }
  }
}

/** Narrows an inbox message (a union over the declared topics) to one topic: comparing \`msg.topic()\` alone does not. */
function isTopic<K extends Moonforge.TopicName>(msg: Moonforge.InboxMessage, topic: K): msg is Extract<Moonforge.InboxMessage, { topic(): K }> {
  return msg.topic() === topic;
}
`,
    'src/greeting_test.ts': `// The app's tests (moonforge test): a test fails when it raises an error or returns false.
import * as greeting from "./greeting";
import * as time from "time";

export function greets_by_name(): void {
  const text = greeting.greet("moon");
  assert(text === "hello, moon", \`got \${text}\`);
}

export function greeter_answers(): void {
  const [greeter, err] = process.spawn("app:greeter", "app:processes");
  if (err !== undefined) throw err;
  const [replies] = process.listen("greeting");
  const [timeout] = time.after("1s");
  if (replies === undefined || timeout === undefined) error("cannot wait for the greeting");
  process.send(greeter, "greet", { name: "test" });
  const r = channel.select([replies.case_receive(), timeout.case_receive()]);
  assert(r.channel === replies, "no answer within 1s");
  assert(r.value === "hello, test", \`got \${r.value}\`);
  process.terminate(greeter); // it serves until stopped
}
`,
  };
}

/**
 * Everything the type checker and TSTL need, found from the app folder: moonforge's declarations (which bring the
 * Lua standard library's and TSTL's language extensions with them), the Lua target moonforge runs, and never
 * @types/node (its `process` is not a moonforge process).
 */
function tsconfig(typesPath: string): string {
  const config = {
    compilerOptions: {
      target: 'ESNext',
      lib: ['ESNext'],
      module: 'ESNext',
      moduleResolution: 'bundler',
      strict: true,
      rootDir: 'src',
      types: [typesPath],
    },
    tstl: { luaTarget: '5.4', noImplicitSelf: true },
    include: ['src'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function readme(opts: TemplateOptions): string {
  const lang = opts.ts ? 'TypeScript' : 'Lua';
  const ext = opts.ts ? 'ts' : 'lua';
  const ts = opts.ts
    ? `
The sources are TypeScript: moonforge type-checks the app (\`tsconfig.json\`), transpiles it to Lua and runs that;
a type error stops the run with its position in the \`.ts\` file. Message topics and their payloads are declared in
\`src/topics.d.ts\`. Your editor shows the same type errors as you type (it reads \`tsconfig.json\`).
`
    : '';
  return `# ${opts.name}

A moonforge app in ${lang}: \`main\` (src/main.${ext}) starts a \`greeter\` process (src/greeter.${ext}), sends it a
\`greet\` message and prints the greeting it gets back.
${ts}
Run it (from this folder; NAME is optional):

\`\`\`sh
npx moonforge run . -x app:main NAME
\`\`\`

Test it (the entries with \`meta.type: test\` in src/_index.yaml):

\`\`\`sh
npx moonforge test .
\`\`\`
`;
}
