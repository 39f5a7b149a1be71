// The npm peers (alex, write-good) as their users call them: Node libraries in one long-running process.
// Used by scripts/bench_peers.py. Protocol: one JSON object a line on stdin, {"tool": "alex" | "write-good",
// "text": "..."}; one JSON object a line on stdout, {"ns": <library call time in nanoseconds>, "findings":
// [[source, rule], ...]}. Only the library call is timed (process.hrtime.bigint around it), so start-up, the pipe
// and JSON are not counted per text. alex is ESM-only (v10+), hence .mjs and `import`; write-good is CommonJS.
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { text as alexText } from "alex";

const require = createRequire(import.meta.url);
const writeGood = require("write-good");

const tools = {
  // alex's plain-text entry point (its default export parses Markdown; reviews are plain text). Default config,
  // as `alex --text` runs it: retext-equality ("insensitive") and retext-profanities findings.
  alex: (value) => alexText(value).messages.map((m) => [m.source || "", m.ruleId || ""]),
  // write-good(text) with its default checks; a suggestion has no rule id, only a reason ("... is a weasel word").
  "write-good": (value) => writeGood(value).map((s) => ["write-good", s.reason.replace(/^"[^"]*" /, "")]),
};

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const { tool, text } = JSON.parse(line);
  const start = process.hrtime.bigint();
  const findings = tools[tool](text);
  const ns = Number(process.hrtime.bigint() - start);
  process.stdout.write(JSON.stringify({ ns, findings }) + "\n");
}
